package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.StatementInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statements the proxy answers itself on every backend: transaction control mapped onto JDBC, and SET/SHOW/RESET
 * on the proxy's own settings. Returns the CommandComplete tag; notices and rows go through the session.
 */
final class SessionCommands {
    private final Session session;
    private final List<NamedSavepoint> savepoints = new ArrayList<>();

    private record NamedSavepoint(String name, Savepoint savepoint) {
    }

    SessionCommands(Session session) {
        this.session = session;
    }

    /** True for the statements this class answers; anything else goes to the backend. */
    static boolean handles(ParsedStatement statement, boolean postgresBackend) {
        StatementInfo info = statement.info();
        return switch (info.kind()) {
            case BEGIN, START_TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT -> true;
            case SET, RESET, SHOW -> !postgresBackend || ownedSetting(statement.sql());
            case DISCARD, DEALLOCATE -> !postgresBackend;
            default -> false;
        };
    }

    /** Settings the proxy must own even on PostgreSQL: the ones its own encoders and pgjdbc depend on. */
    private static boolean ownedSetting(String sql) {
        List<String> words = SqlWords.of(sql);
        String name = settingName(words);
        return name != null && switch (name.toLowerCase(Locale.ROOT)) {
            case "client_encoding", "datestyle", "intervalstyle", "timezone", "names", "time", "application_name" -> true;
            default -> false;
        };
    }

    /** Owned settings that PostgreSQL must also see, since its own functions (now()::text…) depend on them. */
    private static boolean alsoOnPostgres(String name) {
        return name != null && (name.equalsIgnoreCase("timezone") || name.equalsIgnoreCase("application_name"));
    }

    String run(ParsedStatement statement) throws SQLException {
        StatementInfo info = statement.info();
        List<String> words = SqlWords.of(statement.sql());
        return switch (info.kind()) {
            case BEGIN, START_TRANSACTION -> begin(info, words);
            case COMMIT -> commit();
            case ROLLBACK -> rollback();
            case SAVEPOINT -> savepoint(words);
            case RELEASE_SAVEPOINT -> release(words);
            case ROLLBACK_TO_SAVEPOINT -> rollbackTo(words);
            case SET -> passThroughToPostgres(statement, settingName(words), set(words));
            case RESET -> passThroughToPostgres(statement, words.size() > 1 && words.get(1).equalsIgnoreCase("time")
                    ? "TimeZone" : words.size() > 1 ? unquote(words.get(1)) : null, reset(words));
            case SHOW -> show(words);
            case DISCARD -> discard(words);
            case DEALLOCATE -> deallocate(words);
            default -> throw new IllegalStateException("not a session command: " + info.kind());
        };
    }

    private String passThroughToPostgres(ParsedStatement statement, String setting, String tag) throws SQLException {
        BackendConnection backend = session.backendConnection();
        if (backend.backend().dialect().isPostgres() && alsoOnPostgres(setting)) {
            try (java.sql.Statement st = backend.get().createStatement()) {
                st.execute(statement.sql());
            }
            backend.markDirty();
        }
        return tag;
    }

