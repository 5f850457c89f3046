package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;

import java.util.List;

/**
 * jsonb operators on a backend whose translation has no jsonb rules yet: each is refused with 0A000 by name; casts
 * and functions are left to the backend.
 */
final class UnsupportedJsonbRules extends JsonbRules {
    UnsupportedJsonbRules(DialectRules rules) {
        super(rules);
    }

    private TranslationException refused(String construct) {
        return rules.unsupported(construct);
    }

    @Override
    SqlNode keyExists(SqlNode doc, SqlNode key) {
        throw refused("the operator ?");
    }

    @Override
    SqlNode keysExist(SqlNode doc, SqlNode keys, SqlNode writtenKeys, boolean any) {
        throw refused(any ? "the operator ?|" : "the operator ?&");
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        throw refused("the operator @>");
    }

    @Override
    SqlNode concat(SqlNode a, SqlNode b) {
        throw refused("|| on jsonb");
    }

    @Override
    SqlNode deleteKey(SqlNode doc, SqlNode key) {
        throw refused("jsonb - key");
    }

    @Override
    SqlNode cast(SqlNode value, boolean binary) {
        return value;
    }

    @Override
    SqlNode function(String name, SqlCall call, List<SqlNode> args, List<SqlNode> written) {
        return null;
    }

    @Override
    SqlNode elementsText(SqlNode doc, String alias, String column) {
        throw refused("jsonb_array_elements_text");
    }

    @Override
    boolean writesJsonText() {
        return false;
    }
}
