package io.pgbridge.proxy.it;

import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.SessionTimeouts;
import io.pgbridge.proxy.it.SessionDifferential.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static io.pgbridge.proxy.it.SessionDifferential.q;
import static io.pgbridge.proxy.it.SessionDifferential.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * statement_timeout through pgbridge: its values read and shown as PostgreSQL 15 does them (differential), and a
 * statement that outlives it cancelled on the backend with PostgreSQL's 57014, on H2, MariaDB and PostgreSQL, the
 * same as PostgreSQL itself answers.
 */
class StatementTimeoutIT extends AbstractSessionDifferential {
    private static final String TIMEOUT_MESSAGE = "canceling statement due to statement timeout";

    static List<Scenario> scenarios() {
        return List.of(
                scenario("statement_timeout values", q("set statement_timeout = '2s'"), q("show statement_timeout"),
                        q("set statement_timeout = '1.5s'"), q("show statement_timeout"),
                        q("set statement_timeout = 60000"), q("show statement_timeout"),
                        q("set statement_timeout to '1500us'"), q("show statement_timeout"),
                        q("set statement_timeout = '1d'"), q("show statement_timeout"),
                        q("reset statement_timeout"), q("show statement_timeout")),
                scenario("statement_timeout refused values", q("set statement_timeout = '3 S'"),
                        q("set statement_timeout = 'abc'"), q("set statement_timeout = -1"),
                        q("set statement_timeout = '3000000000'"), q("show statement_timeout")),
                scenario("idle timeouts values", q("set idle_session_timeout = '1h'"), q("show idle_session_timeout"),
                        q("set idle_in_transaction_session_timeout = '90s'"),
                        q("show idle_in_transaction_session_timeout"), q("reset idle_session_timeout"),
                        q("set idle_in_transaction_session_timeout = '5 weeks'"),
                        q("reset idle_in_transaction_session_timeout"), q("show idle_session_timeout")),
                scenario("statement_timeout set local and set_config", q("begin"),
                        q("set local statement_timeout = '5s'"), q("show statement_timeout"), q("commit"),
                        q("show statement_timeout"), q("select set_config('statement_timeout', '250ms', false)"),
                        q("show statement_timeout"), q("select current_setting('statement_timeout')")));
    }

    static Stream<Arguments> cases() {
        return SessionBackends.cross(scenarios());
    }

    /** The hint PostgreSQL gives with a bad unit comes through too. */
    @Test
    void aBadUnitGetsPostgresHint() throws Exception {
        String sql = "set statement_timeout = '5 weeks'";
        ServerErrorMessage direct = failure(DriverManager.getConnection(TestDatabases.postgresUrl()), sql);
        ServerErrorMessage proxied = failure(BACKENDS.proxy("h2").connect(), sql);
        assertThat(proxied.getHint()).isEqualTo(direct.getHint()).startsWith("Valid units for this parameter");
        assertThat(proxied.getMessage()).isEqualTo(direct.getMessage());
    }

    private static ServerErrorMessage failure(Connection c, String sql) throws SQLException {
        try (c; Statement st = c.createStatement()) {
            return catchThrowableOfType(PSQLException.class, () -> st.execute(sql)).getServerErrorMessage();
        }
    }

    /** A query that runs for many seconds on each backend. */
    private static String slowQuery(String kind) {
        return switch (kind) {
            case "postgresql", "direct" -> "select pg_sleep(30)";
            case "mariadb" -> "select sleep(30)";
            default -> "select count(*) from generate_series(1, 100000) a, generate_series(1, 100000) b";
        };
    }

