package io.pgbridge.proxy.it;

import io.pgbridge.config.ConnectionLimits;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * limits.connection_rate_per_address on a real socket: a burst up to the rate from one address, then FATAL 53300
 * with a message that says why, for pgjdbc and psql; other addresses (127.0.0.2 is loopback too, but another
 * address) and the sessions already open are not affected; loopback can be exempted.
 */
class ConnectionRateIT {

    private static RunningProxy proxyWith(int perMinute, boolean exemptLoopback) throws Exception {
        ConnectionLimits limits = new ConnectionLimits(ConnectionLimits.NO_LIMIT, ConnectionLimits.NO_LIMIT, Map.of(),
                Map.of(), new ConnectionLimits.ConnectionRate(perMinute, Duration.ofMinutes(1)), exemptLoopback);
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-rate"))
                .withLimits(LimitsConfig.defaults().withConnections(limits));
        return RunningProxy.start(config, "h2");
    }

    @Test
    void connectionsBeyondTheRateAreRefused() throws Exception {
        List<Connection> open = new ArrayList<>();
        try (RunningProxy proxy = proxyWith(3, false)) {
            for (int i = 0; i < 3; i++) {
                open.add(proxy.connect());
            }
            PSQLException e = catchThrowableOfType(PSQLException.class, () -> proxy.connect().close());
            assertThat(e.getSQLState()).isEqualTo("53300");
            ServerErrorMessage m = e.getServerErrorMessage();
            assertThat(m.getSeverity()).isEqualTo("FATAL");
            assertThat(m.getMessage()).isEqualTo("too many connection attempts from host \"127.0.0.1\"");
            assertThat(m.getDetail()).isEqualTo("pgbridge accepts at most 3 new connections per minute from one"
                    + " address (limits.connection_rate_per_address).");

            PsqlRun psql = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=tester dbname=test",
                    Map.of(), "-c", "select 1");
            assertThat(psql.exitCode()).isNotZero();
            assertThat(psql.err()).contains("FATAL:  too many connection attempts from host \"127.0.0.1\"");

            try (Connection elsewhere = proxy.connect("localSocketAddress=127.0.0.2");
                 Statement st = elsewhere.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();   // another address has its own bucket
            }
            for (Connection c : open) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 2")) {
                    assertThat(rs.next()).isTrue();   // sessions already open go on
                }
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void loopbackCanBeExempted() throws Exception {
        try (RunningProxy proxy = proxyWith(1, true)) {
            for (int i = 0; i < 5; i++) {
                proxy.connect().close();
            }
        }
    }
}
