package io.pgbridge.proxy.session;

import io.pgbridge.config.ConnectionLimits;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@code limits.connection_rate_per_address}: a token bucket per client address holding up to N connections, refilled
 * at N per period. A startup packet takes a token; without one the connection is refused with FATAL 53300 before
 * anything costly (authentication, a backend connection) happens. Loopback addresses are counted too unless the
 * configuration exempts them. Buckets that have filled up again are forgotten once many addresses are tracked.
 */
public final class ConnectionRateLimit {
    /** Past this many tracked addresses, full buckets are dropped (a full bucket is what a new address gets). */
    private static final int FORGET_ABOVE = 10_000;
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    /** Tokens (fractions included) at {@code nanos}, the last time the bucket was looked at. */
    private record Bucket(double tokens, long nanos) {
    }

    private final ConnectionLimits.ConnectionRate rate;
    private final boolean exemptLoopback;
    private final LongSupplier clock;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public ConnectionRateLimit(ConnectionLimits limits) {
        this(limits.ratePerAddress(), limits.rateExemptLoopback(), System::nanoTime);
    }

    ConnectionRateLimit(ConnectionLimits.ConnectionRate rate, boolean exemptLoopback, LongSupplier clock) {
        this.rate = rate;
        this.exemptLoopback = exemptLoopback;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /** Takes a token for a new connection from {@code address}, or throws with the FATAL it gets. */
    void admit(InetAddress address) {
        if (!tryAcquire(address)) {
            throw AuthenticationException.refused(new PgException("FATAL", SqlState.TOO_MANY_CONNECTIONS.code(),
                    "too many connection attempts from host \"" + address.getHostAddress() + "\"",
                    "pgbridge accepts at most " + rate.connections() + " new connections per "
                            + rate.periodInWords() + " from one address (limits.connection_rate_per_address).",
                    "Wait before connecting again, or keep connections open and reuse them.", 0, null));
        }
    }

    boolean tryAcquire(InetAddress address) {
        if (rate == null || exemptLoopback && address.isLoopbackAddress()) {
            return true;
        }
        long now = clock.getAsLong();
        if (buckets.size() > FORGET_ABOVE && now - lastSweep > SWEEP_INTERVAL_NANOS) {
            lastSweep = now;   // at most one sweep a second, however many addresses keep their buckets
            buckets.values().removeIf(b -> refilled(b, now) >= rate.connections());
        }
        boolean[] taken = {false};
        buckets.compute(address, (a, bucket) -> {
            double tokens = bucket == null ? rate.connections() : refilled(bucket, now);
            if (tokens >= 1) {
                taken[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        return taken[0];
    }

    private double refilled(Bucket bucket, long now) {
        double perNano = (double) rate.connections() / rate.period().toNanos();
        return Math.min(rate.connections(), bucket.tokens() + (now - bucket.nanos()) * perNano);
    }

    /** Addresses with a bucket now, for tests and diagnostics. */
    int trackedAddresses() {
        return buckets.size();
    }
}
