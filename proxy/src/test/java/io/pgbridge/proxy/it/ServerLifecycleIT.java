package io.pgbridge.proxy.it;

import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.ListenConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing of client database names to backends, and graceful shutdown, on a real server. */
class ServerLifecycleIT {

    @Test
    void theClientsDatabaseNamePicksTheBackend() throws Exception {
        BackendConfig h2 = BackendConfig.embeddedH2(Files.createTempDirectory("pgbridge-routes"));
        BackendConfig pg = new BackendConfig("pg", TestDatabases.postgresUrl(), null, null, PoolConfig.defaults(), Map.of());
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        backends.put(h2.name(), h2);
        backends.put(pg.name(), pg);
        PgbridgeConfig config = new PgbridgeConfig(ListenConfig.defaults(), backends, h2.name(),
                Map.of("reference", "pg"), PgbridgeConfig.defaults().limits(), PgbridgeConfig.DEFAULT_DATA_DIR);
        try (RunningProxy proxy = RunningProxy.start(config, "h2+pg")) {
            for (var expectation : List.of(List.of("reference", "PostgreSQL"), List.of("pg", "PostgreSQL"),
                    List.of("anything", "H2"))) {
                String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + expectation.get(0) + "?user=u";
                try (Connection c = java.sql.DriverManager.getConnection(url)) {
                    assertThat(c.getMetaData().getDatabaseProductVersion()).isNotNull();
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery(expectation.get(1).equals("H2")
                                 ? "select h2version()" : "select version()")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as("database %s", expectation.get(0))
                                .contains(expectation.get(1).equals("H2") ? "." : "PostgreSQL");
                    }
                }
            }
        }
    }

    @Test
    void shutdownLetsARunningStatementFinishThenEndsSessions() throws Exception {
        try (RunningProxy proxy = RunningProxy.postgres();
             Connection busy = proxy.connect();
             Connection idle = proxy.connect()) {
            try (Statement st = idle.createStatement()) {
                st.execute("select 1");
            }
            CompletableFuture<Long> statement = CompletableFuture.supplyAsync(() -> {
                try (Statement st = busy.createStatement();
                     ResultSet rs = st.executeQuery("select pg_sleep(1.5), 42")) {
                    rs.next();
                    return rs.getLong(2);
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            proxy.server().shutdown(Duration.ofSeconds(10));
            assertThat(statement.get(10, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThatThrownBy(() -> {
                try (Statement st = idle.createStatement()) {
                    st.execute("select 2");
                }
            }).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> proxy.connect().close()).isInstanceOf(SQLException.class);
        }
    }
}
