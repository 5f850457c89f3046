package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.FrontendMessage;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's decoded client messages, put by the event loop a read at a time and taken by the session's one thread.
 * What one socket read decoded arrives together: a session that wakes at a pipelined Bind sees the Execute and Sync
 * sent with it, so it can tell a lone Execute (autocommit) from several before one Sync (one transaction) without
 * depending on how fast the event loop is, and it is woken once per read rather than once per message.
 */
final class Inbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<FrontendMessage> messages = new ArrayDeque<>();
    /** Past this many waiting messages the channel should stop reading; below {@link #low} it may read again. */
    private final int high;
    private final int low;
    /** Reading is paused: decided with the queue's size, under the lock, so a pause is never missed or left. */
    private boolean paused;

    Inbox(int high, int low) {
        this.high = high;
        this.low = low;
    }

    void add(FrontendMessage message) {
        addAll(List.of(message));
    }

    /**
     * Adds the messages in their order, all at once; wakes the session thread if it waits. Returns true when the
     * channel must stop reading now: more than {@code high} messages wait and reading was not paused yet.
     */
    boolean addAll(Collection<? extends FrontendMessage> batch) {
        lock.lock();
        try {
            boolean wasEmpty = messages.isEmpty();
            messages.addAll(batch);
            if (wasEmpty && !messages.isEmpty()) {
                notEmpty.signal();   // one taker: only the session's thread ever waits
            }
            if (!paused && messages.size() > high) {
                paused = true;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True, once, when reading was paused and fewer than {@code low} messages wait: the channel may read again. The
     * session thread asks after each message it takes.
     */
    boolean resumeReading() {
        lock.lock();
        try {
            if (paused && messages.size() < low) {
                paused = false;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The next message, waiting for it. */
    FrontendMessage take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty()) {
                notEmpty.await();
            }
            return messages.poll();
        } finally {
            lock.unlock();
        }
    }

    /** The next message, or null when none came within the time. */
    FrontendMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return messages.poll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** How many Executes wait before the next Sync, or -1 when no Sync has arrived yet. */
    int executesBeforeSync() {
        lock.lock();
        try {
            int executes = 0;
            for (FrontendMessage m : messages) {
                if (m instanceof FrontendMessage.Sync) {
                    return executes;
                }
                if (m instanceof FrontendMessage.Execute) {
                    executes++;
                }
            }
            return -1;
        } finally {
            lock.unlock();
        }
    }
}
