package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.types.TextContext;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run-time settings of one session as PostgreSQL names them, kept in the proxy so that every backend answers
 * SET/SHOW alike. Names are case-insensitive; {@link #REPORTED} ones are announced with ParameterStatus.
 */
final class SessionSettings {
    /** The settings PostgreSQL 15 reports to clients (GUC_REPORT), with their canonical spelling. */
    static final Set<String> REPORTED = Set.of("server_version", "server_encoding", "client_encoding",
            "application_name", "default_transaction_read_only", "in_hot_standby", "is_superuser",
            "session_authorization", "DateStyle", "IntervalStyle", "TimeZone", "integer_datetimes",
            "standard_conforming_strings");

    /** Canonical name by lower-case name, in the order SHOW ALL lists them. */
    private final Map<String, String> canonical = new TreeMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private TextContext textContext = TextContext.UTC;

    SessionSettings(String serverVersion, String user, Map<String, String> startup) {
        define("server_version", serverVersion);
        define("server_encoding", "UTF8");
        define("client_encoding", "UTF8");
        define("DateStyle", "ISO, MDY");
        define("IntervalStyle", "postgres");
        define("TimeZone", "UTC");
        define("integer_datetimes", "on");
        define("standard_conforming_strings", "on");
        define("application_name", "");
        define("is_superuser", "on");
        define("session_authorization", user);
        define("default_transaction_read_only", "off");
        define("in_hot_standby", "off");
        define("search_path", "\"$user\", public");
        define("extra_float_digits", "1");
        define("statement_timeout", "0");
        define("lock_timeout", "0");
        define("idle_in_transaction_session_timeout", "0");
        define("idle_session_timeout", "0");
        define("default_transaction_isolation", "read committed");
        define("transaction_isolation", "read committed");
        define("transaction_read_only", "off");
        define("bytea_output", "hex");
        define("client_min_messages", "notice");
        define("max_identifier_length", "63");
        define("max_index_keys", "32");
        define("server_version_num", versionNumber(serverVersion));
        define("lc_messages", "C");
        define("lc_monetary", "C");
        define("lc_numeric", "C");
        define("lc_time", "C");
        define("timezone_abbreviations", "Default");
        define("geqo", "on");
        define("jit", "off");
        define("row_security", "on");
        define("xmloption", "content");
        define("escape_string_warning", "on");
        define("array_nulls", "on");
        define("backslash_quote", "safe_encoding");
        define("default_with_oids", "off");
        define("work_mem", "4MB");
        for (var e : startup.entrySet()) {
            String name = e.getKey();
            if (name.equals("user") || name.equals("database") || name.equals("options") || name.equals("replication")
                    || name.startsWith("_pq_.")) {
                continue;
            }
            // Startup values that do not apply are ignored, as PostgreSQL does for unknown options.
            try {
                set(name, e.getValue());
                defaults.put(name.toLowerCase(Locale.ROOT), values.get(name.toLowerCase(Locale.ROOT)));
            } catch (PgException ignored) {
                // an unknown or invalid startup setting does not keep the client out
            }
        }
    }

    private void define(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        canonical.put(key, name);
        values.put(key, value);
        defaults.put(key, value);
    }

    /** True for names PostgreSQL would accept: known settings and custom {@code prefix.name} ones. */
    boolean isKnown(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return values.containsKey(key) || key.indexOf('.') > 0;
    }

    String canonicalName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return canonical.getOrDefault(key, key);
    }

    /** The value, or throws 42704 as PostgreSQL does for an unknown name. */
    String get(String name) {
        String value = values.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return value;
    }

    /**
     * Sets a value after checking it where pgbridge depends on it (encoding, date style, time zone).
     * Returns the canonical name when the setting is reported to clients, else null.
     */
    String set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!isKnown(key)) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        switch (key) {
            case "client_encoding" -> {
                String enc = value.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (!enc.equals("UTF8") && !enc.equals("UNICODE")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "pgbridge supports only client_encoding UTF8, not \"" + value + "\"");
                }
                value = "UTF8";
            }
            case "datestyle" -> {
                if (!value.toUpperCase(Locale.ROOT).contains("ISO")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "pgbridge supports only DateStyle ISO, not \"" + value + "\"");
                }
                value = "ISO, MDY";
            }
            case "intervalstyle" -> {
                if (!value.equalsIgnoreCase("postgres")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "pgbridge supports only IntervalStyle postgres, not \"" + value + "\"");
                }
            }
            case "timezone" -> textContext = new TextContext(parseZone(value));
            case "server_version", "server_encoding", "integer_datetimes", "is_superuser", "in_hot_standby",
                 "server_version_num", "max_identifier_length", "max_index_keys" ->
                    throw new PgException("ERROR", "55P02", "parameter \"" + key + "\" cannot be changed", null,
                            null, 0, null);
            default -> {
            }
        }
        canonical.putIfAbsent(key, key);
        values.put(key, value);
        String canonicalName = canonical.get(key);
        return REPORTED.contains(canonicalName) ? canonicalName : null;
    }

    /** Back to the session default (the startup value or the built-in one). Returns the reported name or null. */
    String reset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String value = defaults.get(key);
        if (value == null) {
            if (key.indexOf('.') > 0) {
                values.remove(key);
                return null;
            }
            throw new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return set(key, value);
    }

    /** Every setting, for SHOW ALL, sorted by name. */
    Map<String, String> all() {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((k, v) -> sorted.put(canonical.getOrDefault(k, k), v));
        return sorted;
    }

    /** The reported settings and their values, for the startup ParameterStatus messages. */
    Map<String, String> reported() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            String name = canonical.get(k);
            if (REPORTED.contains(name)) {
                out.put(name, v);
            }
        });
        return out;
    }

    TextContext textContext() {
        return textContext;
    }

    private static ZoneId parseZone(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("local") || v.equalsIgnoreCase("default")) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(v.equalsIgnoreCase("utc") || v.equalsIgnoreCase("gmt") || v.equalsIgnoreCase("z")
                    ? "UTC" : v);
        } catch (DateTimeException e) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
    }

    private static String versionNumber(String version) {
        String[] parts = version.split("[^0-9]+");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
            return Integer.toString(major * 10000 + minor);
        } catch (RuntimeException e) {
            return "160004";
        }
    }
}
