package io.pgbridge.translation.ddl;

import java.util.List;

/**
 * DDL that MariaDB builds on the server from its own catalog, for statements whose MariaDB form depends on what a
 * column is (its type, nullability, default), which the translation cannot see: the first statement reads
 * {@code information_schema} into a session variable, the second runs it with {@code EXECUTE IMMEDIATE}. Two
 * statements, since EXECUTE IMMEDIATE takes no subquery. Where the catalog has no such column the variable is NULL
 * and a fallback runs instead, which fails as MariaDB does for a missing table or column.
 */
final class MariaDbDynamicDdl {
    private static final String VARIABLE = "@pgbridge_ddl";

    private MariaDbDynamicDdl() {
    }

    /** {@code build}: an SQL expression that gives the statement's text, or NULL. */
    static List<String> statements(String build, String fallback) {
        return List.of("SET " + VARIABLE + " = " + build,
                "EXECUTE IMMEDIATE COALESCE(" + VARIABLE + ", " + literal(fallback) + ")");
    }

    /** {@code FROM … WHERE} of the {@code information_schema.COLUMNS} row of {@code table.column}. */
    static String columnRow(ObjectName table, String column) {
        return " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + schema(table) + " AND TABLE_NAME = "
                + literal(table.last().value()) + " AND COLUMN_NAME = " + literal(column);
    }

    /** PostgreSQL's default schema is the connection's database; another schema is a database of its own. */
    static String schema(ObjectName table) {
        List<Name> parts = table.parts();
        return parts.size() == 2 && !parts.get(0).value().equals("public") ? literal(parts.get(0).value()) : "DATABASE()";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
