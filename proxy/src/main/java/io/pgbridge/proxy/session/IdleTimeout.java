package io.pgbridge.proxy.session;

import io.netty.channel.EventLoop;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * PostgreSQL's idle_session_timeout and idle_in_transaction_session_timeout: a session that has sent ReadyForQuery
 * and hears nothing from its client for that long is closed with PostgreSQL's FATAL (57P05, or 25P03 inside a
 * transaction); the session's end rolls its backend transaction back and returns the connection to the pool.
 *
 * <p>The timer runs on the connection's event loop, the thread that also queues the client's messages, so when it
 * runs out it sees every message that has arrived: it ends the session only if none waits in the inbox and the
 * session has taken none since the timer started (the {@link #round}).
 */
final class IdleTimeout {
    static final String IDLE_SESSION_MESSAGE = "terminating connection due to idle-session timeout";
    static final String IDLE_IN_TRANSACTION_MESSAGE = "terminating connection due to idle-in-transaction timeout";

    private final EventLoop loop;
    private final BooleanSupplier inboxEmpty;
    private final Consumer<PgException> terminate;
    /** Counts the session's waits for a message; a timer of an earlier wait does nothing. */
    private volatile long round;
    private ScheduledFuture<?> timer;

    IdleTimeout(EventLoop loop, BooleanSupplier inboxEmpty, Consumer<PgException> terminate) {
        this.loop = loop;
        this.inboxEmpty = inboxEmpty;
        this.terminate = terminate;
    }

    /**
     * On the session thread, after ReadyForQuery, before it waits for the next message: starts the timer that
     * applies to the transaction status, if that timeout is on.
     */
    void arm(TransactionStatus status, SessionSettings settings) {
        boolean inTransaction = status != TransactionStatus.IDLE;
        long millis = settings.milliseconds(inTransaction ? BuiltinSettings.IDLE_IN_TRANSACTION_SESSION_TIMEOUT
                : BuiltinSettings.IDLE_SESSION_TIMEOUT);
        if (millis == 0 || !inboxEmpty.getAsBoolean()) {
            return;   // off, or the next message is here already
        }
        PgException fatal = inTransaction
                ? PgException.fatal(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, IDLE_IN_TRANSACTION_MESSAGE)
                : PgException.fatal(SqlState.IDLE_SESSION_TIMEOUT, IDLE_SESSION_MESSAGE);
        long armed = round;
        timer = loop.schedule(() -> {
            if (round == armed && inboxEmpty.getAsBoolean()) {
                terminate.accept(fatal);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** On the session thread, when it has taken a message to work on. */
    void disarm() {
        round++;   // only the session thread writes it
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
