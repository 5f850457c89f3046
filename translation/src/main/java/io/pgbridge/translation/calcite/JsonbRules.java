package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.List;

/**
 * PostgreSQL's jsonb operators and functions where the backend's JSON functions answer differently or not at all.
 * Operands arrive translated; {@code written} operands are the client's, for decisions by type.
 */
abstract class JsonbRules {
    final DialectRules rules;

    JsonbRules(DialectRules rules) {
        this.rules = rules;
    }

    /** {@code doc ? key}: a top-level key of an object, or a string element of an array. */
    abstract SqlNode keyExists(SqlNode doc, SqlNode key);

    /** {@code doc ?| keys} ({@code any}) or {@code doc ?& keys}; {@code writtenKeys} as the client wrote them. */
    abstract SqlNode keysExist(SqlNode doc, SqlNode keys, SqlNode writtenKeys, boolean any);

    /** {@code a @> b} on jsonb: PostgreSQL's containment. */
    abstract SqlNode contains(SqlNode a, SqlNode b);

    /** {@code a || b} on jsonb: objects merge, arrays concatenate. */
    abstract SqlNode concat(SqlNode a, SqlNode b);

    /** {@code doc - key}. */
    abstract SqlNode deleteKey(SqlNode doc, SqlNode key);

    /** {@code value::jsonb} or {@code ::json}: checked to be JSON (22P02 otherwise). */
    abstract SqlNode cast(SqlNode value, boolean binary);

    /**
     * {@code json_agg}/{@code jsonb_agg(x [ORDER BY …])} with NULLs kept, and {@code json_build_object}'s family;
     * {@code written} are the client's arguments (a boolean argument is written as JSON true/false). Null for
     * other names.
     */
    abstract SqlNode function(String name, SqlCall call, List<SqlNode> args, List<SqlNode> written);

    /** {@code jsonb_array_elements_text(doc) AS alias(column)} in FROM, as {@link ArrayRules#elements}. */
    abstract SqlNode elementsText(SqlNode doc, String alias, String column);

    /**
     * Whether the json functions' results come out as PostgreSQL writes json ({@code {"a" : 1}}); where they do
     * not, such columns are presented in jsonb's canonical form, which is nearer than the backend's spacing.
     */
    abstract boolean writesJsonText();

    /** The aggregate's ORDER BY operand, when Babel gave it one. */
    static SqlNodeList order(List<SqlNode> args) {
        return args.size() > 1 && args.get(args.size() - 1) instanceof SqlNodeList list ? list : null;
    }
}
