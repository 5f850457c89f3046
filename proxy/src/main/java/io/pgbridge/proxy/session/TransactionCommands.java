package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.StatementKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's transaction blocks on any JDBC backend: BEGIN/COMMIT/ROLLBACK, savepoints, SET TRANSACTION and SET
 * SESSION CHARACTERISTICS mapped onto JDBC, and the implicit transaction PostgreSQL wraps around the statements of
 * one Query (or the Executes before one Sync). The session's settings follow each transaction (see
 * {@link SessionSettings}); the backend gets the isolation level and read-only mode just before the first statement
 * of a transaction reaches it, because PostgreSQL lets SET TRANSACTION change them until then.
 */
final class TransactionCommands {
    private final Session session;
    private final List<NamedSavepoint> savepoints = new ArrayList<>();
    /** pgbridge opened a transaction for statements PostgreSQL would run in one implicit transaction. */
    private boolean implicit;
    /** A statement has reached the backend in this transaction: PostgreSQL has its snapshot, isolation is fixed. */
    private boolean snapshotTaken;

    /** A client savepoint: PostgreSQL's name, the backend's (unnamed, so duplicates work) and the settings layer. */
    private record NamedSavepoint(String name, Savepoint savepoint, int settingsDepth) {
    }

    TransactionCommands(Session session) {
        this.session = session;
    }

    // ---- the implicit transaction ----

    /** Statements that PostgreSQL runs in one transaction start: the backend connection leaves autocommit. */
    void beginImplicit() throws SQLException {
        BackendConnection backend = session.backendConnection();
        backend.endStreaming(true);
        backend.get().setAutoCommit(false);
        implicit = true;
        snapshotTaken = false;
        session.settings().beginTransaction();
    }

    boolean inImplicit() {
        return implicit;
    }

    /** The implicit transaction ends: committed when all its statements succeeded, else rolled back. */
    void endImplicit(boolean commit) throws SQLException {
        implicit = false;
        snapshotTaken = false;
        endCursors(commit);
        if (commit) {
            session.settings().commit();
        } else {
            session.settings().rollback();
        }
        session.backendConnection().endOwnTransaction(commit);
    }

    // ---- statements reaching the backend ----

