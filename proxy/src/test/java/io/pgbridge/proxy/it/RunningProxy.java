package io.pgbridge.proxy.it;

import io.pgbridge.backend.Backends;
import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.ListenConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import io.pgbridge.proxy.server.PgServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** A real pgbridge on a free loopback port, in front of a real backend, for one test class. */
public final class RunningProxy implements AutoCloseable {
    private final Backends backends;
    private final PgServer server;
    private final int port;
    private final String backendKind;

    private RunningProxy(Backends backends, PgServer server, int port, String backendKind) {
        this.backends = backends;
        this.server = server;
        this.port = port;
        this.backendKind = backendKind;
    }

    /** Fronts a fresh embedded H2 database in a temporary data directory. */
    public static RunningProxy h2() throws Exception {
        Path dir = Files.createTempDirectory("pgbridge-it");
        return start(PgbridgeConfig.defaults().withDataDir(dir), "h2");
    }

    public static RunningProxy postgres() throws Exception {
        return backend(TestDatabases.postgresUrl(), "postgresql");
    }

    public static RunningProxy mariadb() throws Exception {
        return backend(TestDatabases.mariadbUrl(), "mariadb");
    }

    /** Fronts a fresh SQLite database file. */
    public static RunningProxy sqlite() throws Exception {
        Path dir = Files.createTempDirectory("pgbridge-sqlite");
        return backend("jdbc:sqlite:" + dir.resolve("it.db"), "sqlite");
    }

    /** PostgreSQL in pass-through mode: each session relayed to a PostgreSQL connection of its own. */
    public static RunningProxy postgresPassthrough() throws Exception {
        return passthrough(TestDatabases.postgresUrl(), "postgresql-passthrough");
    }

    /** Pass-through mode reaching PostgreSQL over its Unix socket ({@link TestDatabases#postgresSocketUrl()}). */
    public static RunningProxy postgresPassthroughOverSocket() throws Exception {
        return passthrough(TestDatabases.postgresSocketUrl(), "postgresql-passthrough-socket");
    }

    private static RunningProxy passthrough(String url, String kind) throws Exception {
        BackendConfig backend = new BackendConfig(BackendConfig.DEFAULT_NAME, url, null, null,
                new PoolConfig(10, 0, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30)), Map.of(),
                io.pgbridge.config.BackendMode.PASSTHROUGH);
        return start(PgbridgeConfig.defaults().withOnlyBackend(backend), kind);
    }

    public static RunningProxy forKind(String kind) throws Exception {
        return switch (kind) {
            case "postgresql-passthrough" -> postgresPassthrough();
            case "postgresql-passthrough-socket" -> postgresPassthroughOverSocket();
            case "sqlite" -> sqlite();
            case "h2" -> h2();
            case "postgresql" -> postgres();
            case "mariadb" -> mariadb();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Fronts the backend at {@code url} (a JDBC URL) as the only backend. */
    public static RunningProxy forUrl(String url, String kind) throws Exception {
        return backend(url, kind);
    }

    private static RunningProxy backend(String url, String kind) throws Exception {
        BackendConfig backend = new BackendConfig(BackendConfig.DEFAULT_NAME, url, null, null,
                new PoolConfig(10, 0, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30)), Map.of());
        return start(PgbridgeConfig.defaults().withOnlyBackend(backend), kind);
    }

    public static RunningProxy start(PgbridgeConfig config, String kind) throws Exception {
        config = config.withListen(new ListenConfig("127.0.0.1", 0, config.listen().auth(), false,
                config.listen().tls(), config.listen().ioThreads(), config.listen().sessionThreads(),
                config.listen().unixSocket()));
        Backends backends = Backends.open(config);
        PgServer server = new PgServer(config, backends);
        int port = server.start();
        return new RunningProxy(backends, server, port, kind);
    }

    public int port() {
        return port;
    }

    public String backendKind() {
        return backendKind;
    }

    public String jdbcUrl(String extra) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test?user=tester" + (extra.isEmpty() ? "" : "&" + extra);
    }

    /** A pgjdbc connection to the proxy; {@code extra} is URL properties like {@code preferQueryMode=simple}. */
    public Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(extra), new Properties());
    }

    public Connection connect() throws SQLException {
        return connect("");
    }

    /** Backend connections currently leased by sessions. */
    public int activeBackendConnections() {
        return backends.forDatabase(null).activeConnections();
    }

    public PgServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        backends.close();
    }
}
