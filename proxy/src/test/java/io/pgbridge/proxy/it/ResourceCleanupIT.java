package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.ListenConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import io.pgbridge.config.SessionThreads;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions that end every way a session can end — cleanly, with errors, in the middle of a transaction, in the
 * middle of a streamed result, by the client vanishing — give back every backend connection and leave no session
 * and no session thread. The {@code -virtual} kinds run sessions on virtual threads ({@code listen.session_threads:
 * virtual}), the others on platform threads, the default.
 */
class ResourceCleanupIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "postgresql-passthrough", "h2-virtual",
            "postgresql-virtual"})
    void everySessionGivesItsBackendConnectionBack(String kind) throws Exception {
        try (RunningProxy proxy = proxyFor(kind)) {
            try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
                st.execute("drop table if exists pgb_cleanup");
                st.execute("create table pgb_cleanup (id int primary key)");
                try (PreparedStatement ps = c.prepareStatement("insert into pgb_cleanup values (?)")) {
                    for (int i = 0; i < 3000; i++) {
                        ps.setInt(1, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            for (int round = 0; round < 5; round++) {
                // errors, in and out of transactions
                try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
                    for (int i = 0; i < 5; i++) {
                        try {
                            st.execute("select * from pgb_no_such_table");
                        } catch (SQLException expected) {
                            // the session goes on
                        }
                    }
                    c.setAutoCommit(false);
                    st.execute("insert into pgb_cleanup values (-1)");
                    // disconnect with the transaction open: it must be rolled back and the connection returned
                }
                // a suspended portal in a transaction, then the client closes
                try (Connection c = proxy.connect()) {
                    c.setAutoCommit(false);
                    PreparedStatement ps = c.prepareStatement("select id from pgb_cleanup order by id");
                    ps.setFetchSize(10);
                    ResultSet rs = ps.executeQuery();
                    assertThat(rs.next()).isTrue();
                }
                // the client vanishes in the middle of a large result, without Terminate
                try (RawPgClient raw = new RawPgClient("127.0.0.1", proxy.port())) {
                    raw.startup("u", "test");
                    raw.send('Q', RawPgClient.cstring("select a.id, b.id from pgb_cleanup a, pgb_cleanup b"));
                    assertThat(raw.read()).isNotNull();
                }
                // a protocol violation closes the connection from our side
                try (RawPgClient raw = new RawPgClient("127.0.0.1", proxy.port())) {
                    raw.startup("u", "test");
                    ByteArrayOutputStream bad = new ByteArrayOutputStream();
                    new DataOutputStream(bad).write(new byte[]{'z', 0, 0, 0, 4});
                    raw.sendRaw(bad.toByteArray());
                    raw.readUntilReady();
                }
            }
            // 5 rounds each left a 9,000,000-row cross join behind; reading them all would take far longer.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while ((proxy.activeBackendConnections() > 0 || proxy.server().activeSessions() > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(proxy.activeBackendConnections()).as("leased backend connections").isZero();
            assertThat(proxy.server().activeSessions()).as("live sessions").isZero();
            while (liveSessionThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(liveSessionThreads()).as("platform session threads still alive").isZero();
            try (Connection c = proxy.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from pgb_cleanup where id < 0")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("rows of transactions left open at disconnect").isZero();
                st.execute("drop table pgb_cleanup");
            }
        }
    }

    private static RunningProxy proxyFor(String kind) throws Exception {
        if (!kind.endsWith("-virtual")) {
            return RunningProxy.forKind(kind);
        }
        String backend = kind.substring(0, kind.length() - "-virtual".length());
        PgbridgeConfig config = backend.equals("h2")
                ? PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-it"))
                : PgbridgeConfig.defaults().withOnlyBackend(new BackendConfig(BackendConfig.DEFAULT_NAME,
                        TestDatabases.postgresUrl(), null, null, PoolConfig.defaults(), Map.of()));
        ListenConfig listen = config.listen();
        return RunningProxy.start(config.withListen(new ListenConfig(listen.host(), 0, listen.auth(), false,
                listen.tls(), listen.ioThreads(), SessionThreads.VIRTUAL)), kind);
    }

    /** Platform threads that run a session (virtual ones are not listed by the JVM, and need no such check). */
    private static long liveSessionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("pgbridge-session-"))
                .count();
    }
}
