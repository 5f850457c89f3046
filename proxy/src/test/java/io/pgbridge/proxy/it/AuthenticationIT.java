package io.pgbridge.proxy.it;

import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.HbaRule;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import io.pgbridge.proxy.auth.PasswordCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, rules and password methods with the real psql and pgjdbc: right and wrong passwords, unknown users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {
    private static final Duration FAILURE_DELAY = Duration.ofMillis(400);
    /** md5("bobpass" + "bob"), PostgreSQL's md5 format. */
    private static final String BOB_MD5 = "md5" + md5Hex("bobpassbob");
    private RunningProxy proxy;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> users = Map.of(
                "alice", verifierFromPasswdCommand("alice", "s3cret alice"),
                "bob", BOB_MD5,
                "carol", verifierFromPasswdCommand("carol", "carolpass"));
        List<HbaRule> rules = Stream.of(
                "host nope all all reject",
                "host all bob 127.0.0.1/32 md5",
                "host all carol 127.0.0.1/32 password",
                "host all alice 127.0.0.1/32 scram-sha-256",
                "host all mallory 127.0.0.1/32 scram-sha-256",
                "host all mallory5 127.0.0.1/32 md5",
                "hostssl all dave all scram-sha-256",
                "host all trusty 127.0.0.1/32 trust",
                "host all rejected 127.0.0.1/32 reject").map(HbaRule::parse).toList();
        AuthConfig auth = new AuthConfig(rules, users, false, Duration.ofMillis(1500), FAILURE_DELAY);
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-auth"))
                .withAuth(auth).withLimits(LimitsConfig.defaults().withMaxConnections(4));
        config = config.withListen(config.listen().withTls(new TlsConfig(TlsMode.ENABLED, null, null, true)));
        proxy = RunningProxy.start(config, "h2");
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** What {@code ./pgbridge passwd USER} prints for {@code password} given on standard input, as YAML. */
    private static String verifierFromPasswdCommand(String user, String password) throws Exception {
        InputStream stdin = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(PasswordCommand.run(new String[] {"passwd", user}, new PrintStream(out, true), System.err))
                    .isZero();
        } finally {
            System.setIn(stdin);
        }
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).startsWith("\"" + user + "\": \"SCRAM-SHA-256$4096:").doesNotContain(password);
        return line.substring(line.indexOf(": \"") + 3, line.length() - 1);
    }

    private PsqlRun psql(String user, String database, String password, String sslmode) throws Exception {
        return PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=" + user + " dbname=" + database,
                password == null ? Map.of("PGSSLMODE", sslmode) : Map.of("PGPASSWORD", password, "PGSSLMODE", sslmode),
                "-c", "select current_user");
    }

    @Test
    void scramWithPsqlAndPgjdbc() throws Exception {
        PsqlRun ok = psql("alice", "test", "s3cret alice", "disable");
        assertThat(ok.err()).isEmpty();
        assertThat(ok.out()).isEqualTo("alice");
        try (Connection c = DriverManager.getConnection(url("alice", "s3cret alice", "disable"));
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswerAfterTheSameDelay() throws Exception {
        for (String user : new String[] {"alice", "mallory", "bob", "mallory5", "carol"}) {
            long start = System.nanoTime();
            PsqlRun r = psql(user, "test", "wrong", "require");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(user).isGreaterThanOrEqualTo(FAILURE_DELAY);
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.err()).as(user).endsWith(
                    "FATAL:  password authentication failed for user \"" + user + "\"");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url("alice", "wrong", "disable")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(() -> DriverManager.getConnection(url("mallory", "whatever", "disable")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void scramWithChannelBindingOverTls() throws Exception {
        PsqlRun bound = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=alice dbname=test"
                + " sslmode=require channel_binding=require", Map.of("PGPASSWORD", "s3cret alice"), "-c", "select 1");
        assertThat(bound.err()).isEmpty();
        assertThat(bound.out()).isEqualTo("1");
        try (Connection c = DriverManager.getConnection(url("alice", "s3cret alice", "require")
                + "&channelBinding=require")) {
            assertThat(c.isValid(5)).isTrue();
        }
        // Without TLS there is nothing to bind to: a client that insists gives up.
        PsqlRun plain = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=alice dbname=test"
                + " sslmode=disable channel_binding=require", Map.of("PGPASSWORD", "s3cret alice"), "-c", "select 1");
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.err()).contains("channel binding");
        PsqlRun wrong = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=alice dbname=test"
                + " sslmode=require channel_binding=require", Map.of("PGPASSWORD", "wrong"), "-c", "select 1");
        assertThat(wrong.err()).endsWith("FATAL:  password authentication failed for user \"alice\"");
    }

    @Test
    void channelBindingDisabledStillLogsInOverTls() throws Exception {
        PsqlRun unbound = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=alice dbname=test"
                + " sslmode=require channel_binding=disable", Map.of("PGPASSWORD", "s3cret alice"), "-c", "select 1");
        assertThat(unbound.err()).isEmpty();
        assertThat(unbound.out()).isEqualTo("1");
        try (Connection c = DriverManager.getConnection(url("alice", "s3cret alice", "require")
                + "&channelBinding=disable")) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    /** pgjdbc's sslNegotiation=direct (PostgreSQL 17's direct TLS), with SCRAM bound to the channel. */
    @Test
    void directTlsFromPgjdbcWithChannelBinding() throws Exception {
        try (Connection c = DriverManager.getConnection(url("alice", "s3cret alice", "require")
                + "&sslNegotiation=direct&channelBinding=require");
             ResultSet rs = c.createStatement().executeQuery("select current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("alice");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url("alice", "wrong", "require")
                + "&sslNegotiation=direct"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void md5ForAnMd5Hash() throws Exception {
        assertThat(psql("bob", "test", "bobpass", "disable").out()).isEqualTo("bob");
        try (Connection c = DriverManager.getConnection(url("bob", "bobpass", "disable"))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void cleartextPasswordOnlyOverTls() throws Exception {
        PsqlRun plain = psql("carol", "test", "carolpass", "disable");
        assertThat(plain.err()).contains("FATAL:  password authentication sends the password in clear text and requires"
                + " an encrypted connection");
        PsqlRun tls = psql("carol", "test", "carolpass", "require");
        assertThat(tls.err()).isEmpty();
        assertThat(tls.out()).isEqualTo("carol");
    }

    @Test
    void rulesRejectAndRefuseWhatNoRuleAllows() throws Exception {
        assertThat(psql("alice", "nope", "s3cret alice", "disable").err()).endsWith(
                "FATAL:  pg_hba.conf rejects connection for host \"127.0.0.1\", user \"alice\", database \"nope\","
                        + " no encryption");
        assertThat(psql("nobody", "test", "x", "disable").err()).endsWith(
                "FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"nobody\", database \"test\","
                        + " no encryption");
        assertThat(psql("dave", "test", "x", "disable").err()).contains("no pg_hba.conf entry for host");
        // dave's rule applies over TLS only: there he is asked for a password (and has none)
        assertThat(psql("dave", "test", "x", "require").err()).endsWith(
                "FATAL:  password authentication failed for user \"dave\"");
    }

    /**
     * Every password-less and password method, with psql and pgjdbc, with sslmode=disable and require: the right
     * password logs in (the cleartext one over TLS only), a wrong one gets 28P01, reject 28000.
     */
    @Test
    void everyMethodWithPsqlAndPgjdbcWithAndWithoutTls() throws Exception {
        record Method(String user, String password, boolean needsTls) {
        }
        List<Method> methods = List.of(new Method("alice", "s3cret alice", false), new Method("bob", "bobpass", false),
                new Method("carol", "carolpass", true), new Method("trusty", null, false));
        for (String sslmode : new String[] {"disable", "require"}) {
            for (Method method : methods) {
                String what = method.user() + " " + sslmode;
                boolean refused = method.needsTls() && sslmode.equals("disable");
                PsqlRun run = psql(method.user(), "test", method.password(), sslmode);
                if (refused) {
                    assertThat(run.err()).as(what).contains("requires an encrypted connection");
                    assertThatThrownBy(() -> DriverManager.getConnection(url(method.user(), method.password(),
                            sslmode))).as(what).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("28000"));
                    continue;
                }
                assertThat(run.err()).as(what).isEmpty();
                assertThat(run.out()).as(what).isEqualTo(method.user());
                String password = method.password() == null ? "" : method.password();
                try (Connection c = DriverManager.getConnection(url(method.user(), password, sslmode));
                     ResultSet rs = c.createStatement().executeQuery("select current_user")) {
                    assertThat(rs.next()).as(what).isTrue();
                    assertThat(rs.getString(1)).as(what).isEqualTo(method.user());
                }
                if (method.password() != null) {
                    assertThatThrownBy(() -> DriverManager.getConnection(url(method.user(), "wrong", sslmode)))
                            .as(what).isInstanceOfSatisfying(SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
                }
            }
            assertThat(psql("rejected", "test", "x", sslmode).err()).as(sslmode)
                    .contains("FATAL:  pg_hba.conf rejects connection for host \"127.0.0.1\", user \"rejected\"");
            assertThatThrownBy(() -> DriverManager.getConnection(url("rejected", "x", sslmode))).as(sslmode)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        }
    }

    @Test
    void aClientThatNeverAnswersIsDisconnectedAfterTheTimeout() throws Exception {
        try (RawPgClient silent = new RawPgClient("127.0.0.1", proxy.port())) {
            long start = System.nanoTime();
            List<RawPgClient.Message> answer = silent.startup("alice", "test");
            assertThat(answer).extracting(RawPgClient.Message::type).containsExactly('R');
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void connectionsBeyondTheLimitGet53300() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            while (open.size() < 4) {
                open.add(DriverManager.getConnection(url("alice", "s3cret alice", "disable")));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url("alice", "s3cret alice", "disable")))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("53300");
                        assertThat(e.getMessage()).contains("sorry, too many clients already");
                    });
            open.remove(0).close();
            Thread.sleep(200);   // the slot is given back when the server sees the connection close
            open.add(DriverManager.getConnection(url("alice", "s3cret alice", "disable")));
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    private String url(String user, String password, String sslmode) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=" + user + "&password="
                + password.replace(" ", "%20") + "&sslmode=" + sslmode;
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
