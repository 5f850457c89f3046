package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.ColumnType;
import io.pgbridge.backend.PgOid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's default and type modifier as the backend reports them, in the form PostgreSQL's catalog has them.
 */
final class ColumnDefaults {
    private static final Pattern PRECISION_SCALE = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private ColumnDefaults() {
    }

    /**
     * {@code numeric(p,s)} from the declared type name when the driver reports no precision (SQLite keeps the
     * declaration as the type name).
     */
    static ColumnType withDeclaredModifier(ColumnType type, String typeName) {
        if (type.oid() != PgOid.NUMERIC || type.typeModifier() >= 0 || typeName == null) {
            return type;
        }
        Matcher m = PRECISION_SCALE.matcher(typeName);
        return m.find() ? ColumnType.numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : type;
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
