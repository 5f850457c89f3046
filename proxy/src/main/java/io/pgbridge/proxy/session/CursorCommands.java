package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.session.cursor.CursorStatement;
import io.pgbridge.proxy.session.cursor.RowSink;
import io.pgbridge.proxy.session.cursor.RowStore;
import io.pgbridge.translation.StatementKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * SQL cursors (DECLARE, FETCH, MOVE, CLOSE) on backends other than PostgreSQL, with PostgreSQL's rules: a cursor
 * lives until its transaction ends unless WITH HOLD (then it is read to the end at COMMIT and lives on), a ROLLBACK
 * (TO SAVEPOINT) drops the cursors it undoes, and DISCARD ALL closes them all. PostgreSQL backends run cursor
 * statements themselves; only the BINARY option needs the proxy there, which sends the rows.
 */
final class CursorCommands {
    private final Session session;
    private final Map<String, SqlCursor> cursors = new LinkedHashMap<>();
    /** This session has declared a BINARY cursor on its PostgreSQL backend. */
    private boolean binaryOnPostgres;

    CursorCommands(Session session) {
        this.session = session;
    }

    static boolean handles(StatementKind kind, boolean postgresBackend) {
        return !postgresBackend && switch (kind) {
            case DECLARE, FETCH, MOVE, CLOSE -> true;
            default -> false;
        };
    }

    /** Runs a cursor statement of {@code portal}; returns its tag, or null for a FETCH, whose rows follow. */
    String run(Portal portal) throws Exception {
        return switch (CursorStatement.parse(portal.statement.sql())) {
            case CursorStatement.Declare declare -> declare(declare, portal);
            case CursorStatement.Fetch fetch -> fetch(fetch, portal);
            case CursorStatement.Close close -> close(close.name());
        };
    }

    private String declare(CursorStatement.Declare declare, Portal portal) throws Exception {
        TransactionCommands transactions = session.transactions();
        requireBlock(declare, portal, session);
        if (cursors.containsKey(declare.name())) {
            throw new PgException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
        }
        ParsedStatement outer = portal.statement;
        ParsedStatement analysed = StatementAnalysis.once(declare.query(),
                session.backendConnection().backend().dialect());
        ParsedStatement inner = new ParsedStatement(declare.name(), analysed.sql(), outer.parameterTypes(),
                analysed.info(), analysed.jdbcSql(), analysed.repeatable(), analysed.sessionFunctions(),
                analysed.resultHints(), analysed.catalog());
        Portal query = new Portal(declare.name(), inner, portal.bind, portal.parameters);
        query.simpleQuery = portal.simpleQuery;
        try {
            session.runner().open(query);
        } catch (PgException e) {
            query.close();
            throw e.position() > 0 ? e.atPosition(e.position() + declare.queryOffset()) : e;
        } catch (Exception e) {
            query.close();
            throw e;
        }
        if (!query.returnsRows()) {
            query.close();
            throw new PgException(SqlState.SYNTAX_ERROR, "DECLARE CURSOR query must return rows");
        }
        SqlCursor cursor = new SqlCursor(declare, query, transactions.savepointDepth(), new BackendWarnings(session));
        cursors.put(declare.name(), cursor);
        if (declare.hold() && !transactions.inBlock()) {
            hold(cursor);   // no transaction to outlive: PostgreSQL persists it at once
        }
        return "DECLARE CURSOR";
    }

    /**
     * A DECLARE about to run on a PostgreSQL backend: refused without HOLD outside a transaction block, where the
     * proxy may have opened a transaction PostgreSQL would not have had; a BINARY one is noted (see
     * {@link #postgresFetchColumns}).
     */
    void beforeDeclareOnPostgres(Portal portal) {
        CursorStatement statement;
        try {
            statement = CursorStatement.parse(portal.statement.sql());
        } catch (PgException e) {
            return;   // PostgreSQL reads it and answers for itself
        }
        if (statement instanceof CursorStatement.Declare declare) {
            requireBlock(declare, portal, session);
            binaryOnPostgres |= declare.binary();
        }
    }

