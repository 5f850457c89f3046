package io.pgbridge.proxy.session;

import io.pgbridge.proxy.catalog.StatActivity;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live sessions of one server: process ids and cancel keys, so that a CancelRequest on a new connection finds
 * its target, and which sessions are busy, so that shutdown can let running statements finish.
 */
public final class SessionRegistry {
    private final AtomicInteger nextProcessId = new AtomicInteger(1000);
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<Integer, Entry> sessions = new ConcurrentHashMap<>();

    /** What the registry can ask of a live session, whichever engine runs it. */
    public interface Registered {
        /** Cancels the statement running now, if any. */
        void cancel();

        /** Server shutdown: end the session once it is idle. */
        void adminShutdown();

        /** pg_terminate_backend: stop the running statement, if any, and end the session. */
        default void terminateBackend() {
            adminShutdown();
            cancel();
        }

        /** What pg_stat_activity shows of the session; null for sessions it does not list (pass-through ones). */
        default StatActivity.Row activity() {
            return null;
        }
    }

    private record Entry(int secretKey, Registered session) {
    }

    private final AtomicInteger busy = new AtomicInteger();

    public void busy(boolean running) {
        if (running) {
            busy.incrementAndGet();
        } else {
            busy.decrementAndGet();
        }
    }

    /** Sessions working on a message right now. */
    public int busySessions() {
        return busy.get();
    }

    /** Tells every session to end with FATAL 57P01 once it is idle. */
    public void terminateAll() {
        sessions.values().forEach(e -> e.session().adminShutdown());
    }

    public int nextProcessId() {
        return nextProcessId.incrementAndGet();
    }

    public int newSecret() {
        return random.nextInt();
    }

    public void register(int processId, int secretKey, Registered session) {
        sessions.put(processId, new Entry(secretKey, session));
    }

    public void unregister(int processId, Registered session) {
        sessions.computeIfPresent(processId, (k, e) -> e.session() == session ? null : e);
    }

    /** Cancels the target's running statement when the key matches; says nothing either way, as PostgreSQL does. */
    void cancel(int processId, int secretKey) {
        Entry entry = sessions.get(processId);
        if (entry == null) {
            return;
        }
        // The key is a secret: compare in constant time.
        byte[] expected = ByteBuffer.allocate(4).putInt(entry.secretKey()).array();
        byte[] given = ByteBuffer.allocate(4).putInt(secretKey).array();
        if (MessageDigest.isEqual(expected, given)) {
            Thread.ofVirtual().name("cancel-" + processId).start(entry.session()::cancel);
        }
    }

    /** A snapshot of the live sessions for pg_stat_activity, by process id; reads without locking. */
    public List<StatActivity.Row> activity() {
        return sessions.values().stream().map(e -> e.session().activity()).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(StatActivity.Row::pid)).toList();
    }

    /**
     * pg_cancel_backend / pg_terminate_backend from a session of {@code user}: as PostgreSQL for a role that is not
     * a superuser, only sessions of the same user; false, after {@code notFound} (PostgreSQL's WARNING), when
     * {@code processId} is no session listed in pg_stat_activity.
     */
    boolean signal(String user, int processId, boolean terminate, IntConsumer notFound) {
        Entry entry = sessions.get(processId);
        StatActivity.Row target = entry == null ? null : entry.session().activity();
        if (target == null) {
            notFound.accept(processId);
            return false;
        }
        if (!target.user().equals(user)) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, terminate
                    ? "must be a member of the role whose process is being terminated or member of pg_signal_backend"
                    : "must be a member of the role whose query is being canceled or member of pg_signal_backend");
        }
        if (terminate) {
            entry.session().terminateBackend();
        } else {
            entry.session().cancel();
        }
        return true;
    }

    public int activeSessions() {
        return sessions.size();
    }
}
