package io.pgbridge.proxy.session;

import io.pgbridge.config.SessionTimeouts;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.types.TextContext;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run-time settings of one session as PostgreSQL names them, kept in the proxy so that every backend answers
 * SET/SHOW alike. Names are case-insensitive; {@link #REPORTED} ones are announced with ParameterStatus.
 *
 * <p>Settings follow PostgreSQL's transaction rules: a SET inside a transaction that rolls back is undone, SET LOCAL
 * lasts until the transaction ends, and ROLLBACK TO a savepoint restores the values the savepoint saw. For that the
 * session opens a {@link #beginTransaction() layer} per transaction and per savepoint.
 */
final class SessionSettings {
    /** The settings PostgreSQL 15 reports to clients (GUC_REPORT), with their canonical spelling. */
    static final Set<String> REPORTED = Set.of("server_version", "server_encoding", "client_encoding",
            "application_name", "default_transaction_read_only", "in_hot_standby", "is_superuser",
            "session_authorization", "DateStyle", "IntervalStyle", "TimeZone", "integer_datetimes",
            "standard_conforming_strings");

    /** Settings that only mean something for the current transaction; outside one they show their default. */
    private static final Map<String, String> PER_TRANSACTION = Map.of(
            "transaction_isolation", "default_transaction_isolation",
            "transaction_read_only", "default_transaction_read_only",
            "transaction_deferrable", "default_transaction_deferrable");

    /** What the values were when a transaction or savepoint began: all four are restored by a rollback. */
    private record Layer(Map<String, String> current, Map<String, String> committed, Set<String> setNow,
                         Set<String> setCommitted) {
    }

    /** Canonical name by lower-case name. */
    private final Map<String, String> canonical = new HashMap<>();
    /** The values in effect now, SET LOCAL included. */
    private Map<String, String> current = new LinkedHashMap<>();
    /** The values a COMMIT keeps: like {@link #current} without SET LOCAL. */
    private Map<String, String> committed = new LinkedHashMap<>();
    /** RESET's values: the startup packet's or the built-in ones. */
    private final Map<String, String> defaults = new LinkedHashMap<>();
    /** The settings the startup packet gave: their source is 'client' until a SET. */
    private final Set<String> fromClient = new HashSet<>();
    /** The settings a SET (or SET LOCAL) gave their current value: source 'session', as {@link #current}. */
    private Set<String> setNow = new HashSet<>();
    /** Like {@link #setNow} for the values a COMMIT keeps, as {@link #committed}. */
    private Set<String> setCommitted = new HashSet<>();
    /** One per open transaction and savepoint, innermost last. */
    private final Deque<Layer> layers = new ArrayDeque<>();
    /** The values of reported settings as the client last heard them. */
    private final Map<String, String> reportedToClient = new HashMap<>();
    /** Some value may have changed since the last report: the check before ReadyForQuery is needed. */
    private boolean maybeChanged;
    private TextContext textContext = TextContext.UTC;

    SessionSettings(String serverVersion, String user, Map<String, String> startup, SessionTimeouts timeouts) {
        BuiltinSettings.define(serverVersion, user, timeouts, this::define);
        for (var e : startup.entrySet()) {
            String name = e.getKey();
            if (name.equals("user") || name.equals("database") || name.equals("options") || name.equals("replication")
                    || name.startsWith("_pq_.")) {
                continue;
            }
            // Startup values that do not apply are ignored, as PostgreSQL does for unknown options.
            try {
                String key = name.toLowerCase(Locale.ROOT);
                assign(key, e.getValue(), false, false);
                defaults.put(key, current.get(key));
                fromClient.add(key);
            } catch (PgException ignored) {
                // an unknown or invalid startup setting does not keep the client out
            }
        }
        reported().forEach(reportedToClient::put);
    }

    private void define(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        canonical.put(key, name);
        current.put(key, value);
        committed.put(key, value);
        defaults.put(key, value);
    }

    /** True for names PostgreSQL would accept: known settings and custom {@code prefix.name} ones. */
    boolean isKnown(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return current.containsKey(key) || isCustom(key);
    }

    private static boolean isCustom(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && dot < key.length() - 1;
    }

    String canonicalName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return canonical.getOrDefault(key, key);
    }

    /** The value, or throws 42704 as PostgreSQL does for an unknown name (custom ones included, until set). */
    String get(String name) {
        String value = find(name);
        if (value == null) {
            throw unknown(name);
        }
        return value;
    }

    /** The value, or null when there is no such setting ({@code current_setting(name, true)}). */
    String find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String defaultName = PER_TRANSACTION.get(key);
        if (defaultName != null && layers.isEmpty()) {
            key = defaultName;
        }
        return current.get(key);
    }

    static PgException unknown(String name) {
        return new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }

    /**
     * Sets a value after checking it where pgbridge depends on it (encoding, date style, time zone). A local value
     * ({@code SET LOCAL}) is forgotten when the transaction ends; outside a transaction it is not set at all.
     */
    void set(String name, String value, boolean local) {
        assign(name, value, local, true);
    }

    /** {@link #set}; {@code bySet} false for RESET and the startup packet, whose values keep their own source. */
    private void assign(String name, String value, boolean local, boolean bySet) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!isKnown(key)) {
            throw unknown(name);
        }
        value = BuiltinSettings.checked(key, value);
        if (local && layers.isEmpty()) {
            return;
        }
        canonical.putIfAbsent(key, key);
        maybeChanged = true;
        current.put(key, value);
        mark(setNow, key, bySet);
        if (!local) {
            committed.put(key, value);
            mark(setCommitted, key, bySet);
        }
        if (key.equals("timezone")) {
            textContext = new TextContext(parseZone(value));
        }
    }

    /** Back to the session default (the startup value or the built-in one); custom settings become empty. */
    void reset(String name, boolean local) {
        String key = name.toLowerCase(Locale.ROOT);
        String value = defaults.get(key);
        if (value == null) {
            if (!isKnown(key)) {
                throw unknown(name);
            }
            value = "";
        }
        assign(key, value, local, false);
    }

    private static void mark(Set<String> keys, String key, boolean set) {
        if (set) {
            keys.add(key);
        } else {
            keys.remove(key);
        }
    }

    /** RESET ALL: every setting a user may change goes back to its default. */
    void resetAll() {
        for (String key : new ArrayList<>(current.keySet())) {
            if (!BuiltinSettings.isFixed(key) && !PER_TRANSACTION.containsKey(key)) {
                reset(key, false);
            }
        }
    }

    // ---- transactions ----

    boolean inTransaction() {
        return !layers.isEmpty();
    }

    /** A transaction starts: its per-transaction settings take their defaults. */
    void beginTransaction() {
        layers.clear();
        pushLayer();
        PER_TRANSACTION.forEach((key, defaultKey) -> current.put(key, current.get(defaultKey)));
    }

    /** A savepoint: returns its depth for {@link #rollbackTo} and {@link #release}. */
    int savepoint() {
        pushLayer();
        return layers.size() - 1;
    }

    private void pushLayer() {
        layers.addLast(new Layer(new LinkedHashMap<>(current), new LinkedHashMap<>(committed), new HashSet<>(setNow),
                new HashSet<>(setCommitted)));
    }

    /** ROLLBACK TO: the values the savepoint at {@code depth} saw; the savepoint itself stays. */
    void rollbackTo(int depth) {
        while (layers.size() > depth + 1) {
            layers.removeLast();
        }
        restore(layers.getLast());
    }

    /** RELEASE: the savepoint at {@code depth} and those after it are gone, their values stay. */
    void release(int depth) {
        while (layers.size() > depth) {
            layers.removeLast();
        }
    }

    /** An error inside a transaction: as in PostgreSQL, the failed (sub)transaction's settings are undone at once. */
    void abortInnermost() {
        if (!layers.isEmpty()) {
            restore(layers.getLast());
        }
    }

    /** COMMIT: SET LOCAL values end, the others stay. */
    void commit() {
        layers.clear();
        maybeChanged = true;
        current = new LinkedHashMap<>(committed);
        setNow = new HashSet<>(setCommitted);
        refreshTextContext();
    }

    /** ROLLBACK: everything set in the transaction is undone. */
    void rollback() {
        if (!layers.isEmpty()) {
            restore(layers.getFirst());
            layers.clear();
        }
    }

    private void restore(Layer layer) {
        maybeChanged = true;
        current = new LinkedHashMap<>(layer.current());
        committed = new LinkedHashMap<>(layer.committed());
        setNow = new HashSet<>(layer.setNow());
        setCommitted = new HashSet<>(layer.setCommitted());
        refreshTextContext();
    }

    private void refreshTextContext() {
        textContext = new TextContext(parseZone(current.get("timezone")));
    }

    // ---- listings and reports ----

    /** Every setting, for SHOW ALL, sorted by name as PostgreSQL sorts them (ignoring case). */
    Map<String, String> all() {
        Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        current.keySet().forEach(k -> sorted.put(canonical.getOrDefault(k, k), find(k)));
        return sorted;
    }

    /** What RESET would restore for each setting (pg_settings' reset_val), by canonical name. */
    Map<String, String> resetValues() {
        Map<String, String> values = new HashMap<>();
        defaults.forEach((k, v) -> values.put(canonical.getOrDefault(k, k), v));
        return values;
    }

    /**
     * pg_settings' source of the settings whose value did not come from pgbridge's defaults: 'session' after a SET,
     * 'client' for the startup packet's, by canonical name.
     */
    Map<String, String> sources() {
        Map<String, String> sources = new HashMap<>();
        fromClient.forEach(k -> sources.put(canonical.getOrDefault(k, k), "client"));
        setNow.forEach(k -> sources.put(canonical.getOrDefault(k, k), "session"));
        return sources;
    }

    /** The reported settings and their values, for the startup ParameterStatus messages. */
    Map<String, String> reported() {
        Map<String, String> out = new LinkedHashMap<>();
        current.forEach((k, v) -> {
            String name = canonical.get(k);
            if (REPORTED.contains(name)) {
                out.put(name, v);
            }
        });
        return out;
    }

    /**
     * The reported settings whose value differs from what the client last heard, in PostgreSQL's order (by name,
     * ignoring case), and remembers them as heard. PostgreSQL 14+ sends these just before ReadyForQuery, so a value
     * set and set back within one query, or undone by a rollback, is never announced.
     */
    List<Map.Entry<String, String>> changedSinceReported() {
        if (!maybeChanged) {
            return List.of();   // the common case: a query that set nothing costs no map copies
        }
        maybeChanged = false;
        List<Map.Entry<String, String>> changed = new ArrayList<>();
        Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(reported());
        sorted.forEach((name, value) -> {
            if (!value.equals(reportedToClient.put(name, value))) {
                changed.add(Map.entry(name, value));
            }
        });
        return changed;
    }

    /** A timeout setting's value in milliseconds, 0 when off. */
    long milliseconds(String key) {
        String value = current.get(key);
        return value.equals("0") ? 0 : BuiltinSettings.milliseconds(key, value);
    }

    TextContext textContext() {
        return textContext;
    }

    /** Values were checked by {@link BuiltinSettings#checked}, so the name is one Java knows. */
    private static ZoneId parseZone(String value) {
        return ZoneId.of(value);
    }
}
