package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * jsonb on SQLite: the operators are Java functions registered on each connection ({@code SqliteJsonFunctions},
 * PostgreSQL's semantics), jsonb_typeof, jsonb_array_length and jsonb_set keep their names, and JSON1 builds
 * objects and arrays. A value that is JSON text must reach JSON1 through {@code json(…)}, or it is embedded as a
 * string.
 */
final class SqliteJsonbRules extends JsonbRules {
    private static final String BOOLEAN_AS_JSON = "json(CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' END)";

    SqliteJsonbRules(DialectRules rules) {
        super(rules);
    }

    @Override
    boolean writesJsonText() {
        return true;
    }

    @Override
    SqlNode keyExists(SqlNode doc, SqlNode key) {
        return DialectRules.template("pgbridge_jsonb_exists({0}, {1})", doc, key);
    }

    @Override
    SqlNode keysExist(SqlNode doc, SqlNode keys, SqlNode writtenKeys, boolean any) {
        return DialectRules.template(any ? "pgbridge_jsonb_exists_any({0}, {1})" : "pgbridge_jsonb_exists_all({0}, {1})",
                doc, keys);
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        return DialectRules.template("pgbridge_jsonb_contains({0}, {1})", a, b);
    }

    @Override
    SqlNode concat(SqlNode a, SqlNode b) {
        return DialectRules.template("json(pgbridge_jsonb_concat({0}, {1}))", a, b);
    }

    @Override
    SqlNode deleteKey(SqlNode doc, SqlNode key) {
        return DialectRules.template("json(pgbridge_jsonb_delete({0}, {1}))", doc, key);
    }

    @Override
    SqlNode cast(SqlNode value, boolean binary) {
        return DialectRules.template(binary ? "json(pgbridge_jsonb({0}))" : "pgbridge_json({0})", value);
    }

    @Override
    SqlNode function(String name, SqlCall call, List<SqlNode> translated, List<SqlNode> written) {
        List<SqlNode> args = jsonArguments(translated, written);
        return switch (name) {
            case "json_build_object", "jsonb_build_object" -> textOfJson(name, "pgbridge_json_object_text",
                    DialectRules.call("json_object", JsonValues.booleansAsJson(args, written, BOOLEAN_AS_JSON)));
            case "json_build_array", "jsonb_build_array" -> textOfJson(name, "pgbridge_json_array_text",
                    DialectRules.call("json_array", JsonValues.booleansAsJson(args, written, BOOLEAN_AS_JSON)));
            case "json_agg", "jsonb_agg" -> textOfJson(name, "pgbridge_json_array_text",
                    aggregate("json_group_array", call, args));
            case "json_object_agg", "jsonb_object_agg" -> aggregate("json_group_object", call, args);
            case "jsonb_set" -> DialectRules.template(args.size() > 3 ? "json(jsonb_set({0}, {1}, {2}, {3}))"
                    : "json(jsonb_set({0}, {1}, {2}))", args.toArray(SqlNode[]::new));
            default -> null;
        };
    }

    /**
     * JSON text written by a function of the client's (json_build_object(…) inside json_agg(…)) reaches JSON1 as
     * text, which it would embed as a string: {@code json(…)} makes it JSON again.
     */
    private static List<SqlNode> jsonArguments(List<SqlNode> args, List<SqlNode> written) {
        List<SqlNode> out = new ArrayList<>(args);
        for (int i = 0; i < out.size() && i < written.size(); i++) {
            String type = ExpressionTypes.of(written.get(i));
            if (ExpressionTypes.JSON.equals(type)) {
                out.set(i, DialectRules.template("json({0})", out.get(i)));
            }
        }
        return out;
    }

    /**
     * The json functions' text as PostgreSQL writes it ({@code {"a" : 1}}, {@code [1, 2]}); the jsonb ones are
     * presented in jsonb's canonical form by the proxy.
     */
    private static SqlNode textOfJson(String name, String formatter, SqlNode built) {
        return name.startsWith("jsonb") ? built : DialectRules.template(formatter + "({0})", built);
    }

    private SqlNode aggregate(String function, SqlCall call, List<SqlNode> args) {
        SqlNodeList order = order(args);
        return rules.arrays().aggregate(function, call, order == null ? args : args.subList(0, args.size() - 1),
                order);
    }

    @Override
    SqlNode elementsText(SqlNode doc, String alias, String column) {
        return rules.arrays().elements(doc, alias, column);
    }
}
