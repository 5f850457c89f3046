package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SET, RESET and SHOW on the session's own settings, with PostgreSQL's grammar and transaction rules (SET LOCAL,
 * undone by rollback); also set_config() and current_setting(), which are the same operations as functions.
 * ParameterStatus messages are not sent here: the session announces changed values before ReadyForQuery.
 */
final class SettingCommands {
    /** The settings that describe the current transaction: SET on them is SET TRANSACTION. */
    private static final Set<String> TRANSACTION_SETTINGS = Set.of("transaction_isolation", "transaction_read_only",
            "transaction_deferrable");
    /**
     * Settings the proxy answers even on PostgreSQL backends: the ones its encoders and pgjdbc depend on, the
     * transaction modes, which reach the backend through JDBC, and the timeouts it enforces itself (the idle ones
     * would close the pooled backend connection, not the client's).
     */
    private static final Set<String> OWNED_ON_POSTGRES = Set.of("client_encoding", "datestyle", "intervalstyle",
            "timezone", "application_name", "transaction_isolation", "transaction_read_only", "transaction_deferrable",
            "default_transaction_isolation", "default_transaction_read_only", "default_transaction_deferrable",
            BuiltinSettings.STATEMENT_TIMEOUT, BuiltinSettings.IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
            BuiltinSettings.IDLE_SESSION_TIMEOUT);
    /** Owned settings that PostgreSQL must also see, since its own functions (now()::text…) depend on them. */
    private static final Set<String> ALSO_ON_POSTGRES = Set.of("timezone", "application_name");

    private final Session session;

    SettingCommands(Session session) {
        this.session = session;
    }

    /** Whether pgbridge answers SET/RESET/SHOW of this setting on a PostgreSQL backend (else PostgreSQL does). */
    static boolean ownedOnPostgres(String name) {
        return name != null && OWNED_ON_POSTGRES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a SET of this setting, answered by pgbridge, must also run on a PostgreSQL backend. */
    static boolean alsoOnPostgres(String name) {
        return name != null && ALSO_ON_POSTGRES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The setting a SET, RESET or SHOW names, as PostgreSQL's grammar reads it; null for SET TRANSACTION & co. */
    static String settingName(List<String> words) {
        int i = 1;
        if (SqlWords.is(words, 0, "set") && (SqlWords.is(words, i, "session") || SqlWords.is(words, i, "local"))) {
            i++;
        }
        if (i >= words.size()) {
            return null;
        }
        if (SqlWords.is(words, i, "time") && SqlWords.is(words, i + 1, "zone")) {
            return "TimeZone";
        }
        if (SqlWords.is(words, i, "transaction") && SqlWords.is(words, i + 1, "isolation")) {
            return SqlWords.is(words, 0, "show") ? "transaction_isolation" : null;
        }
        return switch (words.get(i).toLowerCase(Locale.ROOT)) {
            case "names" -> "client_encoding";
            case "schema" -> "search_path";
            case "transaction", "characteristics", "constraints", "all", "role", "authorization" -> null;
            default -> SqlWords.unquote(words.get(i));
        };
    }

    // ---- SET ----

    String set(List<String> words) throws SQLException {
        int i = 1;
        boolean local = SqlWords.is(words, i, "local");
        if (local || SqlWords.is(words, i, "session")) {
            i++;
        }
        TransactionCommands transactions = session.transactions();
        if (SqlWords.is(words, i, "transaction")) {
            return transactions.setTransaction(words, i + 1);
        }
        if (SqlWords.is(words, i, "characteristics")) {
            if (!SqlWords.is(words, i + 1, "as") || !SqlWords.is(words, i + 2, "transaction")) {
                throw TransactionModes.syntaxError(words, i + 1);
            }
            return transactions.setSessionCharacteristics(words, i + 3);
        }
        if (SqlWords.is(words, i, "constraints")) {
            // Constraints are checked at once on every backend pgbridge fronts; only the warning stays PostgreSQL's.
            warnOutsideBlock(local, "SET CONSTRAINTS");
            return "SET CONSTRAINTS";
        }
        if (SqlWords.is(words, i, "role") || SqlWords.is(words, i, "authorization")
                || SqlWords.is(words, i, "session") && SqlWords.is(words, i + 1, "authorization")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "pgbridge does not support SET ROLE or SET SESSION AUTHORIZATION");
        }
        String name;
        int valueFrom;
        if (SqlWords.is(words, i, "time") && SqlWords.is(words, i + 1, "zone")) {
            name = "TimeZone";
            valueFrom = i + 2;
            if (SqlWords.is(words, valueFrom, "local") && valueFrom + 1 == words.size()) {
                reset(name, local);
                return "SET";
            }
        } else if (SqlWords.is(words, i, "names") || SqlWords.is(words, i, "schema")) {
            name = SqlWords.is(words, i, "names") ? "client_encoding" : "search_path";
            valueFrom = i + 1;
        } else {
            if (i >= words.size()) {
                throw TransactionModes.syntaxError(words, i);
            }
            name = SqlWords.unquote(words.get(i));
            if (!SqlWords.is(words, i + 1, "to") && !SqlWords.is(words, i + 1, "=")) {
                throw TransactionModes.syntaxError(words, i + 1);
            }
            valueFrom = i + 2;
        }
        String value = value(words, valueFrom, name);
        if (value == null) {
            reset(name, local);
            return "SET";
        }
        apply(name, value, local);
        return "SET";
    }

    /** SET: with a warning for SET LOCAL outside a transaction block. */
    private void apply(String name, String value, boolean local) throws SQLException {
        String key = name.toLowerCase(Locale.ROOT);
        if (!TRANSACTION_SETTINGS.contains(key)) {
            warnOutsideBlock(local, "SET LOCAL");
        }
        setConfig(key, value, local);
    }

    /**
     * Sets a value as set_config() does (SET without its warning) and returns it as SHOW would show it; a local
     * value outside a transaction lasts only for the statement, so the session keeps its old one.
     */
    String setConfig(String name, String value, boolean local) throws SQLException {
        String key = name.toLowerCase(Locale.ROOT);
        if (TRANSACTION_SETTINGS.contains(key)) {
            session.transactions().setTransactionSetting(key, value);
        } else {
            session.settings().set(key, value, local);
        }
        BackendConnection backend = session.backendConnection();
        if (backend.backend().dialect().isPostgres() && alsoOnPostgres(key)) {
            try (PreparedStatement st = backend.get().prepareStatement("select set_config(?, ?, ?)")) {
                st.setString(1, key);
                st.setString(2, value);
                st.setBoolean(3, local);
                st.execute();
            }
            backend.markDirty();
        }
        if (local && !session.settings().inTransaction()) {
            return BuiltinSettings.checked(key, value);
        }
        String shown = session.settings().find(key);
        return shown != null ? shown : value;
    }

    private void warnOutsideBlock(boolean local, String what) {
        if (local && !session.settings().inTransaction()) {
            session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    what + " can only be used in transaction blocks");
        }
    }