    /**
     * The slow statement fails with 57014 well before it would end; the session goes on; inside a transaction block
     * the block is aborted (25P02) until ROLLBACK; another session is untouched. "direct" is PostgreSQL itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"direct", "h2", "postgresql", "mariadb"})
    void aStatementOverTheTimeoutIsCancelled(String kind) throws Exception {
        try (Connection c = connect(kind); Connection other = connect(kind);
             Statement st = c.createStatement(); Statement otherSt = other.createStatement()) {
            st.execute("set statement_timeout = '400ms'");
            long start = System.nanoTime();
            assertTimedOut(st, slowQuery(kind));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(value(st, "select 1")).isEqualTo("1");
            assertThat(value(otherSt, "show statement_timeout")).isEqualTo("0");

            c.setAutoCommit(false);
            assertThat(value(st, "select 2")).isEqualTo("2");
            assertTimedOut(st, slowQuery(kind));
            PSQLException aborted = catchThrowableOfType(PSQLException.class, () -> st.executeQuery("select 3"));
            assertThat(aborted.getSQLState()).isEqualTo("25P02");
            assertThat(aborted.getServerErrorMessage().getMessage())
                    .isEqualTo("current transaction is aborted, commands ignored until end of transaction block");
            assertThat(value(otherSt, "select 4")).isEqualTo("4");
            c.rollback();
            assertThat(value(st, "select 5")).isEqualTo("5");
            c.setAutoCommit(true);
            st.execute("set statement_timeout = 0");
            assertThat(value(st, "show statement_timeout")).isEqualTo("0");
        }
    }

    /** COPY runs under the timeout too: the query behind COPY … TO STDOUT is cancelled like any statement. */
    @ParameterizedTest
    @ValueSource(strings = {"direct", "h2", "mariadb", "postgresql"})
    void aSlowCopyIsCancelled(String kind) throws Exception {
        try (Connection c = connect(kind); Statement st = c.createStatement()) {
            st.execute("set statement_timeout = '400ms'");
            var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
            PSQLException e = catchThrowableOfType(PSQLException.class, () -> copy.copyOut(
                    "copy (" + slowQuery(kind) + ") to stdout", java.io.OutputStream.nullOutputStream()));
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(TIMEOUT_MESSAGE);
            assertThat(value(st, "select 1")).isEqualTo("1");
        }
    }

    /** psql prints the same error as with PostgreSQL, and its next command in the session runs. */
    @Test
    void psqlReportsTheTimeout() throws Exception {
        PsqlRun direct = PsqlRun.run("host=" + TestDatabases.postgresHost() + " port=" + TestDatabases.postgresPort()
                + " user=postgres dbname=test", java.util.Map.of(), "-v", "ON_ERROR_STOP=0",
                "-c", "set statement_timeout = '300ms'", "-c", slowQuery("direct"), "-c", "select 'after'");
        PsqlRun proxied = PsqlRun.run("host=127.0.0.1 port=" + BACKENDS.proxy("h2").port() + " user=tester dbname=test",
                java.util.Map.of(), "-v", "ON_ERROR_STOP=0",
                "-c", "set statement_timeout = '300ms'", "-c", slowQuery("h2"), "-c", "select 'after'");
        assertThat(direct.err()).isEqualTo("ERROR:  " + TIMEOUT_MESSAGE);
        assertThat(proxied.err()).isEqualTo(direct.err());
        assertThat(proxied.out()).isEqualTo(direct.out()).endsWith("after");
    }

    /** limits.statement_timeout is every session's default: SHOW shows it, RESET returns to it, it cancels. */
    @Test
    void theConfiguredDefaultApplies() throws Exception {
        LimitsConfig limits = LimitsConfig.defaults().withTimeouts(
                new SessionTimeouts(Duration.ofMillis(300), Duration.ZERO, Duration.ZERO));
        PgbridgeConfig config = PgbridgeConfig.defaults()
                .withDataDir(Files.createTempDirectory("pgbridge-timeout")).withLimits(limits);
        try (RunningProxy proxy = RunningProxy.start(config, "h2");
             Connection c = proxy.connect("preferQueryMode=simple"); Statement st = c.createStatement()) {
            assertThat(value(st, "show statement_timeout")).isEqualTo("300ms");
            assertTimedOut(st, slowQuery("h2"));
            st.execute("set statement_timeout = '10min'");
            assertThat(value(st, "show statement_timeout")).isEqualTo("10min");
            st.execute("reset statement_timeout");
            assertThat(value(st, "show statement_timeout")).isEqualTo("300ms");
        }
    }

    private static Connection connect(String kind) throws Exception {
        return kind.equals("direct") ? DriverManager.getConnection(TestDatabases.postgresUrl())
                : BACKENDS.proxy(kind).connect();
    }

    private static void assertTimedOut(Statement st, String sql) {
        PSQLException e = catchThrowableOfType(PSQLException.class, () -> st.executeQuery(sql).close());
        assertThat((Object) e).as("%s was not cancelled", sql).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(TIMEOUT_MESSAGE);
        assertThat(e.getServerErrorMessage().getSeverity()).isEqualTo("ERROR");
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
