package io.pgbridge.proxy.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pgjdbc through pgbridge in pass-through mode, with pgbridge reaching PostgreSQL over its Unix socket
 * ({@code unixSocketDirectory}): everything the JDBC path promises, on the cheaper local transport.
 */
class PgjdbcPostgresPassthroughSocketIT extends PgjdbcPostgresIT {
    @Override
    String backend() {
        return "postgresql-passthrough-socket";
    }

    @Test
    void theBackendSessionCameInOverTheUnixSocket() throws Exception {
        // PostgreSQL reports no client address for Unix-socket connections, and 127.0.0.1 for TCP ones.
        try (java.sql.Connection c = proxy.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select inet_client_addr() is null")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
