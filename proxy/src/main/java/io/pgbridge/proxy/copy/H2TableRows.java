package io.pgbridge.proxy.copy;

import org.h2.api.Trigger;
import org.h2.command.CommandInterface;
import org.h2.command.Prepared;
import org.h2.command.dml.Insert;
import org.h2.engine.Right;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.expression.ParameterInterface;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.message.DbException;
import org.h2.mvstore.db.MVTable;
import org.h2.table.Table;
import org.h2.value.Value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * COPY's rows into a table of an in-process H2 database without a JDBC statement per row: the values the COPY
 * statement's {@code INSERT} has bound (by the same {@code PgType.bind} as the batch path) are taken from its H2
 * command and handed, a chunk at a time, to H2's own {@code INSERT … SELECT} row path ({@link Insert#addRow}:
 * defaults, NOT NULL, type conversion, CHECK and foreign keys, triggers, every index). One H2 statement per chunk
 * replaces one per row (its snapshot, savepoint, map lookups, clock reads: a fifth of the time per row). A chunk that
 * fails is rolled back to its start, as H2 rolls back a failed statement, and the error names its row.
 * <p>
 * These are H2 internals: {@link #open} answers null (use JDBC batches) unless the connection is an embedded H2
 * session, the statement a plain {@code INSERT … VALUES (?, …)} into an MVStore table, and every piece is where this
 * H2 version keeps it; anything an H2 update moves makes it answer null, never fail. Kept in its own class so H2's
 * classes are only loaded for H2 backends.
 */
final class H2TableRows {
    /** Bare parameters in VALUES: anything around one (a cast, an expression) would be skipped by {@code addRow}. */
    private static final Pattern BARE_VALUES = Pattern.compile(
            "(?is)insert\\s+into\\s.*\\)\\s*values\\s*\\(\\s*\\?(\\s*,\\s*\\?)*\\s*\\)\\s*");
    private static final VarHandle COMMAND = commandHandle();

    private final SessionLocal session;
    private final Insert insert;
    private final Table table;
    private final List<? extends ParameterInterface> parameters;
    private final String sql;
    private final Value[][] rows;
    private int pending;

    private H2TableRows(SessionLocal session, Insert insert, List<? extends ParameterInterface> parameters, String sql,
                        int chunkRows) {
        this.session = session;
        this.insert = insert;
        this.table = insert.getTable();
        this.parameters = parameters;
        this.sql = sql;
        this.rows = new Value[chunkRows][];
    }

    /** The direct path for {@code bound} (prepared from {@code sql} on {@code connection}), or null for JDBC. */
    static H2TableRows open(Connection connection, PreparedStatement bound, String sql, int columns, int chunkRows) {
        if (COMMAND == null || !BARE_VALUES.matcher(sql).matches()) {
            return null;
        }
        try {
            if (connection.getAutoCommit() || !connection.isWrapperFor(JdbcConnection.class)
                    || !bound.isWrapperFor(JdbcPreparedStatement.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || !(COMMAND.get(bound.unwrap(JdbcPreparedStatement.class)) instanceof CommandInterface command)) {
                return null;
            }
            Prepared prepared = session.prepare(sql);
            List<? extends ParameterInterface> parameters = command.getParameters();
            if (!(prepared instanceof Insert insert) || !(insert.getTable() instanceof MVTable)
                    || parameters.size() != columns || prepared.getParameters().size() != columns) {
                return null;
            }
            return new H2TableRows(session, insert, parameters, sql, chunkRows);
        } catch (SQLException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static VarHandle commandHandle() {
        try {
            return MethodHandles.privateLookupIn(JdbcPreparedStatement.class, MethodHandles.lookup())
                    .findVarHandle(JdbcPreparedStatement.class, "command", CommandInterface.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Takes the row the statement's parameters hold now (at most {@code chunkRows} between inserts). */
    void take() {
        Value[] row = new Value[parameters.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = parameters.get(i).getParamValue();
        }
        rows[pending++] = row;
    }

    /**
     * Inserts the chunk as one H2 statement. On failure nothing of the chunk stays and the exception says which
     * row of it failed.
     */
    void insert() throws ChunkFailed {
        int count = pending;
        pending = 0;
        if (count == 0) {
            return;
        }
        int row = 0;
        session.lock();
        try {
            session.waitIfExclusiveModeEnabled();
            SessionLocal.Savepoint start = session.setSavepoint();
            session.startStatementWithinTransaction(null);
            Session previous = session.setThreadLocalSession();
            try {
                session.getUser().checkTableRight(table, Right.INSERT);
                table.fire(session, Trigger.INSERT, true);
                table.lock(session, Table.WRITE_LOCK);
                for (; row < count; row++) {
                    session.checkCanceled();
                    insert.addRow(rows[row]);
                    rows[row] = null;
                }
                table.fire(session, Trigger.INSERT, false);
            } catch (Throwable e) {
                DbException error = DbException.convert(e);
                try {
                    session.rollbackTo(start);
                } catch (Throwable rollback) {
                    error.addSuppressed(rollback);
                }
                java.util.Arrays.fill(rows, null);
                throw new ChunkFailed(Math.min(row, count - 1), error.addSQL(sql).getSQLException());
            } finally {
                session.resetThreadLocalSession(previous);
                session.endStatement();
            }
        } finally {
            session.unlock();
        }
    }

    /** A chunk H2 refused: the index of the failing row in it, and H2's error as its JDBC driver reports it. */
    static final class ChunkFailed extends Exception {
        private final int row;

        ChunkFailed(int row, SQLException cause) {
            super(cause);
            this.row = row;
        }

        int row() {
            return row;
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
