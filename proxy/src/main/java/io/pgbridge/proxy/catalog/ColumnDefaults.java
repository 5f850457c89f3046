package io.pgbridge.proxy.catalog;

/** A column default as the backend reports it, in the form PostgreSQL's {@code pg_get_expr} would print it. */
final class ColumnDefaults {
    private ColumnDefaults() {
    }

    static String normalise(String def) {
        if (def == null) {
            return null;
        }
        String text = def.trim();
        // SQLite and MariaDB may keep the parentheses of DEFAULT (expr); NULL as a default is no default.
        while (text.length() > 1 && text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text.isEmpty() || text.equalsIgnoreCase("null") ? null : text;
    }
}
