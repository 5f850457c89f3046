package io.pgbridge.proxy.catalog;

import io.pgbridge.config.PgMilliseconds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pg_settings} on the catalog engine, as each session sees it: PostgreSQL 15's rows for the settings
 * pgbridge has (name, unit, category, descriptions, context, type, bounds, defaults: {@code pg_settings.psv}, in the
 * shared table {@link #BUILTIN}) with the session's own values in {@code setting}, in PostgreSQL's units
 * ({@code statement_timeout} 5s is 5000 with unit ms, {@code work_mem} 4MB is 4096 kB). Each engine connection has
 * the table of its own (an H2 local temporary table), refilled before a catalog query that names it. {@code source},
 * {@code reset_val} and {@code sourcefile} stay PostgreSQL's defaults: pgbridge does not track where a value came
 * from.
 */
public final class CatalogSettings {
    static final String BUILTIN = "pg_settings_builtin";
    private static final String TABLE = CatalogEngine.SCHEMA + ".pg_settings";
    private static final Pattern MEMORY = Pattern.compile("\\s*(\\d+)\\s*(B|kB|MB|GB|TB)?\\s*");

    private CatalogSettings() {
    }

    /** True when a catalog query reads pg_settings (or the function behind it), which must then be filled first. */
    public static boolean isNamedIn(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("pg_settings") || lower.contains("pg_show_all_settings");
    }

    /** Replaces the rows of the connection's pg_settings with the built-in ones carrying {@code values}. */
    public static void fill(Connection engineConnection, Map<String, String> values) throws SQLException {
        try (Statement st = engineConnection.createStatement()) {
            st.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + TABLE + " AS SELECT * FROM "
                    + CatalogEngine.SCHEMA + "." + BUILTIN + " WITH NO DATA");
            st.execute("DELETE FROM " + TABLE);
            st.execute("INSERT INTO " + TABLE + " SELECT * FROM " + CatalogEngine.SCHEMA + "." + BUILTIN);
        }
        try (PreparedStatement units = engineConnection.prepareStatement("SELECT name, unit FROM " + TABLE);
             PreparedStatement update = engineConnection.prepareStatement("UPDATE " + TABLE
                     + " SET setting = ? WHERE name = ?");
             var rs = units.executeQuery()) {
            Map<String, String> byLowerName = new HashMap<>();
            values.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), value));
            while (rs.next()) {
                String value = byLowerName.get(rs.getString(1).toLowerCase(Locale.ROOT));
                String setting = value == null ? null : inUnit(value, rs.getString(2));
                if (setting != null) {
                    update.setString(1, setting);
                    update.setString(2, rs.getString(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** {@code value} (as SHOW prints it) in the row's unit, or null when it cannot be read as one. */
    static String inUnit(String value, String unit) {
        if (unit == null) {
            return value;
        }
        try {
            return switch (unit) {
                case "ms" -> Long.toString(PgMilliseconds.parse(value));
                case "kB" -> Long.toString(kilobytes(value));
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static long kilobytes(String value) {
        Matcher m = MEMORY.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "kB" : m.group(2);
        return switch (unit) {
            case "B" -> n / 1024;
            case "kB" -> n;
            case "MB" -> n * 1024;
            case "GB" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }
}
