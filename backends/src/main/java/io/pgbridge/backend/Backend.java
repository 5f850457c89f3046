package io.pgbridge.backend;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database behind pgbridge. Sessions lease connections from it and give them back with {@link Connection#close()}.
 * Implementations are thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** The configured name, used in routes and log lines. */
    String name();

    BackendDialect dialect();

    /** The configuration this backend was opened from. */
    io.pgbridge.config.BackendConfig config();

    /** Leases a connection in autocommit mode; blocks up to the pool's connection timeout. */
    Connection lease() throws SQLException;

    /**
     * Opens a connection of its own, outside the pool, logged in as {@code user} with {@code password} (the
     * passthrough authentication method), set up as pooled connections are; the caller closes it. A refused login
     * is an SQLException whose SQLSTATE starts with 28.
     */
    default Connection connectAs(String user, String password) throws SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("backend " + name() + " does not open connections for"
                + " client credentials", "0A000");
    }

    /** The {@code server_version} to report to clients, read once from the backend. */
    String serverVersion();

    /** Connections leased right now; 0 when every session has given its connection back. */
    int activeConnections();

    @Override
    void close();
}