    private String begin(StatementInfo info, List<String> words) throws SQLException {
        String tag = info.kind() == io.pgbridge.translation.StatementKind.START_TRANSACTION ? "START TRANSACTION" : "BEGIN";
        if (session.transactionStatus() != TransactionStatus.IDLE) {
            session.notice("WARNING", SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
            return tag;
        }
        Connection c = session.backendConnection().get();
        session.backendConnection().endStreaming(true);
        String text = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (text.contains("serializable")) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        } else if (text.contains("repeatable read")) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } else if (text.contains("read uncommitted")) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        } else if (text.contains("read committed")) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        if (text.contains("read only")) {
            c.setReadOnly(true);
        }
        c.setAutoCommit(false);
        session.transactionStatus(TransactionStatus.IN_TRANSACTION);
        return tag;
    }

    private String commit() throws SQLException {
        TransactionStatus status = session.transactionStatus();
        if (status == TransactionStatus.IDLE) {
            session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
            return "COMMIT";
        }
        Connection c = session.backendConnection().get();
        try {
            if (status == TransactionStatus.FAILED) {
                c.rollback();
                return "ROLLBACK";
            }
            c.commit();
            return "COMMIT";
        } finally {
            endTransaction(c);
        }
    }

    private String rollback() throws SQLException {
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
            return "ROLLBACK";
        }
        Connection c = session.backendConnection().get();
        try {
            c.rollback();
        } finally {
            endTransaction(c);
        }
        return "ROLLBACK";
    }

    /** Back to autocommit with the connection's defaults, whatever happened to the transaction. */
    private void endTransaction(Connection c) throws SQLException {
        savepoints.clear();
        session.transactionStatus(TransactionStatus.IDLE);
        c.setAutoCommit(true);
        if (c.isReadOnly()) {
            c.setReadOnly(false);
        }
    }

    private String savepoint(List<String> words) throws SQLException {
        requireTransaction("SAVEPOINT");
        String name = identifier(words, 1);
        savepoints.add(new NamedSavepoint(name, session.backendConnection().get().setSavepoint(name)));
        return "SAVEPOINT";
    }

    private String release(List<String> words) throws SQLException {
        requireTransaction("RELEASE SAVEPOINT");
        String name = identifier(words, words.size() > 2 && words.get(1).equalsIgnoreCase("savepoint") ? 2 : 1);
        int index = find(name);
        session.backendConnection().get().releaseSavepoint(savepoints.get(index).savepoint());
        savepoints.subList(index, savepoints.size()).clear();
        return "RELEASE";
    }

    private String rollbackTo(List<String> words) throws SQLException {
        requireTransaction("ROLLBACK TO SAVEPOINT");
        // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name
        String name = identifier(words, words.size() - 1);
        int index = find(name);
        session.backendConnection().get().rollback(savepoints.get(index).savepoint());
        savepoints.subList(index + 1, savepoints.size()).clear();
        session.transactionStatus(TransactionStatus.IN_TRANSACTION);
        return "ROLLBACK";
    }

    private void requireTransaction(String what) {
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
        }
    }

    private int find(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new PgException("ERROR", "3B001", "savepoint \"" + name + "\" does not exist", null, null, 0, null);
    }

    private String set(List<String> words) throws SQLException {
        String name = settingName(words);
        if (name == null) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        if (name.equalsIgnoreCase("transaction") || name.equalsIgnoreCase("session characteristics")) {
            return "SET";
        }
        String value = settingValue(words);
        String reported = value == null ? session.settings().reset(name) : session.settings().set(name, value);
        if (reported != null) {
            session.parameterStatus(reported, session.settings().get(reported));
        }
        return "SET";
    }

    private String reset(List<String> words) {
        if (words.size() < 2) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        if (words.get(1).equalsIgnoreCase("all")) {
            for (String name : session.settings().all().keySet()) {
                String reported = session.settings().reset(name);
                if (reported != null) {
                    session.parameterStatus(reported, session.settings().get(reported));
                }
            }
            return "RESET";
        }
        String name = words.get(1).equalsIgnoreCase("time") ? "TimeZone" : unquote(words.get(1));
        String reported = session.settings().reset(name);
        if (reported != null) {
            session.parameterStatus(reported, session.settings().get(reported));
        }
        return "RESET";
    }

    private String show(List<String> words) throws SQLException {
        if (words.size() < 2) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        String name = words.get(1).equalsIgnoreCase("time") ? "TimeZone" : unquote(words.get(1));
        if (name.equalsIgnoreCase("all")) {
            ResultColumns columns = ResultColumns.text("name", "setting", "description");
            Map<String, String> all = session.settings().all();
            List<Object[]> rows = new ArrayList<>();
            all.forEach((k, v) -> rows.add(new Object[]{k, v, ""}));
            session.sendRows(columns, rows);
            return "SHOW";
        }
        String value = session.settings().get(name);
        session.sendRows(ResultColumns.text(session.settings().canonicalName(name).toLowerCase(Locale.ROOT)),
                List.<Object[]>of(new Object[]{value}));
        return "SHOW";
    }

    private String discard(List<String> words) throws SQLException {
        String what = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        if (what.equals("ALL")) {
            if (session.transactionStatus() != TransactionStatus.IDLE) {
                throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
            }
            session.discardAll();
            reset(List.of("RESET", "ALL"));
            return "DISCARD ALL";
        }
        return "DISCARD " + what;
    }

    private String deallocate(List<String> words) {
        int i = words.size() > 1 && words.get(1).equalsIgnoreCase("prepare") ? 2 : 1;
        if (i < words.size() && words.get(i).equalsIgnoreCase("all")) {
            session.deallocateAll();
            return "DEALLOCATE ALL";
        }
        session.deallocate(identifier(words, i));
        return "DEALLOCATE";
    }

    /** The setting named by SET: {@code SET [SESSION|LOCAL] name TO|= value}, {@code SET TIME ZONE v}. */
    static String settingName(List<String> words) {
        int i = 1;
        if (i < words.size() && (words.get(i).equalsIgnoreCase("session") || words.get(i).equalsIgnoreCase("local"))) {
            i++;
            if (i < words.size() && words.get(i).equalsIgnoreCase("characteristics")) {
                return "session characteristics";
            }
        }
        if (i >= words.size()) {
            return null;
        }
        String w = words.get(i);
        if (w.equalsIgnoreCase("time") && i + 1 < words.size() && words.get(i + 1).equalsIgnoreCase("zone")) {
            return "TimeZone";
        }
        if (w.equalsIgnoreCase("names")) {
            return "client_encoding";
        }
        return unquote(w);
    }

    /** The value of SET, unquoted and joined with ", " for lists; null for DEFAULT. */
    private static String settingValue(List<String> words) {
        int i = 1;
        while (i < words.size() && !words.get(i).equals("=") && !words.get(i).equalsIgnoreCase("to")) {
            if (words.get(i).equalsIgnoreCase("zone") || words.get(i).equalsIgnoreCase("names")) {
                break;
            }
            i++;
        }
        i++;
        if (i >= words.size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        List<String> parts = new ArrayList<>();
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.equals(",")) {
                parts.add(unquote(w));
            }
        }
        if (parts.size() == 1 && parts.get(0).equalsIgnoreCase("default") && !words.get(words.size() - 1).startsWith("'")) {
            return null;
        }
        return String.join(", ", parts);
    }

    private static String identifier(List<String> words, int index) {
        if (index >= words.size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        String w = words.get(index);
        return w.startsWith("\"") ? unquote(w) : w.toLowerCase(Locale.ROOT);
    }

    static String unquote(String w) {
        if (w.length() >= 2 && (w.startsWith("'") && w.endsWith("'"))) {
            return w.substring(1, w.length() - 1).replace("''", "'");
        }
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            return w.substring(1, w.length() - 1).replace("\"\"", "\"");
        }
        return w;
    }
}