    /**
     * A cursor without HOLD needs a transaction block; a multi-statement Query is an (implicit) one, the Executes
     * before one Sync are not.
     */
    private static void requireBlock(CursorStatement.Declare declare, Portal portal, Session session) {
        boolean inBlock = session.transactionStatus() != TransactionStatus.IDLE
                || session.transactions().inImplicit() && portal.simpleQuery;
        if (!declare.hold() && !inBlock) {
            throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "DECLARE CURSOR can only be used in transaction blocks");
        }
    }

    private String fetch(CursorStatement.Fetch fetch, Portal portal) throws Exception {
        SqlCursor cursor = cursors.get(fetch.name());
        if (cursor == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + fetch.name() + "\" does not exist");
        }
        if (cursor.failed) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "portal \"" + fetch.name() + "\" cannot be run");
        }
        if (fetch.move()) {
            return "MOVE " + run(cursor, fetch, null);
        }
        ResultColumns columns = cursor.columns.formatted(portal.bind,
                portal.bind == null && cursor.declaration.binary());
        portal.columns = columns;
        portal.fetch = new FetchRows(cursor, fetch, columns);
        return null;
    }

    /**
     * The rows of one FETCH. Sent as the cursor passes them when the client takes them all at once (the simple
     * protocol, an Execute without a row limit); an Execute with a row limit gets them from a store that the FETCH
     * filled first, as PostgreSQL runs such a portal to completion into its holdStore. As there, an Execute that
     * returns as many rows as it asked for suspends the portal, and each later one completes it with its own count.
     */
    private final class FetchRows implements CursorFetch {
        private final SqlCursor cursor;
        private final CursorStatement.Fetch fetch;
        private final ResultColumns columns;
        private boolean ran;
        private RowStore stored;
        private long next;

        FetchRows(SqlCursor cursor, CursorStatement.Fetch fetch, ResultColumns columns) {
            this.cursor = cursor;
            this.fetch = fetch;
            this.columns = columns;
        }

        @Override
        public long send(Portal portal, int maxRows) throws Exception {
            ClientWriter writer = session.writer();
            if (!ran && maxRows == 0) {
                ran = true;
                portal.completionTag = "FETCH";   // complete: QueryRunner adds the count of rows sent
                return run(cursor, fetch, new RowSink() {
                    @Override
                    public void start() {
                        if (portal.bind == null) {
                            writer.send(columns.rowDescription());   // the simple protocol's, as the rows begin
                        }
                    }

                    @Override
                    public void accept(Object[] row) throws Exception {
                        write(row, writer);
                    }
                });
            }
            if (!ran) {
                ran = true;
                stored = new RowStore(columns.pgTypes(), SqlCursor.MEMORY_ROWS, 1);
                run(cursor, fetch, stored::add);
            }
            long sent = 0;
            while ((maxRows == 0 || sent < maxRows) && stored != null && next < stored.size()) {
                write(stored.get(++next), writer);
                sent++;
            }
            boolean complete = maxRows == 0 || sent < maxRows;
            portal.completionTag = complete ? "FETCH" : null;   // null: PortalSuspended
            if (complete) {
                close();
            }
            return sent;
        }

        private void write(Object[] row, ClientWriter writer) throws Exception {
            int rowStart = writer.buffer().writerIndex();
            try {
                columns.writeRow(row, writer.buffer(), session.settings().textContext());
            } catch (RuntimeException e) {
                writer.buffer().writerIndex(rowStart);   // no half DataRow before the ErrorResponse
                throw e;
            }
            writer.flushIfLarge();
        }

        @Override
        public void close() {
            if (stored != null) {
                try {
                    stored.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                stored = null;
            }
        }
    }

    /**
     * Moves the cursor, which a cancel request may stop meanwhile; an error leaves it failed, as PostgreSQL marks
     * the portal.
     */
    private long run(SqlCursor cursor, CursorStatement.Fetch fetch, RowSink sink) throws Exception {
        session.runner().running(cursor.statement());
        try {
            return cursor.position.fetch(fetch.direction(), fetch.count(), sink);
        } catch (Exception e) {
            cursor.failed = true;
            throw e;
        } finally {
            session.runner().running(null);
        }
    }

    private String close(String name) {
        if (name == null) {
            closeIf(cursor -> true);
            return "CLOSE CURSOR ALL";
        }
        SqlCursor cursor = cursors.remove(name);
        if (cursor == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
        cursor.close();
        return "CLOSE CURSOR";
    }

    /** The text columns of the cursor a FETCH reads (Describe of a prepared FETCH), null if there is none. */
    ResultColumns columnsOf(String fetchSql) {
        if (CursorStatement.parse(fetchSql) instanceof CursorStatement.Fetch fetch && !fetch.move()) {
            SqlCursor cursor = cursors.get(fetch.name());
            return cursor == null ? null : cursor.columns.formatted(null, false);
        }
        return null;
    }

    // ---- transaction ends ----

    /** Before the backend commits: cursors WITH HOLD are read to the end and kept, the others close. */
    void beforeCommit() throws Exception {
        for (SqlCursor cursor : cursors.values()) {
            if (cursor.declaration.hold() && !cursor.held) {
                hold(cursor);
            }
        }
        closeIf(cursor -> !cursor.held);
    }

    /** A rollback drops every cursor but those held from transactions that committed. */
    void afterRollback() {
        closeIf(cursor -> !cursor.held);
    }

    /** ROLLBACK TO the savepoint at {@code depth} (0-based) drops the cursors declared after it. */
    void afterRollbackTo(int depth) {
        closeIf(cursor -> !cursor.held && cursor.savepointDepth > depth);
    }

    /** RELEASE of the savepoint at {@code depth}: its cursors now belong to the enclosing (sub)transaction. */
    void afterRelease(int depth) {
        for (SqlCursor cursor : cursors.values()) {
            cursor.savepointDepth = Math.min(cursor.savepointDepth, depth);
        }
    }

    /**
     * A statement that writes is about to run: on backends whose open results would show the change, the open
     * cursors read the rest of their rows first, so that they keep showing what they showed at DECLARE.
     */
    void beforeWrite() throws SQLException {
        if (cursors.isEmpty() || !session.backendConnection().backend().dialect().openResultsSeeWrites()) {
            return;
        }
        for (SqlCursor cursor : cursors.values()) {
            if (cursor.failed) {
                continue;
            }
            try {
                cursor.rows.materialise();
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("could not read cursor \"" + cursor.declaration.name() + "\": " + e.getMessage(), e);
            }
        }
    }

    /** DISCARD ALL and the session's end. */
    void closeAll() {
        closeIf(cursor -> true);
    }

    private void hold(SqlCursor cursor) throws Exception {
        cursor.rows.materialise();
        cursor.held = true;
        cursor.savepointDepth = 0;
    }

    private void closeIf(Predicate<SqlCursor> condition) {
        for (Iterator<SqlCursor> it = cursors.values().iterator(); it.hasNext(); ) {
            SqlCursor cursor = it.next();
            if (condition.test(cursor)) {
                it.remove();
                cursor.close();
            }
        }
    }

    // ---- PostgreSQL backends ----

    /**
     * A FETCH of the simple protocol on a PostgreSQL backend, which pgjdbc asks for in text: when the cursor was
     * declared BINARY, PostgreSQL would send binary rows, and so does the proxy.
     */
    ResultColumns postgresFetchColumns(Portal portal, Connection connection) throws SQLException {
        if (!binaryOnPostgres || portal.bind != null || !(CursorStatement.parse(portal.statement.sql()) instanceof CursorStatement.Fetch f)) {
            return portal.columns;   // the FETCH ran, so PostgreSQL read it as we do
        }
        try (PreparedStatement st = connection.prepareStatement("select is_binary from pg_cursors where name = ?")) {
            st.setString(1, f.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? portal.columns.formatted(null, true) : portal.columns;
            }
        }
    }
}
