package io.pgbridge.proxy.it;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

/**
 * Where the real databases of the tests are, in this order: the environment ({@code PGBRIDGE_TEST_*}, which CI
 * sets), the usual local services (127.0.0.1:5432 and :3306), and, where neither exists but a Docker engine does,
 * containers started by Testcontainers. With none of these a test fails with a message saying so; it never skips.
 */
public final class TestDatabases {
    private static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String LOCAL_MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    private static volatile String postgresUrl;
    private static volatile String mariadbUrl;

    private TestDatabases() {
    }

    /** pgjdbc URL of the reference PostgreSQL ({@code PGBRIDGE_TEST_PG_URL}). */
    public static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            postgresUrl = resolve("PGBRIDGE_TEST_PG_URL", LOCAL_PG, "127.0.0.1", 5432, () -> {
                PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15").withDatabaseName("test")
                        .withUsername("postgres").withPassword("postgres");
                return withParameters(start(pg), "user=postgres&password=postgres");
            });
        }
        return postgresUrl;
    }

    /**
     * The reference PostgreSQL's URL with {@code unixSocketDirectory} added, for pass-through over its Unix socket:
     * the directory comes from {@code PGBRIDGE_TEST_PG_SOCKET_DIR}, else Debian's {@code /var/run/postgresql}.
     * The socket must be there (it is wherever PostgreSQL runs on this machine); a container's is not reachable.
     */
    public static String postgresSocketUrl() {
        String url = postgresUrl();
        String directory = System.getenv().getOrDefault("PGBRIDGE_TEST_PG_SOCKET_DIR", "/var/run/postgresql");
        int port = io.pgbridge.backend.PostgresAddress.parse(url).port();
        java.nio.file.Path socket = java.nio.file.Path.of(directory, ".s.PGSQL." + port);
        if (!java.nio.file.Files.exists(socket)) {
            throw new IllegalStateException("PostgreSQL's Unix socket " + socket + " is missing: set"
                    + " PGBRIDGE_TEST_PG_SOCKET_DIR to the directory holding it");
        }
        return url + (url.contains("?") ? "&" : "?") + "unixSocketDirectory=" + directory;
    }

    /** MariaDB Connector/J URL ({@code PGBRIDGE_TEST_MARIADB_URL}). */
    public static synchronized String mariadbUrl() {
        if (mariadbUrl == null) {
            mariadbUrl = resolve("PGBRIDGE_TEST_MARIADB_URL", LOCAL_MARIADB, "127.0.0.1", 3306, () -> {
                MariaDBContainer<?> maria = new MariaDBContainer<>("mariadb:10.11").withDatabaseName("test")
                        .withUsername("root").withPassword("");
                return withParameters(start(maria), "user=root");
            });
        }
        return mariadbUrl;
    }

    /** Host of the reference PostgreSQL for psql and raw-socket comparisons. */
    public static String postgresHost() {
        String env = System.getenv("PGBRIDGE_TEST_PG_HOST");
        return env != null && !env.isBlank() ? env : URI.create(postgresUrl().substring(5)).getHost();
    }

    public static int postgresPort() {
        String env = System.getenv("PGBRIDGE_TEST_PG_PORT");
        if (env != null && !env.isBlank()) {
            return Integer.parseInt(env);
        }
        int port = URI.create(postgresUrl().substring(5)).getPort();
        return port > 0 ? port : 5432;
    }

    private interface ContainerStart {
        String start();
    }

    private static String resolve(String variable, String localUrl, String host, int port, ContainerStart container) {
        Map<String, String> env = System.getenv();
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (listening(host, port)) {
            return localUrl;
        }
        if (dockerAvailable()) {
            return container.start();
        }
        throw new IllegalStateException("no database for the tests: set " + variable + ", run one on " + host + ":"
                + port + ", or make a Docker engine available for Testcontainers (.ci/run starts the local services)");
    }

    private static String start(JdbcDatabaseContainer<?> container) {
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getJdbcUrl();
    }

    private static String withParameters(String url, String parameters) {
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
