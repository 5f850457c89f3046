package io.pgbridge.proxy.it;

import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.SessionTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * idle_session_timeout and idle_in_transaction_session_timeout through pgbridge, compared with what PostgreSQL 15
 * itself sends ("direct"): the unprompted FATAL, byte fields and all, the connection closed, the transaction
 * rolled back and the backend connection back in the pool; other sessions untouched.
 */
class IdleTimeoutIT {
    private static final String PROBE = "limits_idle_probe";
    private static final SessionBackends BACKENDS = new SessionBackends();

    @AfterAll
    static void stop() {
        BACKENDS.close();
    }

    private static RunningProxy proxy(String kind) throws Exception {
        return BACKENDS.proxy(kind);
    }

    private static int port(String kind) throws Exception {
        return kind.equals("direct") ? TestDatabases.postgresPort() : proxy(kind).port();
    }

    private static String host(String kind) {
        return kind.equals("direct") ? TestDatabases.postgresHost() : "127.0.0.1";
    }

    private static Connection connect(String kind) throws Exception {
        return kind.equals("direct") ? DriverManager.getConnection(TestDatabases.postgresUrl()) : proxy(kind).connect();
    }

    /** The FATAL's fields a client reads (severity, SQLSTATE, message), then whether the server closed. */
    private static List<String> idleEnding(String kind, String... queries) throws Exception {
        try (RawPgClient client = new RawPgClient(host(kind), port(kind))) {
            client.startup(3, 0, SessionDifferential.startupParameters());
            for (String query : queries) {
                assertThat(client.query(query)).extracting(RawPgClient.Message::type).doesNotContain('E');
            }
            long start = System.nanoTime();
            RawPgClient.Message message = client.read();
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(waited).isBetween(200L, 10_000L);
            Map<Character, String> f = message.fields();
            return List.of(String.valueOf(message.type()), f.get('S'), f.get('V'), f.get('C'), f.get('M'),
                    "closed=" + client.isClosedByServer());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void anIdleSessionIsClosedAsPostgresClosesIt(String kind) throws Exception {
        String[] queries = {"set idle_session_timeout = '300ms'"};
        List<String> expected = idleEnding("direct", queries);
        assertThat(expected).containsExactly("E", "FATAL", "FATAL", "57P05",
                "terminating connection due to idle-session timeout", "closed=true");
        try (Connection other = connect(kind); Statement st = other.createStatement()) {
            assertThat(idleEnding(kind, queries)).isEqualTo(expected);
            assertThat(value(st, "select 1")).isEqualTo("1");   // the other session lives on
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void anIdleTransactionIsClosedAndRolledBack(String kind) throws Exception {
        createProbe("direct");
        createProbe(kind);
        String[] queries = {"set idle_in_transaction_session_timeout = '300ms'", "begin",
                "insert into " + PROBE + " values (42)"};
        List<String> expected = idleEnding("direct", queries);
        assertThat(expected).containsExactly("E", "FATAL", "FATAL", "25P03",
                "terminating connection due to idle-in-transaction timeout", "closed=true");
        assertThat(idleEnding(kind, queries)).isEqualTo(expected);
        try (Connection c = connect(kind); Statement st = c.createStatement()) {
            assertThat(value(st, "select count(*) from " + PROBE)).isEqualTo("0");
        }
        RunningProxy proxy = proxy(kind);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (proxy.activeBackendConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(proxy.activeBackendConnections()).isZero();
    }

    /** pgjdbc's view: the next statement fails with the FATAL's SQLSTATE and text, and the connection is gone. */
    @ParameterizedTest
    @ValueSource(strings = {"direct", "h2", "postgresql"})
    void pgjdbcSeesTheFatalOnItsNextStatement(String kind) throws Exception {
        try (Connection c = connect(kind); Statement st = c.createStatement()) {
            st.execute("set idle_in_transaction_session_timeout = '300ms'");
            c.setAutoCommit(false);
            assertThat(value(st, "select 1")).isEqualTo("1");
            Thread.sleep(1000);
            PSQLException e = catchThrowableOfType(PSQLException.class, () -> st.executeQuery("select 2"));
            assertThat(e.getSQLState()).isEqualTo("25P03");
            assertThat(e.getServerErrorMessage().getMessage())
                    .isEqualTo("terminating connection due to idle-in-transaction timeout");
            assertThat(c.isValid(2)).isFalse();
        }
    }

    /** Messages keep the session alive; and while a transaction is open only the in-transaction timeout counts. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void activityKeepsTheSessionOpen(String kind) throws Exception {
        try (Connection c = connect(kind); Statement st = c.createStatement()) {
            st.execute("set idle_session_timeout = '400ms'");
            for (int i = 0; i < 8; i++) {
                Thread.sleep(150);
                assertThat(value(st, "select " + i)).isEqualTo(String.valueOf(i));
            }
            c.setAutoCommit(false);
            assertThat(value(st, "select 9")).isEqualTo("9");
            Thread.sleep(800);   // idle, but in a transaction, whose timeout is off
            assertThat(value(st, "select 10")).isEqualTo("10");
            c.rollback();
        }
    }

    /** The configured defaults apply to every session, on the JDBC path and, through PostgreSQL, in pass-through. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql-passthrough"})
    void theConfiguredDefaultsApply(String kind) throws Exception {
        SessionTimeouts timeouts = new SessionTimeouts(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(400));
        PgbridgeConfig base = kind.equals("h2")
                ? PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-idle"))
                : PgbridgeConfig.defaults().withOnlyBackend(new io.pgbridge.config.BackendConfig("default",
                        TestDatabases.postgresUrl(), null, null, io.pgbridge.config.PoolConfig.defaults(), Map.of(),
                        io.pgbridge.config.BackendMode.PASSTHROUGH));
        PgbridgeConfig config = base.withLimits(LimitsConfig.defaults().withTimeouts(timeouts));
        try (RunningProxy proxy = RunningProxy.start(config, kind);
             Connection c = proxy.connect(); Statement st = c.createStatement()) {
            assertThat(value(st, "show idle_session_timeout")).isEqualTo("400ms");
            assertThat(value(st, "show idle_in_transaction_session_timeout")).isEqualTo("30s");
            Thread.sleep(1000);
            PSQLException e = catchThrowableOfType(PSQLException.class, () -> st.executeQuery("select 1"));
            assertThat(e.getSQLState()).isEqualTo("57P05");
        }
    }

    /** psql prints the same as with PostgreSQL. */
    @Test
    void psqlReportsTheTimeout() throws Exception {
        String[] script = {"-c", "set idle_session_timeout = '300ms'", "-c", "\\! sleep 1", "-c", "select 1"};
        PsqlRun direct = PsqlRun.run("host=" + TestDatabases.postgresHost() + " port=" + TestDatabases.postgresPort()
                + " user=postgres dbname=test", Map.of(), script);
        PsqlRun proxied = PsqlRun.run("host=127.0.0.1 port=" + proxy("h2").port() + " user=tester dbname=test",
                Map.of(), script);
        assertThat(direct.err()).startsWith("FATAL:  terminating connection due to idle-session timeout");
        assertThat(proxied.err().lines().findFirst()).as(proxied.toString()).isEqualTo(direct.err().lines().findFirst());
        assertThat(proxied.exitCode()).isEqualTo(direct.exitCode()).isNotZero();
    }

    private static void createProbe(String kind) throws Exception {
        try (Connection c = connect(kind); Statement st = c.createStatement()) {
            st.execute("drop table if exists " + PROBE);
            st.execute("create table " + PROBE + " (id int)");
        }
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
