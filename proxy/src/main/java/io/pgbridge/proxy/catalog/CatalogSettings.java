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
 * the table of its own (an H2 local temporary table), refilled before a catalog query that names it. {@code source}
 * is 'session' after a SET and 'client' for a value of the startup packet, {@code reset_val} what RESET would
 * restore; {@code boot_val} and the other columns are PostgreSQL's.
 */
public final class CatalogSettings {
    static final String BUILTIN = "pg_settings_builtin";
    private static final String TABLE = CatalogEngine.SCHEMA + ".pg_settings";
    private static final Pattern MEMORY = Pattern.compile("\\s*(\\d+)\\s*(B|kB|MB|GB|TB)?\\s*");

    /** The session's values as SHOW prints them, which current_setting() of a column reads on the engine. */
    private static final String SHOWN = CatalogEngine.SCHEMA + ".pgbridge_shown_settings";

    private CatalogSettings() {
    }

    /**
     * True when a catalog query reads pg_settings (or the function behind it) or current_setting() of a column,
     * which must then be filled first.
     */
    public static boolean isNamedIn(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("pg_settings") || lower.contains("pg_show_all_settings")
                || lower.contains("current_setting");
    }

    /**
     * {@code current_setting(name [, missing_ok])} on the engine, where the name comes from a row (psql's
     * {@code \dconfig}): the session's value as SHOW prints it.
     */
    public static String currentSetting(Connection engineConnection, String name, Boolean missingOk) throws SQLException {
        if (name == null) {
            return null;
        }
        try (PreparedStatement ps = engineConnection.prepareStatement("SELECT setting FROM " + SHOWN
                + " WHERE name = ?")) {
            ps.setString(1, name.toLowerCase(Locale.ROOT));
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        if (Boolean.TRUE.equals(missingOk)) {
            return null;
        }
        throw new SQLException("unrecognized configuration parameter \"" + name + "\"", "42704");
    }

    /**
     * A session's settings: {@code values} as SHOW prints them, {@code resetValues} what RESET would restore, and
     * {@code sources} where the values that are not pgbridge's defaults came from ('session', 'client'), all by name.
     */
    public record SessionValues(Map<String, String> values, Map<String, String> resetValues,
                                Map<String, String> sources) {
    }

    /** Replaces the rows of the connection's pg_settings with the built-in ones carrying the session's values. */
    public static void fill(Connection engineConnection, SessionValues session) throws SQLException {
        try (Statement st = engineConnection.createStatement()) {
            st.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + TABLE + " AS SELECT * FROM "
                    + CatalogEngine.SCHEMA + "." + BUILTIN + " WITH NO DATA");
            st.execute("DELETE FROM " + TABLE);
            st.execute("INSERT INTO " + TABLE + " SELECT * FROM " + CatalogEngine.SCHEMA + "." + BUILTIN);
            st.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + SHOWN
                    + " (name varchar PRIMARY KEY, setting varchar)");
            st.execute("DELETE FROM " + SHOWN);
        }
        try (PreparedStatement shown = engineConnection.prepareStatement("INSERT INTO " + SHOWN + " VALUES (?, ?)")) {
            for (var e : byLowerName(session.values()).entrySet()) {
                shown.setString(1, e.getKey());
                shown.setString(2, e.getValue());
                shown.addBatch();
            }
            shown.executeBatch();
        }
        try (PreparedStatement units = engineConnection.prepareStatement("SELECT name, unit FROM " + TABLE);
             PreparedStatement update = engineConnection.prepareStatement("UPDATE " + TABLE
                     + " SET setting = COALESCE(?, setting), reset_val = COALESCE(?, reset_val),"
                     + " source = COALESCE(?, source) WHERE name = ?");
             var rs = units.executeQuery()) {
            Map<String, String> values = byLowerName(session.values());
            Map<String, String> resetValues = byLowerName(session.resetValues());
            Map<String, String> sources = byLowerName(session.sources());
            while (rs.next()) {
                String name = rs.getString(1).toLowerCase(Locale.ROOT);
                update.setString(1, inUnitOrNull(values.get(name), rs.getString(2)));
                update.setString(2, inUnitOrNull(resetValues.get(name), rs.getString(2)));
                update.setString(3, sources.get(name));
                update.setString(4, rs.getString(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Map<String, String> byLowerName(Map<String, String> byName) {
        Map<String, String> byLowerName = new HashMap<>();
        byName.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), value));
        return byLowerName;
    }

    private static String inUnitOrNull(String value, String unit) {
        return value == null ? null : inUnit(value, unit);
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
