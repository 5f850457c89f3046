package io.pgbridge.proxy.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backend connection that dies under a session ends that session, as PostgreSQL ends it, and nothing else. */
class BackendFailureIT {

    @Test
    void aTerminatedBackendEndsOnlyItsSession() throws Exception {
        try (RunningProxy proxy = RunningProxy.postgres();
             Connection victim = proxy.connect();
             Connection bystander = proxy.connect();
             Connection admin = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            // pg_backend_pid() through pgbridge is the proxy's pid (BackendKeyData's); PostgreSQL's own is found by
            // the application_name, which reaches PostgreSQL too.
            try (Statement st = victim.createStatement()) {
                st.execute("set application_name = 'pgb-backend-failure-victim'");
            }
            int backendPid;
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                    "select pid from pg_stat_activity where application_name = 'pgb-backend-failure-victim'")) {
                assertThat(rs.next()).isTrue();
                backendPid = rs.getInt(1);
            }
            victim.setAutoCommit(false);
            try (Statement st = victim.createStatement()) {
                st.execute("select 1");
            }
            try (Statement st = admin.createStatement()) {
                st.execute("select pg_terminate_backend(" + backendPid + ")");
            }
            Thread.sleep(200);
            assertThatThrownBy(() -> {
                try (Statement st = victim.createStatement()) {
                    st.execute("select 2");
                }
            }).isInstanceOf(SQLException.class);
            assertThat(victim.isValid(5)).as("the victim's session is closed").isFalse();

            try (Statement st = bystander.createStatement(); ResultSet rs = st.executeQuery("select 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            try (Connection fresh = proxy.connect(); Statement st = fresh.createStatement();
                 ResultSet rs = st.executeQuery("select 4")) {
                assertThat(rs.next()).isTrue();
            }
            bystander.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.activeBackendConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(proxy.activeBackendConnections()).isZero();
        }
    }
}
