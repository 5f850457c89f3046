package io.pgbridge.config;

import java.time.Duration;

/**
 * Resource bounds that protect the proxy from oversized or stalled clients and bound shutdown.
 *
 * @param maxMessageSize largest frontend message accepted, in bytes (default 64 MiB)
 * @param maxStartupPacketSize largest startup packet, in bytes, at least 8 (default 10000, as PostgreSQL)
 * @param startupTimeout time a client has to finish startup and authentication (default 60s)
 * @param fetchSize rows fetched from the backend per round trip while streaming results (default 1000)
 * @param shutdownGrace time running queries get to finish on shutdown, 0 = close at once (default 10s)
 * @param maxConnections client connections served at once; one more is refused with 53300 (default 1000)
 * @param timeouts the defaults of statement_timeout, idle_in_transaction_session_timeout and idle_session_timeout
 * @param connections per-user, per-database and per-address limits
 */
public record LimitsConfig(int maxMessageSize, int maxStartupPacketSize, Duration startupTimeout, int fetchSize,
                           Duration shutdownGrace, int maxConnections, SessionTimeouts timeouts,
                           ConnectionLimits connections) {

    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 << 20;
    public static final int DEFAULT_MAX_STARTUP_PACKET_SIZE = 10_000;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_FETCH_SIZE = 1000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;

    /** The largest fixed-size startup frame, CancelRequest, is 16 bytes: a smaller limit would refuse it. */
    static final int MIN_STARTUP_PACKET_SIZE = 16;
    /** A message is at least its length word. */
    static final int MIN_MESSAGE_SIZE = 4;

    public LimitsConfig {
        if (maxMessageSize < MIN_MESSAGE_SIZE) {
            throw new ConfigException("max_message_size",
                    "expected a size of at least " + MIN_MESSAGE_SIZE + " bytes, got " + maxMessageSize);
        }
        if (maxStartupPacketSize < MIN_STARTUP_PACKET_SIZE) {
            throw new ConfigException("max_startup_packet_size",
                    "expected a size of at least " + MIN_STARTUP_PACKET_SIZE + " bytes, got " + maxStartupPacketSize);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new ConfigException("startup_timeout", "expected a positive duration, got "
                    + (startupTimeout == null ? "nothing" : Values.format(startupTimeout)));
        }
        if (fetchSize < 1) {
            throw new ConfigException("fetch_size", "expected a positive integer, got " + fetchSize);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new ConfigException("shutdown_grace", "expected a duration of 0 or more, got "
                    + (shutdownGrace == null ? "nothing" : Values.format(shutdownGrace)));
        }
        if (maxConnections < 1) {
            throw new ConfigException("max_connections", "expected a positive integer, got " + maxConnections);
        }
        timeouts = timeouts == null ? SessionTimeouts.none() : timeouts;
        connections = connections == null ? ConnectionLimits.none() : connections;
    }

    /** Without session timeouts and connection limits beyond {@code maxConnections}. */
    public LimitsConfig(int maxMessageSize, int maxStartupPacketSize, Duration startupTimeout, int fetchSize,
                        Duration shutdownGrace, int maxConnections) {
        this(maxMessageSize, maxStartupPacketSize, startupTimeout, fetchSize, shutdownGrace, maxConnections, null,
                null);
    }

    /** With the default connection limit. */
    public LimitsConfig(int maxMessageSize, int maxStartupPacketSize, Duration startupTimeout, int fetchSize,
                        Duration shutdownGrace) {
        this(maxMessageSize, maxStartupPacketSize, startupTimeout, fetchSize, shutdownGrace, DEFAULT_MAX_CONNECTIONS);
    }

    public LimitsConfig withMaxConnections(int newMaxConnections) {
        return new LimitsConfig(maxMessageSize, maxStartupPacketSize, startupTimeout, fetchSize, shutdownGrace,
                newMaxConnections, timeouts, connections);
    }

    public LimitsConfig withTimeouts(SessionTimeouts newTimeouts) {
        return new LimitsConfig(maxMessageSize, maxStartupPacketSize, startupTimeout, fetchSize, shutdownGrace,
                maxConnections, newTimeouts, connections);
    }

    public LimitsConfig withConnections(ConnectionLimits newConnections) {
        return new LimitsConfig(maxMessageSize, maxStartupPacketSize, startupTimeout, fetchSize, shutdownGrace,
                maxConnections, timeouts, newConnections);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_STARTUP_PACKET_SIZE, DEFAULT_STARTUP_TIMEOUT,
                DEFAULT_FETCH_SIZE, DEFAULT_SHUTDOWN_GRACE, DEFAULT_MAX_CONNECTIONS, SessionTimeouts.none(),
                ConnectionLimits.none());
    }
}
