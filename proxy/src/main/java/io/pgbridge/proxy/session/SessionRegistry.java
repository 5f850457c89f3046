package io.pgbridge.proxy.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.ByteBuffer;
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

    public int activeSessions() {
        return sessions.size();
    }
}