    /**
     * The value of SET from {@code words[from...]}: strings unquoted, unquoted words folded to lower case as
     * PostgreSQL does, list items joined with ", "; null for DEFAULT.
     */
    private static String value(List<String> words, int from, String name) {
        if (from >= words.size()) {
            throw TransactionModes.syntaxError(words, from);
        }
        if (from + 1 == words.size() && words.get(from).equalsIgnoreCase("default")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = from; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(",")) {
                continue;
            }
            if (w.startsWith("'")) {
                parts.add(SqlWords.unquote(w));
            } else if (w.startsWith("\"")) {
                // search_path keeps its identifiers quoted, as PostgreSQL shows them
                parts.add(name.equalsIgnoreCase("search_path") ? w : SqlWords.unquote(w));
            } else {
                parts.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }

    // ---- RESET ----

    String reset(List<String> words) {
        if (words.size() < 2) {
            throw TransactionModes.syntaxError(words, 1);
        }
        if (SqlWords.is(words, 1, "all")) {
            session.settings().resetAll();
            return "RESET";
        }
        if (SqlWords.is(words, 1, "session") && SqlWords.is(words, 2, "authorization")
                || SqlWords.is(words, 1, "role")) {
            return "RESET";   // pgbridge sessions never change their role
        }
        String name = settingName(words);
        if (name == null) {
            throw TransactionModes.syntaxError(words, 1);
        }
        reset(name, false);
        return "RESET";
    }

    private void reset(String name, boolean local) {
        String key = name.toLowerCase(Locale.ROOT);
        if (TRANSACTION_SETTINGS.contains(key)) {
            return;   // PostgreSQL ignores RESET of the current transaction's modes
        }
        warnOutsideBlock(local, "SET LOCAL");
        session.settings().reset(key, local);
    }

    // ---- SHOW ----

    String show(List<String> words) throws java.sql.SQLException {
        if (SqlWords.is(words, 1, "all")) {
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : session.settings().all().entrySet()) {
                rows.add(new Object[]{e.getKey(), e.getValue(), ""});
            }
            session.sendRows(ResultColumns.text("name", "setting", "description"), rows);
            return "SHOW";
        }
        String name = showName(words);
        String value = session.settings().get(name);
        session.sendRows(ResultColumns.text(session.settings().canonicalName(name)),
                List.<Object[]>of(new Object[]{value}));
        return "SHOW";
    }

    /** The column SHOW answers with, for Describe before it runs. */
    String showColumn(List<String> words) {
        return SqlWords.is(words, 1, "all") ? null : session.settings().canonicalName(showName(words));
    }

    private static String showName(List<String> words) {
        if (SqlWords.is(words, 1, "session") && SqlWords.is(words, 2, "authorization")) {
            return "session_authorization";
        }
        String name = settingName(words);
        if (name == null) {
            throw TransactionModes.syntaxError(words, 1);
        }
        return name;
    }
}
