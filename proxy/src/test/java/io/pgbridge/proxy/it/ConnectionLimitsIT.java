package io.pgbridge.proxy.it;

import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.ConnectionLimits;
import io.pgbridge.config.HbaRule;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Per-user and per-database connection limits, compared with PostgreSQL's CONNECTION LIMIT of a role and a database
 * (made for the test on the local PostgreSQL): the same FATAL 53300 and wording, places given back when sessions end
 * however they end, failed logins never counted, other users and databases untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLimitsIT {
    private static final String ROLE = "limits_it_role";
    /** PostgreSQL's superusers have no database limit: the database test needs an ordinary role. */
    private static final String PLAIN_ROLE = "limits_it_plain";
    private static final String DATABASE = "limits_it_db";
    private static final String PASSWORD = "limits-pass";
    private RunningProxy proxy;

    @BeforeAll
    void start() throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE);
            st.execute("drop role if exists " + ROLE);
            st.execute("drop role if exists " + PLAIN_ROLE);
            st.execute("create role " + ROLE + " login connection limit 1");
            st.execute("create role " + PLAIN_ROLE + " login");
            st.execute("create database " + DATABASE + " connection limit 1");
        }
        ConnectionLimits limits = new ConnectionLimits(3, ConnectionLimits.NO_LIMIT, Map.of(ROLE, 1),
                Map.of(DATABASE, 1), null, false);
        AuthConfig auth = new AuthConfig(List.of(HbaRule.parse("host all all 127.0.0.1/32 md5")),
                Map.of(ROLE, md5(ROLE), PLAIN_ROLE, md5(PLAIN_ROLE), "other", md5("other")), false,
                Duration.ofSeconds(5), Duration.ZERO);
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-conn"))
                .withAuth(auth).withLimits(LimitsConfig.defaults().withConnections(limits));
        proxy = RunningProxy.start(config, "h2");
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE);
            st.execute("drop role if exists " + ROLE);
            st.execute("drop role if exists " + PLAIN_ROLE);
        }
    }

    private static String md5(String user) throws Exception {
        byte[] hash = MessageDigest.getInstance("MD5").digest((PASSWORD + user).getBytes(StandardCharsets.UTF_8));
        return "md5" + HexFormat.of().formatHex(hash);
    }

    private static Connection connect(int port, String user, String database, String password) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    private Connection viaProxy(String user, String database) throws Exception {
        return connect(proxy.port(), user, database, PASSWORD);
    }

    private static Connection direct(String user, String database) throws Exception {
        return connect(TestDatabases.postgresPort(), user, database, "unused: trust");
    }

    /** SQLSTATE, severity and message of a refused connection attempt. */
    private static List<String> refusal(ThrowingConnect attempt) {
        PSQLException e = catchThrowableOfType(PSQLException.class, attempt::connect);
        assertThat((Object) e).as("the connection was not refused").isNotNull();
        return List.of(e.getSQLState(), e.getServerErrorMessage().getSeverity(), e.getServerErrorMessage().getMessage());
    }

    @FunctionalInterface
    private interface ThrowingConnect {
        void connect() throws Exception;
    }

    private static void eventually(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    @Test
    void aRoleAtItsLimitIsRefusedAsPostgresRefusesIt() throws Exception {
        List<String> expected;
        try (Connection first = direct(ROLE, "test")) {
            expected = refusal(() -> direct(ROLE, "test").close());
        }
        assertThat(expected).containsExactly("53300", "FATAL", "too many connections for role \"" + ROLE + "\"");
        try (Connection first = viaProxy(ROLE, "test")) {
            assertThat(refusal(() -> viaProxy(ROLE, "test").close())).isEqualTo(expected);
            try (Connection other = viaProxy("other", "test"); Statement st = other.createStatement()) {
                st.execute("select 1");   // other users are not affected
            }
        }
        eventually(() -> proxy.server().connectionCounts().ofUser(ROLE), 0);
        viaProxy(ROLE, "test").close();   // the place was given back
    }

    @Test
    void aDatabaseAtItsLimitIsRefusedAsPostgresRefusesIt() throws Exception {
        List<String> expected;
        try (Connection first = direct(PLAIN_ROLE, DATABASE)) {
            expected = refusal(() -> direct(PLAIN_ROLE, DATABASE).close());
        }
        assertThat(expected).containsExactly("53300", "FATAL",
                "too many connections for database \"" + DATABASE + "\"");
        try (Connection first = viaProxy(PLAIN_ROLE, DATABASE)) {
            assertThat(refusal(() -> viaProxy("other", DATABASE).close())).isEqualTo(expected);
            viaProxy("other", "test").close();   // other databases are not affected
            eventually(() -> proxy.server().connectionCounts().ofUser("other"), 0);
        }
        eventually(() -> proxy.server().connectionCounts().ofDatabase(DATABASE), 0);
    }

    /** max_connections_per_user is everyone's limit without one of their own. */
    @Test
    void theDefaultPerUserLimitApplies() throws Exception {
        try (Connection a = viaProxy("other", "test"); Connection b = viaProxy("other", "test");
             Connection c = viaProxy("other", "test")) {
            assertThat(refusal(() -> viaProxy("other", "test").close()))
                    .containsExactly("53300", "FATAL", "too many connections for role \"other\"");
            assertThat(proxy.server().connectionCounts().ofUser("other")).isEqualTo(3);
        }
        eventually(() -> proxy.server().connectionCounts().ofUser("other"), 0);
    }

    /** Wrong passwords never take a place, and a client that vanishes mid-session gives its place back. */
    @Test
    void failedLoginsAndAbruptDisconnectsDoNotLeak() throws Exception {
        for (int i = 0; i < 3; i++) {
            PSQLException e = catchThrowableOfType(PSQLException.class,
                    () -> connect(proxy.port(), ROLE, "test", "wrong").close());
            assertThat(e.getSQLState()).isEqualTo("28P01");
        }
        assertThat(proxy.server().connectionCounts().ofUser(ROLE)).isZero();
        for (int i = 0; i < 3; i++) {
            Socket socket = new Socket("127.0.0.1", proxy.port());
            RawPgClient client = new RawPgClient(socket);
            client.sendRaw(startupPacket(PLAIN_ROLE, DATABASE));
            RawPgClient.Message md5Request = client.read();   // AuthenticationMD5Password: Int32 5, Byte4 salt
            assertThat(md5Request.type()).isEqualTo('R');
            byte[] salt = java.util.Arrays.copyOfRange(md5Request.body(), 4, 8);
            client.send('p', RawPgClient.cstring("md5" + md5Response(md5(PLAIN_ROLE), salt)));
            assertThat(client.readUntilReady()).extracting(RawPgClient.Message::type).endsWith('Z');
            assertThat(proxy.server().connectionCounts().ofDatabase(DATABASE)).isEqualTo(1);
            socket.setSoLinger(true, 0);   // a reset, no Terminate
            socket.close();
            eventually(() -> proxy.server().connectionCounts().ofDatabase(DATABASE), 0);
        }
    }

    /** PostgreSQL's md5 answer: md5(md5(password || user) || salt), the stored verifier being md5(password || user). */
    private static String md5Response(String stored, byte[] salt) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(stored.substring(3).getBytes(StandardCharsets.US_ASCII));
        md.update(salt);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Int32 length, Int32 196608 (3.0), name/value pairs, a final zero byte. */
    private static byte[] startupPacket(String user, String database) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 3, 0, 0});
        for (String part : List.of("user", user, "database", database)) {
            body.writeBytes(RawPgClient.cstring(part));
        }
        body.write(0);
        byte[] packet = new byte[body.size() + 4];
        java.nio.ByteBuffer.wrap(packet).putInt(packet.length).put(body.toByteArray());
        return packet;
    }
}
