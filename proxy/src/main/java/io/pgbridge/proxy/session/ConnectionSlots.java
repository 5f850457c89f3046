package io.pgbridge.proxy.session;

import java.util.concurrent.atomic.AtomicInteger;

/** At most {@code max} client connections served at once: PostgreSQL's max_connections. */
public final class ConnectionSlots {
    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    public ConnectionSlots(int max) {
        this.max = max;
    }

    /** Takes a slot if one is free. */
    boolean tryAcquire() {
        for (;;) {
            int now = used.get();
            if (now >= max) {
                return false;
            }
            if (used.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }

    public int used() {
        return used.get();
    }
}
