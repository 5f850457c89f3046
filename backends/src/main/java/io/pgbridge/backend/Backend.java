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

    /** The {@code server_version} to report to clients, read once from the backend. */
    String serverVersion();

    /** Connections leased right now; 0 when every session has given its connection back. */
    int activeConnections();

    @Override
    void close();
}