    /**
     * Called before a statement goes to the backend: refuses writes in a read-only transaction, as PostgreSQL
     * does, and gives the backend the transaction's isolation level before its first statement.
     */
    void beforeBackendStatement(StatementInfo info) throws SQLException {
        SessionSettings settings = session.settings();
        if ("on".equals(settings.find("transaction_read_only")) && writes(info)) {
            throw new PgException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute " + (info.kind() == StatementKind.SELECT ? "SELECT INTO" : info.tag())
                            + " in a read-only transaction");
        }
        if (writes(info)) {
            session.commands().cursors().beforeWrite();
        }
        if (!snapshotTaken) {
            session.backendConnection().prepareTransaction(settings.find("transaction_isolation"),
                    "on".equals(settings.find("transaction_read_only")));
            snapshotTaken = inBlock();
        }
    }

    private static boolean writes(StatementInfo info) {
        return switch (info.kind()) {
            case INSERT, UPDATE, DELETE, MERGE, DDL, TRUNCATE, GRANT, REVOKE, COMMENT -> true;
            case SELECT -> !info.returnsRows();
            case COPY -> info.words().contains("from");
            default -> false;
        };
    }

    boolean inBlock() {
        return implicit || session.transactionStatus() != TransactionStatus.IDLE;
    }

    /** An error in a transaction block: the block is failed and the failed part's settings are undone at once. */
    void failed() {
        if (session.transactionStatus() == TransactionStatus.IN_TRANSACTION) {
            session.transactionStatus(TransactionStatus.FAILED);
            session.settings().abortInnermost();
        }
    }

    // ---- BEGIN, COMMIT, ROLLBACK ----

    String begin(StatementInfo info, List<String> words) throws SQLException {
        String tag = info.kind() == StatementKind.START_TRANSACTION ? "START TRANSACTION" : "BEGIN";
        int first = info.kind() == StatementKind.START_TRANSACTION ? 2 : 1;
        if (info.kind() == StatementKind.BEGIN && first < words.size()
                && (words.get(first).equalsIgnoreCase("work") || words.get(first).equalsIgnoreCase("transaction"))) {
            first++;
        }
        TransactionModes modes = TransactionModes.parse(words, first);
        if (session.transactionStatus() != TransactionStatus.IDLE) {
            session.notice("WARNING", SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
            return tag;
        }
        if (implicit) {
            // BEGIN inside a multi-statement Query makes the implicit transaction the client's own, as in PostgreSQL.
            implicit = false;
        } else {
            BackendConnection backend = session.backendConnection();
            backend.endStreaming(true);
            backend.get().setAutoCommit(false);
            snapshotTaken = false;
            session.settings().beginTransaction();
        }
        session.transactionStatus(TransactionStatus.IN_TRANSACTION);
        applyModes(modes);
        return tag;
    }

    String commit() throws SQLException {
        TransactionStatus status = session.transactionStatus();
        if (status == TransactionStatus.IDLE) {
            return endImplicitEarly(true, "COMMIT");
        }
        Connection c = session.backendConnection().get();
        try {
            endCursors(status != TransactionStatus.FAILED);
            if (status == TransactionStatus.FAILED) {
                c.rollback();
                session.settings().rollback();
                return "ROLLBACK";
            }
            c.commit();
            session.settings().commit();
            return "COMMIT";
        } finally {
            endTransaction(c);
        }
    }

    String rollback() throws SQLException {
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            return endImplicitEarly(false, "ROLLBACK");
        }
        Connection c = session.backendConnection().get();
        try {
            endCursors(false);
            c.rollback();
            session.settings().rollback();
        } finally {
            endTransaction(c);
        }
        return "ROLLBACK";
    }

    /**
     * COMMIT or ROLLBACK with no transaction block: PostgreSQL warns, and inside a multi-statement Query ends the
     * implicit transaction so far; the statements after it start a new one.
     */
    private String endImplicitEarly(boolean commit, String tag) throws SQLException {
        session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
        if (implicit) {
            Connection c = session.backendConnection().get();
            endCursors(commit);
            if (commit) {
                c.commit();
                session.settings().commit();
            } else {
                c.rollback();
                session.settings().rollback();
            }
            session.settings().beginTransaction();
            snapshotTaken = false;
        }
        return tag;
    }

    /** The transaction's cursors close; held ones are read to the end first (COMMIT) or dropped (ROLLBACK). */
    private void endCursors(boolean commit) throws SQLException {
        CursorCommands cursors = session.commands().cursors();
        if (!commit) {
            cursors.afterRollback();
            return;
        }
        try {
            cursors.beforeCommit();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("could not keep cursor WITH HOLD: " + e.getMessage(), e);
        }
    }

    /** Savepoints open now: how deep a cursor declared now is. */
    int savepointDepth() {
        return savepoints.size();
    }

    /** Back to autocommit, whatever happened to the transaction. */
    private void endTransaction(Connection c) throws SQLException {
        savepoints.clear();
        snapshotTaken = false;
        session.transactionStatus(TransactionStatus.IDLE);
        c.setAutoCommit(true);
    }

    // ---- savepoints ----

    String savepoint(List<String> words) throws SQLException {
        requireBlock("SAVEPOINT");
        String name = SqlWords.identifier(words, 1);
        // The backend's transaction starts with the savepoint: it must have the transaction's modes by then.
        beforeBackendStatement(new StatementInfo(StatementKind.SAVEPOINT, "SAVEPOINT", false, List.of()));
        snapshotTaken = true;
        Savepoint savepoint = session.backendConnection().get().setSavepoint();
        savepoints.add(new NamedSavepoint(name, savepoint, session.settings().savepoint()));
        return "SAVEPOINT";
    }

    String release(List<String> words) throws SQLException {
        requireBlock("RELEASE SAVEPOINT");
        String name = SqlWords.identifier(words, SqlWords.is(words, 1, "savepoint") && words.size() > 2 ? 2 : 1);
        int index = find(name);
        NamedSavepoint released = savepoints.get(index);
        session.backendConnection().get().releaseSavepoint(released.savepoint());
        session.settings().release(released.settingsDepth());
        session.commands().cursors().afterRelease(index);
        savepoints.subList(index, savepoints.size()).clear();
        return "RELEASE";
    }

    String rollbackTo(List<String> words) throws SQLException {
        requireBlock("ROLLBACK TO SAVEPOINT");
        // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name
        String name = SqlWords.identifier(words, words.size() - 1);
        int index = find(name);
        NamedSavepoint target = savepoints.get(index);
        session.backendConnection().get().rollback(target.savepoint());
        session.settings().rollbackTo(target.settingsDepth());
        session.commands().cursors().afterRollbackTo(index);
        savepoints.subList(index + 1, savepoints.size()).clear();
        session.transactionStatus(TransactionStatus.IN_TRANSACTION);
        return "ROLLBACK";
    }

    /** Savepoints need a transaction block: the implicit transaction of a multi-statement Query is not one. */
    private void requireBlock(String what) {
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
        throw new PgException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
    }

    // ---- SET TRANSACTION, SET SESSION CHARACTERISTICS ----

    /** {@code SET [LOCAL|SESSION] TRANSACTION modes}: for this transaction only; outside one PostgreSQL warns. */
    String setTransaction(List<String> words, int modesFrom) {
        TransactionModes modes = TransactionModes.parse(words, modesFrom);
        if (!inBlock()) {
            session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION can only be used in transaction blocks");
            return "SET";
        }
        applyModes(modes);
        return "SET";
    }

    /** {@code SET SESSION CHARACTERISTICS AS TRANSACTION modes}: the defaults of the transactions to come. */
    String setSessionCharacteristics(List<String> words, int modesFrom) {
        TransactionModes modes = TransactionModes.parse(words, modesFrom);
        SessionSettings settings = session.settings();
        if (modes.isolation() != null) {
            settings.set("default_transaction_isolation", modes.isolation(), false);
        }
        if (modes.readOnly() != null) {
            settings.set("default_transaction_read_only", modes.readOnly(), false);
        }
        if (modes.deferrable() != null) {
            settings.set("default_transaction_deferrable", modes.deferrable(), false);
        }
        return "SET";
    }

    /** {@code SET transaction_isolation = ...} and friends: SET TRANSACTION by another name, without the warning. */
    void setTransactionSetting(String key, String value) {
        if (!inBlock()) {
            BuiltinSettings.checked(key, value);
            return;
        }
        String checked = BuiltinSettings.checked(key, value);
        switch (key) {
            case "transaction_isolation" -> applyModes(new TransactionModes(checked, null, null));
            case "transaction_read_only" -> applyModes(new TransactionModes(null, checked, null));
            default -> applyModes(new TransactionModes(null, null, checked));
        }
    }

    /** The modes of this transaction, with PostgreSQL's checks: most can only change before the first query. */
    private void applyModes(TransactionModes modes) {
        SessionSettings settings = session.settings();
        boolean subtransaction = !savepoints.isEmpty();
        if (modes.isolation() != null && !modes.isolation().equals(settings.find("transaction_isolation"))) {
            if (subtransaction) {
                throw tooLate("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
            }
            if (snapshotTaken) {
                throw tooLate("SET TRANSACTION ISOLATION LEVEL must be called before any query");
            }
        }
        if ("off".equals(modes.readOnly()) && "on".equals(settings.find("transaction_read_only")) && snapshotTaken) {
            throw tooLate("transaction read-write mode must be set before any query");
        }
        if (modes.deferrable() != null && (subtransaction || snapshotTaken)) {
            throw tooLate(subtransaction ? "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction"
                    : "SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
        }
        // PostgreSQL runs READ UNCOMMITTED as READ COMMITTED but shows what was asked for; so does pgbridge.
        if (modes.isolation() != null) {
            settings.set("transaction_isolation", modes.isolation().toLowerCase(Locale.ROOT), true);
        }
        if (modes.readOnly() != null) {
            settings.set("transaction_read_only", modes.readOnly(), true);
        }
        if (modes.deferrable() != null) {
            settings.set("transaction_deferrable", modes.deferrable(), true);
        }
    }

    private static PgException tooLate(String message) {
        return new PgException(SqlState.ACTIVE_SQL_TRANSACTION, message);
    }

    /** DISCARD ALL and similar must not run in a transaction block, implicit ones included. */
    void preventInBlock(String what) {
        if (inBlock()) {
            throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION, what + " cannot run inside a transaction block");
        }
    }
}
