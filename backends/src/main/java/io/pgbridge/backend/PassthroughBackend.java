package io.pgbridge.backend;

import io.pgbridge.config.BackendConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A PostgreSQL backend in pass-through mode: sessions open their own PostgreSQL connections and relay the protocol,
 * so there is no JDBC pool. Opening it only checks that the server answers on its port.
 */
public final class PassthroughBackend implements Backend {
    private final BackendConfig config;

    private PassthroughBackend(BackendConfig config) {
        this.config = config;
    }

    public static PassthroughBackend open(BackendConfig config) throws SQLException {
        PostgresAddress address = PostgresAddress.parse(config.url());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 10_000);
        } catch (IOException e) {
            throw new SQLException("backend " + config.name() + " (" + address.host() + ":" + address.port()
                    + ") is not reachable: " + e.getMessage(), "08001", e);
        }
        return new PassthroughBackend(config);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public BackendDialect dialect() {
        return Dialects.POSTGRES;
    }

    @Override
    public BackendConfig config() {
        return config;
    }

    @Override
    public Connection lease() throws SQLException {
        throw new SQLFeatureNotSupportedException("backend " + config.name() + " is in pass-through mode", "0A000");
    }

    /** PostgreSQL reports its own version to each relayed session. */
    @Override
    public String serverVersion() {
        return "";
    }

    @Override
    public int activeConnections() {
        return 0;
    }

    @Override
    public void close() {
    }
}
