package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backend statement a session is running, cancelled through JDBC ({@link Statement#cancel}) when the client
 * sends a CancelRequest or when the session's {@code statement_timeout} runs out. The timer runs on the session's
 * event loop, independent of the session's thread (which is blocked in the driver); the client then gets 57014
 * "canceling statement due to statement timeout", and inside a transaction block the block is failed as usual.
 */
final class RunningStatement {
    static final String TIMEOUT_MESSAGE = "canceling statement due to statement timeout";
    static final String CANCEL_MESSAGE = "canceling statement due to user request";

    /** One client statement: what runs under one timer. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** How to stop what runs: a JDBC statement's cancel, or pgjdbc's cancel of its connection's query (COPY). */
    @FunctionalInterface
    interface Cancellation {
        void cancel() throws SQLException;
    }

    private final ScheduledExecutorService timers;
    private volatile Cancellation running;
    /** The current timer ran out: the statement is being cancelled, and one about to start must not. */
    private volatile boolean expired;
    /** A cancel request (or pg_cancel_backend) reached the running statement. */
    private volatile boolean canceled;

    RunningStatement(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /**
     * Runs one client statement, cancelled after {@code timeoutMillis} (0: no limit); if it fails because the
     * timer ran out, the failure is the statement timeout, whatever the backend called it.
     */
    void timed(long timeoutMillis, Body body) throws Exception {
        canceled = false;
        if (timeoutMillis <= 0) {
            try {
                body.run();
            } catch (Exception e) {
                throw canceled ? asCanceled(e) : e;
            }
            return;
        }
        expired = false;
        ScheduledFuture<?> timer = timers.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            body.run();
        } catch (Exception e) {
            if (expired) {
                throw new PgException("ERROR", SqlState.QUERY_CANCELED.code(), TIMEOUT_MESSAGE, null, null, 0, e);
            }
            throw canceled ? asCanceled(e) : e;
        } finally {
            timer.cancel(false);
            expired = false;
        }
    }

    /** A backend's own words for a cancelled statement (H2's, SQLite's interrupt) as PostgreSQL's. */
    private static Exception asCanceled(Exception e) {
        return ErrorMapper.map(e).sqlState().equals(SqlState.QUERY_CANCELED.code())
                ? new PgException("ERROR", SqlState.QUERY_CANCELED.code(), CANCEL_MESSAGE, null, null, 0, e) : e;
    }

    /** The JDBC statement that is about to execute; refused when the timer already ran out. */
    void started(Statement statement) {
        started(statement::cancel);
    }

    /** Something else about to run on the backend, cancelled by {@code cancellation}. */
    void started(Cancellation cancellation) {
        running = cancellation;
        if (expired) {   // read after the write: either this sees the timer's mark or the timer sees the statement
            throw new PgException(SqlState.QUERY_CANCELED, TIMEOUT_MESSAGE);
        }
    }

    /** The statement has finished (its result read to the end, or none). */
    void finished() {
        running = null;
    }

    /** Cancels the running statement, if any; from any thread. */
    void cancel() {
        Cancellation target = running;
        if (target != null) {
            canceled = true;
            cancel(target);
        }
    }

    private static void cancel(Cancellation cancellation) {
        if (cancellation != null) {
            try {
                cancellation.cancel();
            } catch (SQLException e) {
                // The statement finished or the driver cannot cancel; PostgreSQL also gives no answer to a cancel.
            }
        }
    }

    /**
     * On the event loop: drivers cancel over a connection of their own (pgjdbc, MariaDB), so not on this thread. The
     * target is taken now, so that a statement the session starts meanwhile is not the one cancelled.
     */
    private void expire() {
        expired = true;
        Cancellation target = running;
        if (target != null) {
            Thread.ofVirtual().name("pgbridge-statement-timeout").start(() -> cancel(target));
        }
    }
}
