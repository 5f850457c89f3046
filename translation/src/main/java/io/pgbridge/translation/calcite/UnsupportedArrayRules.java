package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.List;

/** Arrays on a backend whose translation has no array rules yet: each use is refused with 0A000 by name. */
final class UnsupportedArrayRules extends ArrayRules {
    UnsupportedArrayRules(DialectRules rules) {
        super(rules);
    }

    private io.pgbridge.translation.TranslationException refused() {
        return rules.unsupported("arrays");
    }

    @Override
    SqlNode construct(List<SqlNode> elements) {
        throw refused();
    }

    @Override
    SqlNode subscript(SqlNode array, SqlNode index) {
        throw refused();
    }

    @Override
    String elementsTemplate(String array) {
        throw refused();
    }

    @Override
    SqlNode elements(SqlNode array, String alias, String column) {
        throw refused();
    }

    @Override
    boolean namesElementColumn() {
        return false;
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        throw refused();
    }

    @Override
    SqlNode overlaps(SqlNode a, SqlNode b) {
        throw refused();
    }

    @Override
    SqlNode aggregate(SqlCall call, SqlNode value, SqlNodeList order) {
        throw refused();
    }

    @Override
    SqlNode function(String name, List<SqlNode> args) {
        return null;   // not an array function here: the backend's own, if it has one
    }
}
