package io.pgbridge.proxy.it;

import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.BackendMode;
import io.pgbridge.config.HbaRule;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The passthrough method in front of a PostgreSQL that checks passwords ({@link PasswordCheckingPostgres}, SCRAM
 * for every client), in JDBC and in pass-through mode, with psql and pgjdbc: the right password logs in as the
 * client's role, a wrong one and an unknown role get the same 28P01 after the failure delay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassthroughPostgresPasswordsIT {
    private static final Duration FAILURE_DELAY = Duration.ofMillis(300);
    private static final String ROLE = "auth6_scram_role";
    private static final String PASSWORD = "role's pass word";
    private PasswordCheckingPostgres postgres;
    private RunningProxy jdbc;
    private RunningProxy relay;

    @BeforeAll
    void start() throws Exception {
        postgres = PasswordCheckingPostgres.start();
        try (Connection c = DriverManager.getConnection(postgres.url(), "postgres",
                PasswordCheckingPostgres.SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD 'role''s pass word'");
        }
        jdbc = RunningProxy.start(config(BackendMode.JDBC), "postgresql");
        relay = RunningProxy.start(config(BackendMode.PASSTHROUGH), "postgresql-passthrough");
    }

    private PgbridgeConfig config(BackendMode mode) throws Exception {
        // The pool's own account (JDBC mode) is the superuser; passthrough sessions never use it.
        BackendConfig backend = new BackendConfig(BackendConfig.DEFAULT_NAME, postgres.url(), "postgres",
                PasswordCheckingPostgres.SUPERUSER_PASSWORD,
                new PoolConfig(2, 0, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30)), Map.of(),
                mode);
        AuthConfig auth = new AuthConfig(List.of(HbaRule.parse("hostssl all all 127.0.0.1/32 passthrough")), Map.of(),
                false, Duration.ofSeconds(5), FAILURE_DELAY);
        PgbridgeConfig config = PgbridgeConfig.defaults()
                .withDataDir(java.nio.file.Files.createTempDirectory("pgbridge-pg-passwords"))
                .withOnlyBackend(backend).withAuth(auth);
        return config.withListen(config.listen().withTls(new TlsConfig(TlsMode.ENABLED, null, null, true)));
    }

    @AfterAll
    void stop() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {jdbc, relay}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String url(RunningProxy proxy, String user, String password) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?sslmode=require&user=" + user
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static PsqlRun psql(RunningProxy proxy, String user, String password) throws Exception {
        return PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " dbname=postgres sslmode=require user=" + user,
                Map.of("PGPASSWORD", password), "-c", "select session_user");
    }

    @Test
    void theRightPasswordLogsInAsTheRole() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {jdbc, relay}) {
            PsqlRun run = psql(proxy, ROLE, PASSWORD);
            assertThat(run.err()).as(proxy.backendKind()).isEmpty();
            assertThat(run.out()).as(proxy.backendKind()).isEqualTo(ROLE);
            try (Connection c = DriverManager.getConnection(url(proxy, ROLE, PASSWORD));
                 ResultSet rs = c.createStatement().executeQuery("select current_user, session_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(proxy.backendKind()).isEqualTo(ROLE);
                assertThat(rs.getString(2)).as(proxy.backendKind()).isEqualTo(ROLE);
            }
        }
    }

    @Test
    void wrongPasswordsAndUnknownRolesGetTheSame28P01AfterTheDelay() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {jdbc, relay}) {
            for (String user : new String[] {ROLE, "postgres", "auth6_no_such_role"}) {
                String what = proxy.backendKind() + " " + user;
                long start = System.nanoTime();
                PsqlRun run = psql(proxy, user, "wrong");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what).isGreaterThanOrEqualTo(FAILURE_DELAY);
                assertThat(run.exitCode()).as(what).isNotZero();
                assertThat(run.err()).as(what)
                        .endsWith("FATAL:  password authentication failed for user \"" + user + "\"");
                assertThatThrownBy(() -> DriverManager.getConnection(url(proxy, user, "wrong"))).as(what)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("28P01");
                            assertThat(e.getMessage()).contains("password authentication failed for user \"" + user
                                    + "\"");
                        });
            }
        }
    }
}
