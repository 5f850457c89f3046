package io.pgbridge.config;

import java.time.Duration;

/**
 * Connection pool settings for one backend. The bounds are HikariCP's own minimums, checked here so a bad
 * value is reported with its key instead of being silently replaced by the pool.
 *
 * @param maximumPoolSize most connections to the backend, at least 1 (default 20)
 * @param minimumIdle idle connections kept open, 0..maximumPoolSize (default 0)
 * @param connectionTimeout longest wait for a connection from the pool, at least 250ms (default 30s)
 * @param idleTimeout how long an idle connection may stay, 0 = forever or at least 10s (default 10m)
 * @param maxLifetime age at which a connection is replaced, 0 = never or at least 30s (default 30m)
 */
public record PoolConfig(
        int maximumPoolSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout, Duration maxLifetime) {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 20;
    public static final int DEFAULT_MINIMUM_IDLE = 0;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);

    public PoolConfig {
        if (maximumPoolSize < 1) {
            throw new ConfigException("maximum_pool_size", "expected a positive integer, got " + maximumPoolSize);
        }
        if (minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new ConfigException("minimum_idle", "expected an integer from 0 to maximum_pool_size ("
                    + maximumPoolSize + "), got " + minimumIdle);
        }
        atLeast("connection_timeout", connectionTimeout, Duration.ofMillis(250), false);
        atLeast("idle_timeout", idleTimeout, Duration.ofSeconds(10), true);
        atLeast("max_lifetime", maxLifetime, Duration.ofSeconds(30), true);
    }

    public static PoolConfig defaults() {
        return new PoolConfig(DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_MINIMUM_IDLE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_LIFETIME);
    }

    private static void atLeast(String key, Duration value, Duration minimum, boolean zeroMeansNever) {
        if (value == null) {
            throw new ConfigException(key, "expected a duration, got nothing");
        }
        if (zeroMeansNever && value.isZero()) {
            return;
        }
        if (value.compareTo(minimum) < 0) {
            throw new ConfigException(key, "expected at least " + Values.format(minimum)
                    + (zeroMeansNever ? " (or 0 for never)" : "") + ", got " + Values.format(value));
        }
    }
}
