package io.pgbridge.proxy.session;

import io.pgbridge.config.PgMilliseconds;
import io.pgbridge.config.SessionTimeouts;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The settings a pgbridge session starts with, as PostgreSQL 15 spells and shows them, and the checks their values
 * pass where pgbridge depends on them (it encodes dates and text itself) or PostgreSQL knows only a few values.
 */
final class BuiltinSettings {
    /** Settings PostgreSQL shows but never lets a session change. */
    private static final Set<String> FIXED = Set.of("server_version", "server_encoding", "integer_datetimes",
            "is_superuser", "in_hot_standby", "server_version_num", "max_identifier_length", "max_index_keys",
            "session_authorization", "block_size", "segment_size", "lc_collate", "lc_ctype");
    private static final Set<String> ISOLATION_LEVELS = Set.of("serializable", "repeatable read", "read committed",
            "read uncommitted");

    private BuiltinSettings() {
    }

    /** The settings in milliseconds that pgbridge enforces itself ({@link RunningStatement}, {@link IdleTimeout}). */
    static final String STATEMENT_TIMEOUT = "statement_timeout";
    static final String IDLE_IN_TRANSACTION_SESSION_TIMEOUT = "idle_in_transaction_session_timeout";
    static final String IDLE_SESSION_TIMEOUT = "idle_session_timeout";

    static void define(String serverVersion, String user, SessionTimeouts timeouts, BiConsumer<String, String> define) {
        define.accept("server_version", serverVersion);
        define.accept("server_version_num", versionNumber(serverVersion));
        define.accept("server_encoding", "UTF8");
        define.accept("client_encoding", "UTF8");
        define.accept("DateStyle", "ISO, MDY");
        define.accept("IntervalStyle", "postgres");
        define.accept("TimeZone", "UTC");
        define.accept("integer_datetimes", "on");
        define.accept("standard_conforming_strings", "on");
        define.accept("application_name", "");
        define.accept("is_superuser", "on");
        define.accept("session_authorization", user);
        define.accept("in_hot_standby", "off");
        define.accept("default_transaction_isolation", "read committed");
        define.accept("default_transaction_read_only", "off");
        define.accept("default_transaction_deferrable", "off");
        define.accept("transaction_isolation", "read committed");
        define.accept("transaction_read_only", "off");
        define.accept("transaction_deferrable", "off");
        define.accept("search_path", "\"$user\", public");
        define.accept("extra_float_digits", "1");
        define.accept(STATEMENT_TIMEOUT, PgMilliseconds.show(timeouts.statementTimeout().toMillis()));
        define.accept("lock_timeout", "0");
        define.accept(IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
                PgMilliseconds.show(timeouts.idleInTransactionSessionTimeout().toMillis()));
        define.accept(IDLE_SESSION_TIMEOUT, PgMilliseconds.show(timeouts.idleSessionTimeout().toMillis()));
        define.accept("bytea_output", "hex");
        define.accept("client_min_messages", "notice");
        define.accept("max_identifier_length", "63");
        define.accept("max_index_keys", "32");
        define.accept("lc_messages", "C");
        define.accept("lc_monetary", "C");
        define.accept("lc_numeric", "C");
        define.accept("lc_time", "C");
        define.accept("timezone_abbreviations", "Default");
        define.accept("geqo", "on");
        define.accept("jit", "off");
        define.accept("row_security", "on");
        define.accept("xmloption", "content");
        define.accept("escape_string_warning", "on");
        define.accept("array_nulls", "on");
        define.accept("backslash_quote", "safe_encoding");
        define.accept("work_mem", "4MB");
        define.accept("synchronous_commit", "on");
    }

    static boolean isFixed(String key) {
        return FIXED.contains(key);
    }

