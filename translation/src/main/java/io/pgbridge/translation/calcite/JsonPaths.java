package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * JSON paths for the keys of {@code ->}, {@code ->>}, {@code #>} and {@code #>>}: a text key is an object member,
 * an integer an array element, and a {@code #>} path ({@code '{a,b,0}'}) a sequence of both.
 */
final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * PostgreSQL's JSON operators on a backend that has {@code ->} and {@code ->>} itself (SQLite, DuckDB): a
     * literal key or index as it is, anything else, and {@code #>} paths, as a path.
     */
    static SqlNode arrows(SqlNode doc, SqlNode key, boolean asText, boolean path) {
        SqlNode right = path || !(key instanceof SqlNumericLiteral || DialectRules.stringValue(key) != null)
                ? mysqlPath(key, path) : key;
        return DialectRules.template(asText ? "({0} ->> {1})" : "({0} -> {1})", doc, right);
    }

    /** The MySQL/SQLite path ({@code $."a"[0]}) for a key or a {@code #>} path, as an SQL expression. */
    static SqlNode mysqlPath(SqlNode key, boolean path) {
        if (key instanceof SqlNumericLiteral number) {
            return SqlLiteral.createCharString("$[" + number.toValue() + "]", SqlParserPos.ZERO);
        }
        if (key instanceof SqlCharStringLiteral string) {
            String value = string.getValueAs(String.class);
            return SqlLiteral.createCharString(path ? ofArrayText(value) : "$" + member(value), SqlParserPos.ZERO);
        }
        if (key instanceof SqlDynamicParam && !path) {
            return DialectRules.template("('$.\"' || {0} || '\"')", key);
        }
        throw new IllegalArgumentException("json key");
    }

    private static String member(String name) {
        return ".\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A PostgreSQL text-array path literal such as {@code {a,b,0}}. */
    private static String ofArrayText(String array) {
        String body = array.trim();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        StringBuilder path = new StringBuilder("$");
        if (body.isBlank()) {
            return path.toString();
        }
        for (String element : body.split(",")) {
            String e = element.trim();
            if (e.startsWith("\"") && e.endsWith("\"") && e.length() >= 2) {
                e = e.substring(1, e.length() - 1);
            }
            path.append(e.matches("-?\\d+") ? "[" + e + "]" : member(e));
        }
        return path.toString();
    }
}
