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
 * The passthrough method with psql and pgjdbc: the client's user and password log in to the backend, whose accounts
 * decide. MariaDB and the embedded H2 check passwords, so right and wrong passwords and unknown users are all shown
 * there (JDBC mode).
 * The shared PostgreSQL trusts 127.0.0.1 and its Unix socket, so it cannot refuse a wrong password (that is
 * {@link PassthroughPostgresPasswordsIT}, on a cluster of its own): here it shows that sessions run as the client's
 * role (JDBC and pass-through mode) and that a role it does not know is refused with the same 28P01 as a wrong
 * password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassthroughAuthenticationIT {
    private static final Duration FAILURE_DELAY = Duration.ofMillis(300);
    private static final String MARIA_USER = "auth6_u";
    private static final String MARIA_PASSWORD = "auth6 pass;word";
    private static final String PG_ROLE = "auth6_role";
    private RunningProxy maria;
    private RunningProxy postgres;
    private RunningProxy postgresRelay;
    private RunningProxy h2;

    @BeforeAll
    void start() throws Exception {
        try (Connection root = DriverManager.getConnection(TestDatabases.mariadbUrl());
             Statement st = root.createStatement()) {
            st.execute("DROP TABLE IF EXISTS auth6_visible");
            st.execute("CREATE TABLE auth6_visible (n int)");
            st.execute("INSERT INTO auth6_visible VALUES (1), (2)");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                st.execute("DROP USER IF EXISTS '" + MARIA_USER + "'@'" + host + "'");
                st.execute("CREATE USER '" + MARIA_USER + "'@'" + host + "' IDENTIFIED BY '" + MARIA_PASSWORD + "'");
                // Reading one table only: what a write is refused shows whose connection ran it.
                st.execute("GRANT SELECT ON test.auth6_visible TO '" + MARIA_USER + "'@'" + host + "'");
            }
        }
        try (Connection pg = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = pg.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + PG_ROLE);
            st.execute("CREATE ROLE " + PG_ROLE + " LOGIN PASSWORD 'pg pass'");
        }
        TlsConfig tls = new TlsConfig(TlsMode.ENABLED, null, null, true);
        List<HbaRule> rules = List.of(HbaRule.parse("host all all 127.0.0.1/32 passthrough"));
        AuthConfig tlsOnly = new AuthConfig(rules, Map.of(), false, Duration.ofSeconds(5), FAILURE_DELAY);
        AuthConfig plainAllowed = new AuthConfig(rules, Map.of(), true, Duration.ofSeconds(5), FAILURE_DELAY);
        maria = RunningProxy.start(configFor(TestDatabases.mariadbUrl(), BackendMode.JDBC, tlsOnly, tls), "mariadb");
        postgres = RunningProxy.start(configFor(TestDatabases.postgresUrl(), BackendMode.JDBC, plainAllowed, tls),
                "postgresql");
        postgresRelay = RunningProxy.start(configFor(TestDatabases.postgresUrl(), BackendMode.PASSTHROUGH,
                plainAllowed, tls), "postgresql-passthrough");
        java.nio.file.Path h2Dir = java.nio.file.Files.createTempDirectory("pgbridge-passthrough-h2");
        PgbridgeConfig h2Config = PgbridgeConfig.defaults().withDataDir(h2Dir).withAuth(tlsOnly);
        h2 = RunningProxy.start(h2Config.withListen(h2Config.listen().withTls(tls)), "h2");
        // The embedded database is open in this JVM: its administrator sa makes a user who may read one table.
        try (Connection sa = DriverManager.getConnection(BackendConfig.embeddedH2Url(h2Dir), "sa", "");
             Statement st = sa.createStatement()) {
            st.execute("CREATE TABLE auth6_h2_public (n int)");
            st.execute("INSERT INTO auth6_h2_public VALUES (7)");
            st.execute("CREATE TABLE auth6_h2_private (n int)");
            st.execute("CREATE USER auth6_h2 PASSWORD 'h2 pass'");
            st.execute("GRANT SELECT ON auth6_h2_public TO auth6_h2");
        }
    }

    private static PgbridgeConfig configFor(String url, BackendMode mode, AuthConfig auth, TlsConfig tls)
            throws Exception {
        BackendConfig backend = new BackendConfig(BackendConfig.DEFAULT_NAME, url, null, null,
                new PoolConfig(4, 0, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30)), Map.of(),
                mode);
        PgbridgeConfig config = PgbridgeConfig.defaults()
                .withDataDir(java.nio.file.Files.createTempDirectory("pgbridge-passthrough-auth"))
                .withOnlyBackend(backend).withAuth(auth);
        return config.withListen(config.listen().withTls(tls));
    }

    @AfterAll
    void stop() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {maria, postgres, postgresRelay, h2}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        try (Connection root = DriverManager.getConnection(TestDatabases.mariadbUrl());
             Statement st = root.createStatement()) {
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                st.execute("DROP USER IF EXISTS '" + MARIA_USER + "'@'" + host + "'");
            }
            st.execute("DROP TABLE IF EXISTS auth6_visible");
        }
        try (Connection pg = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = pg.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + PG_ROLE);
        }
    }

    private static PsqlRun psql(RunningProxy proxy, String user, String password, String sslmode, String sql)
            throws Exception {
        return PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=" + user + " dbname=test",
                Map.of("PGPASSWORD", password, "PGSSLMODE", sslmode), "-c", sql);
    }

    private static String url(RunningProxy proxy, String user, String password, String sslmode) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=" + user + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "&sslmode=" + sslmode;
    }

    @Test
    void mariaDbRunsTheSessionAsTheClientsOwnAccount() throws Exception {
        PsqlRun run = psql(maria, MARIA_USER, MARIA_PASSWORD, "require", "select n from auth6_visible order by n");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("1\n2");
        try (Connection c = DriverManager.getConnection(url(maria, MARIA_USER, MARIA_PASSWORD, "require"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select user()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith(MARIA_USER + "@");
            }
            // root, whose account the pool uses, could write here; the client's account may only read.
            assertThatThrownBy(() -> st.executeUpdate("insert into auth6_visible values (3)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void theEmbeddedH2ChecksItsOwnUsersToo() throws Exception {
        PsqlRun run = psql(h2, "auth6_h2", "h2 pass", "require", "select n from auth6_h2_public");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("7");
        try (Connection c = DriverManager.getConnection(url(h2, "auth6_h2", "h2 pass", "require"));
             Statement st = c.createStatement()) {
            // sa, the pool's account, may read everything; the client's account only what it was granted.
            assertThatThrownBy(() -> st.executeQuery("select n from auth6_h2_private"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        for (String user : new String[] {"auth6_h2", "auth6_nobody"}) {
            PsqlRun wrong = psql(h2, user, "wrong", "require", "select 1");
            assertThat(wrong.err()).as(user).endsWith("FATAL:  password authentication failed for user \"" + user
                    + "\"");
            assertThatThrownBy(() -> DriverManager.getConnection(url(h2, user, "wrong", "require"))).as(user)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void wrongPasswordsAndUnknownUsersGet28P01AfterTheDelay() throws Exception {
        for (String user : new String[] {MARIA_USER, "auth6_nobody"}) {
            long start = System.nanoTime();
            PsqlRun run = psql(maria, user, "wrong", "require", "select 1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(user).isGreaterThanOrEqualTo(FAILURE_DELAY);
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).as(user).endsWith("FATAL:  password authentication failed for user \"" + user + "\"");
            assertThatThrownBy(() -> DriverManager.getConnection(url(maria, user, "wrong", "require")))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getMessage()).contains("password authentication failed for user \"" + user + "\"");
                    });
        }
    }

    @Test
    void theCleartextPasswordNeedsTlsUnlessTheConfigAllowsIt() throws Exception {
        PsqlRun plain = psql(maria, MARIA_USER, MARIA_PASSWORD, "disable", "select 1");
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.err()).endsWith("FATAL:  passthrough authentication sends the password in clear text and"
                + " requires an encrypted connection: connect with TLS (sslmode=require), or set"
                + " auth.allow_cleartext_without_tls");
        assertThatThrownBy(() -> DriverManager.getConnection(url(maria, MARIA_USER, MARIA_PASSWORD, "disable")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        // The PostgreSQL proxies allow it: the same login works in clear text and over TLS.
        for (String sslmode : new String[] {"disable", "require"}) {
            PsqlRun run = psql(postgres, PG_ROLE, "pg pass", sslmode, "select current_user");
            assertThat(run.err()).as(sslmode).isEmpty();
            assertThat(run.out()).as(sslmode).isEqualTo(PG_ROLE);
        }
    }

    @Test
    void postgresSessionsRunAsTheClientsRoleInBothModes() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {postgres, postgresRelay}) {
            try (Connection c = DriverManager.getConnection(url(proxy, PG_ROLE, "pg pass", "require"));
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select current_user, session_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(proxy.backendKind()).isEqualTo(PG_ROLE);
                assertThat(rs.getString(2)).as(proxy.backendKind()).isEqualTo(PG_ROLE);
            }
            PsqlRun run = psql(proxy, PG_ROLE, "pg pass", "require", "select session_user");
            assertThat(run.err()).as(proxy.backendKind()).isEmpty();
            assertThat(run.out()).as(proxy.backendKind()).isEqualTo(PG_ROLE);
        }
    }

    @Test
    void aRoleUnknownToPostgresGetsTheSame28P01() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {postgres, postgresRelay}) {
            long start = System.nanoTime();
            PsqlRun run = psql(proxy, "auth6_nobody", "x", "require", "select 1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(proxy.backendKind())
                    .isGreaterThanOrEqualTo(FAILURE_DELAY);
            assertThat(run.err()).as(proxy.backendKind())
                    .endsWith("FATAL:  password authentication failed for user \"auth6_nobody\"");
            assertThatThrownBy(() -> DriverManager.getConnection(url(proxy, "auth6_nobody", "x", "disable")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void theSessionsOwnConnectionClosesWithIt() throws Exception {
        try (Connection c = DriverManager.getConnection(url(maria, MARIA_USER, MARIA_PASSWORD, "require"))) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(mariaConnectionsOf(MARIA_USER)).isEqualTo(1);
            assertThat(maria.activeBackendConnections()).as("nothing leased from root's pool").isZero();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mariaConnectionsOf(MARIA_USER) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mariaConnectionsOf(MARIA_USER)).isZero();
    }

    @Test
    void passwordsNeverReachTheLogButTheBackendsReasonDoes() throws Exception {
        ch.qos.logback.classic.Logger pgbridge =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.pgbridge");
        ch.qos.logback.classic.Level before = pgbridge.getLevel();
        var captured = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        captured.start();
        pgbridge.addAppender(captured);
        pgbridge.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            for (RunningProxy proxy : new RunningProxy[] {maria, postgresRelay}) {
                String user = proxy == maria ? MARIA_USER : "auth6_nobody";
                assertThatThrownBy(() -> DriverManager.getConnection(url(proxy, user, "hunter2 wrong", "require")))
                        .isInstanceOf(SQLException.class);
            }
            DriverManager.getConnection(url(maria, MARIA_USER, MARIA_PASSWORD, "require")).close();
            DriverManager.getConnection(url(postgresRelay, PG_ROLE, "pg pass", "require")).close();
        } finally {
            pgbridge.detachAppender(captured);
            pgbridge.setLevel(before);
        }
        List<String> lines = captured.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains("hunter2") || line.contains(MARIA_PASSWORD)
                || line.contains("pg pass"));
        assertThat(lines).anyMatch(line -> line.contains("refused the login of user " + MARIA_USER)
                && line.contains("Access denied"));
        assertThat(lines).anyMatch(line -> line.contains("refused the login of user auth6_nobody")
                && line.contains("role \"auth6_nobody\" does not exist"));
    }

    private static int mariaConnectionsOf(String user) throws SQLException {
        try (Connection root = DriverManager.getConnection(TestDatabases.mariadbUrl());
             Statement st = root.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.processlist where user = '"
                     + user + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
