package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pass-through's session pooling against the local PostgreSQL: a connection whose client left cleanly and idle serves
 * the next client with the same startup, reset as by a new connection; any other is closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassthroughPoolIT {
    private RunningProxy proxy;

    @BeforeAll
    void start() throws Exception {
        proxy = RunningProxy.postgresPassthrough();
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS pool_it (id int)");
            st.execute("TRUNCATE pool_it");
        }
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pool_it");
        }
    }

    /** A client whose startup packet names its application (pgjdbc sends application_name by SET unless told). */
    private Connection client(String application) throws SQLException {
        return proxy.connect("assumeMinServerVersion=10&ApplicationName=" + application);
    }

    @Test
    void theNextClientGetsTheConnectionResetAsIfNew() throws Exception {
        int pid;
        List<String> fresh;
        try (Connection c = client("pool_reset")) {
            pid = pid(c);
            fresh = sessionState(c);
            try (Statement st = c.createStatement()) {
                st.execute("SET work_mem = '7MB'");
                st.execute("SET application_name = 'changed'");
                st.execute("CREATE TEMP TABLE pool_tmp (x int)");
                st.execute("PREPARE pool_p AS SELECT 1");
                st.execute("LISTEN pool_channel");
                st.execute("SELECT set_config('pool.custom', 'x', false)");
            }
        }
        settle();
        try (Connection c = client("pool_reset")) {
            assertThat(pid(c)).isEqualTo(pid);
            assertThat(sessionState(c)).isEqualTo(fresh);
            assertThat(one(c, "SELECT current_setting('pool.custom', true)")).isIn(null, "");
        }
    }

    @Test
    void aClientThatLeavesInATransactionTakesItsConnectionWithIt() throws Exception {
        int pid;
        try (Connection c = client("pool_tx")) {
            pid = pid(c);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO pool_it VALUES (1)");
            }
            // closed without a commit: pgjdbc sends Terminate, but the server is in a transaction block
        }
        try (Connection c = client("pool_tx")) {
            assertThat(pid(c)).isNotEqualTo(pid);
            assertThat(one(c, "SELECT count(*) FROM pool_it")).isEqualTo("0");
        }
    }

    @Test
    void aConnectionServesOnlyClientsWithTheSameStartup() throws Exception {
        int first = pidOfAClientThatLeft("pool_app_a");
        try (Connection c = client("pool_app_b")) {
            assertThat(pid(c)).isNotEqualTo(first);
        }
        try (Connection c = client("pool_app_a")) {
            assertThat(pid(c)).isEqualTo(first);
            assertThat(one(c, "SHOW application_name")).isEqualTo("pool_app_a");
        }
    }

    @Test
    void aPooledConnectionIsCanceledWithTheNewClientsKey() throws Exception {
        int pid = pidOfAClientThatLeft("pool_cancel");
        try (Connection c = client("pool_cancel"); Statement st = c.createStatement()) {
            assertThat(pid(c)).isEqualTo(pid);
            CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> {
                try {
                    st.execute("SELECT pg_sleep(30)");
                    return "finished";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            Thread.sleep(500);
            st.cancel();
            assertThat(sleeping.get(20, TimeUnit.SECONDS)).isEqualTo("57014");
            assertThat(one(c, "SELECT 'still usable'")).isEqualTo("still usable");
        }
    }

    @Test
    void aConnectionTerminatedWhileIdleIsNotHandedOut() throws Exception {
        int pid = pidOfAClientThatLeft("pool_killed");
        try (Connection admin = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = admin.createStatement()) {
            st.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
        Thread.sleep(300);   // PostgreSQL's FATAL reaches the idle connection, which closes
        try (Connection c = client("pool_killed")) {
            assertThat(pid(c)).isNotEqualTo(pid);
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aClientWithAQueryInFlightDoesNotPassItsConnectionOn() throws Exception {
        java.util.Map<String, String> startup = java.util.Map.of("user", "postgres", "database", "test",
                "application_name", "pool_raw");
        int pid;
        try (RawPgClient raw = new RawPgClient("127.0.0.1", proxy.port())) {
            raw.startup(3, 0, startup);
            pid = firstValue(raw.query("SELECT pg_backend_pid()"));
            // A query and Terminate in one write: the client leaves before PostgreSQL has answered.
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            byte[] sql = RawPgClient.cstring("SELECT pg_sleep(0.3)");
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeByte('Q');
            out.writeInt(sql.length + 4);
            out.write(sql);
            out.writeByte('X');
            out.writeInt(4);
            raw.sendRaw(bytes.toByteArray());
        }
        try (RawPgClient next = new RawPgClient("127.0.0.1", proxy.port())) {
            next.startup(3, 0, startup);
            assertThat(firstValue(next.query("SELECT pg_backend_pid()"))).isNotEqualTo(pid);
        }
    }

    /** The first DataRow's first value: Int16 columns, Int32 length, the text. */
    private static int firstValue(List<RawPgClient.Message> answer) {
        RawPgClient.Message row = answer.stream().filter(m -> m.type() == 'D').findFirst().orElseThrow();
        java.nio.ByteBuffer body = java.nio.ByteBuffer.wrap(row.body());
        body.getShort();
        byte[] value = new byte[body.getInt()];
        body.get(value);
        return Integer.parseInt(new String(value, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Lets the proxy see the client leave before the next one comes: a client that comes while the connection is
     * being reset waits for it, but one that comes before the proxy has read the Terminate opens its own.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(100);
    }

    /** The backend pid of a client that connected, asked it, and left idle. */
    private int pidOfAClientThatLeft(String application) throws Exception {
        int pid;
        try (Connection c = client(application)) {
            pid = pid(c);
        }
        settle();
        return pid;
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(one(c, "SELECT pg_backend_pid()"));
    }

    /** What a new session starts with: settings, temporary objects, prepared statements, channels listened to. */
    private static List<String> sessionState(Connection c) throws SQLException {
        List<String> state = new ArrayList<>();
        state.add(one(c, "SHOW work_mem"));
        state.add(one(c, "SHOW application_name"));
        state.add(one(c, "SELECT to_regclass('pg_temp.pool_tmp')::text"));
        state.add(one(c, "SELECT count(*) FROM pg_prepared_statements WHERE name = 'pool_p'"));
        state.add(one(c, "SELECT count(*) FROM pg_listening_channels()"));
        return state;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