    /** The value as PostgreSQL would store it, or an ErrorResponse PostgreSQL (or pgbridge's limits) would give. */
    static String checked(String key, String value) {
        if (FIXED.contains(key)) {
            throw new PgException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + key + "\" cannot be changed");
        }
        return switch (key) {
            case "client_encoding" -> {
                String enc = value.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (!enc.equals("UTF8") && !enc.equals("UNICODE")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "pgbridge supports only client_encoding UTF8, not \"" + value + "\"");
                }
                yield "UTF8";
            }
            case "datestyle" -> dateStyle(value);
            case "intervalstyle" -> {
                if (!value.equalsIgnoreCase("postgres")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "pgbridge supports only IntervalStyle postgres, not \"" + value + "\"");
                }
                yield "postgres";
            }
            case "timezone" -> zoneName(value);
            case "default_transaction_isolation", "transaction_isolation" -> {
                String level = value.toLowerCase(Locale.ROOT);
                if (!ISOLATION_LEVELS.contains(level)) {
                    throw invalidValue(key, value);
                }
                yield level;
            }
            case "default_transaction_read_only", "transaction_read_only", "default_transaction_deferrable",
                 "transaction_deferrable" -> bool(key, value);
            case STATEMENT_TIMEOUT, IDLE_IN_TRANSACTION_SESSION_TIMEOUT, IDLE_SESSION_TIMEOUT ->
                    PgMilliseconds.show(milliseconds(key, value));
            default -> value;
        };
    }

    /** PostgreSQL's booleans: on/off, true/false, yes/no, 1/0 and their unique prefixes; shown as on/off. */
    static String bool(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("1") || (!v.isEmpty() && ("true".startsWith(v) || "yes".startsWith(v)))) {
            return "on";
        }
        if (v.equals("0") || (v.length() >= 2 && "off".startsWith(v))
                || (!v.isEmpty() && ("false".startsWith(v) || "no".startsWith(v)))) {
            return "off";
        }
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "parameter \"" + key + "\" requires a Boolean value");
    }

    /** A timeout's value in milliseconds, refused with PostgreSQL's words when it is not one (or out of range). */
    static long milliseconds(String key, String value) {
        long millis;
        try {
            millis = PgMilliseconds.parse(value);
        } catch (PgMilliseconds.Invalid e) {
            throw new PgException("ERROR", SqlState.INVALID_PARAMETER_VALUE.code(),
                    "invalid value for parameter \"" + key + "\": \"" + value + "\"", null, e.hint(), 0, null);
        }
        if (millis < 0 || millis > PgMilliseconds.MAX) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, millis + " ms is outside the valid range for"
                    + " parameter \"" + key + "\" (0 .. " + PgMilliseconds.MAX + ")");
        }
        return millis;
    }

    private static PgException invalidValue(String key, String value) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + key + "\": \"" + value + "\"");
    }

    /** Only ISO output with month-day-year input exists in pgbridge; anything else is refused, not ignored. */
    private static String dateStyle(String value) {
        String v = value.toUpperCase(Locale.ROOT);
        boolean otherOutput = v.contains("SQL") || v.contains("POSTGRES") || v.contains("GERMAN");
        boolean otherOrder = v.contains("DMY") || v.contains("YMD") || v.contains("EURO");
        if (otherOutput || otherOrder) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "pgbridge supports only DateStyle ISO, MDY, not \"" + value + "\"");
        }
        return "ISO, MDY";
    }

    /** The zone as PostgreSQL names it: found ignoring case ('europe/paris' is Europe/Paris), UTC for utc/gmt. */
    private static String zoneName(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("utc") || v.equalsIgnoreCase("gmt") || v.equalsIgnoreCase("z")) {
            return v.toUpperCase(Locale.ROOT).equals("Z") ? "UTC" : v.toUpperCase(Locale.ROOT);
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(v)) {
                return id;
            }
        }
        throw invalidValue("TimeZone", value);
    }

    private static String versionNumber(String version) {
        String[] parts = version.split("[^0-9]+");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
            return Integer.toString(major * 10000 + minor);
        } catch (RuntimeException e) {
            return "150020";
        }
    }
}
