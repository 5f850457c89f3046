package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.List;

/**
 * jsonb on MariaDB with its JSON functions. A key is a path member ({@code $."key"}); ? also finds a string
 * element of an array, as PostgreSQL's does.
 */
final class MariaDbJsonbRules extends JsonbRules {
    private static final String KEY_EXISTS = "(JSON_CONTAINS_PATH({0}, 'one', CONCAT('$.\"', {1}, '\"'))"
            + " OR JSON_TYPE({0}) = 'ARRAY' AND JSON_CONTAINS({0}, JSON_QUOTE({1})))";
    private static final String BOOLEAN_AS_JSON = "JSON_EXTRACT(CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false'"
            + " END, '$')";

    MariaDbJsonbRules(DialectRules rules) {
        super(rules);
    }

    @Override
    boolean writesJsonText() {
        return false;
    }

    @Override
    SqlNode keyExists(SqlNode doc, SqlNode key) {
        return DialectRules.template(KEY_EXISTS, doc, key);
    }

    @Override
    SqlNode keysExist(SqlNode doc, SqlNode keys, SqlNode writtenKeys, boolean any) {
        if (!(writtenKeys instanceof SqlCall array) || array.getKind() != org.apache.calcite.sql.SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
            throw rules.unsupported((any ? "?|" : "?&") + " with keys other than ARRAY[…]");
        }
        SqlNode[] operands = new SqlNode[array.operandCount() + 1];
        operands[0] = doc;
        StringBuilder text = new StringBuilder("(");
        List<SqlNode> keyNodes = ((SqlCall) keys).getOperandList();
        for (int i = 0; i < keyNodes.size(); i++) {
            operands[i + 1] = keyNodes.get(i);
            text.append(i == 0 ? "" : any ? " OR " : " AND ").append(KEY_EXISTS.replace("{1}", "{" + (i + 1) + "}"));
        }
        return DialectRules.template(keyNodes.isEmpty() ? (any ? "FALSE" : "TRUE") : text.append(')').toString(),
                operands);
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        return DialectRules.template("JSON_CONTAINS({0}, {1})", a, b);
    }

    @Override
    SqlNode concat(SqlNode a, SqlNode b) {
        return DialectRules.template("(CASE WHEN JSON_TYPE({0}) = 'OBJECT' AND JSON_TYPE({1}) = 'OBJECT'"
                + " THEN JSON_MERGE_PATCH({0}, {1}) ELSE JSON_MERGE_PRESERVE({0}, {1}) END)", a, b);
    }

    @Override
    SqlNode deleteKey(SqlNode doc, SqlNode key) {
        // From an array, jsonb - text removes the string elements equal to the text.
        String element = "JSON_EXTRACT({0}, CONCAT('$[', pgbridge_e.pgbridge_o - 1, ']'))";
        return DialectRules.template("(CASE WHEN JSON_TYPE({0}) = 'ARRAY' THEN COALESCE((SELECT JSON_ARRAYAGG("
                + element + " ORDER BY pgbridge_e.pgbridge_o) FROM " + MariaDbArrayRules.ELEMENTS + " AS pgbridge_e"
                + " WHERE NOT (JSON_TYPE(" + element + ") = 'STRING' AND pgbridge_e.pgbridge_v = {1})), '[]')"
                + " ELSE JSON_REMOVE({0}, CONCAT('$.\"', {1}, '\"')) END)", doc, key);
    }

    @Override
    SqlNode cast(SqlNode value, boolean binary) {
        String literal = DialectRules.stringValue(value);
        if (literal != null) {
            JsonSyntax.check(literal);
        }
        return value;
    }

    @Override
    SqlNode function(String name, SqlCall call, List<SqlNode> args, List<SqlNode> written) {
        return switch (name) {
            case "json_build_object", "jsonb_build_object" -> DialectRules.call("JSON_OBJECT",
                    JsonValues.booleansAsJson(args, written, BOOLEAN_AS_JSON));
            case "json_build_array", "jsonb_build_array" -> DialectRules.call("JSON_ARRAY",
                    JsonValues.booleansAsJson(args, written, BOOLEAN_AS_JSON));
            case "json_agg", "jsonb_agg" -> aggregate(call, args);
            case "jsonb_typeof", "json_typeof" -> DialectRules.template("LOWER(CASE JSON_TYPE({0}) WHEN 'DOUBLE'"
                    + " THEN 'number' WHEN 'INTEGER' THEN 'number' WHEN 'UNSIGNED INTEGER' THEN 'number'"
                    + " ELSE JSON_TYPE({0}) END)", args.get(0));
            case "jsonb_array_length", "json_array_length" -> DialectRules.template("JSON_LENGTH({0})", args.get(0));
            case "jsonb_set" -> {
                if (args.size() != 3 || DialectRules.stringValue(args.get(1)) == null) {
                    throw rules.unsupported("jsonb_set with a path that is not a constant, or create_missing");
                }
                yield DialectRules.template("JSON_SET({0}, {1}, JSON_EXTRACT({2}, '$'))", args.get(0),
                        JsonPaths.mysqlPath(args.get(1), true), args.get(2));
            }
            default -> null;
        };
    }

    private SqlNode aggregate(SqlCall call, List<SqlNode> args) {
        SqlNodeList order = order(args);
        return rules.arrays().aggregate("JSON_ARRAYAGG", call, List.of(args.get(0)), order);
    }

    @Override
    SqlNode elementsText(SqlNode doc, String alias, String column) {
        return rules.arrays().elements(doc, alias, column);
    }
}
