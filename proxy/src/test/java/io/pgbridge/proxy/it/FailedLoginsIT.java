package io.pgbridge.proxy.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.AuthMode;
import io.pgbridge.config.ListenConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.proxy.auth.ScramVerifier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A thousand failed logins in a row: the server still answers, and nothing secret reached the log. */
class FailedLoginsIT {

    @Test
    void aThousandFailedLoginsLeaveTheServerResponsiveAndTheLogFreeOfSecrets() throws Exception {
        String verifier = ScramVerifier.create("the right one").text();
        AuthConfig auth = new AuthConfig(List.of(), Map.of("alice", verifier), false, Duration.ofSeconds(10),
                Duration.ZERO);
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-failed"))
                .withAuth(auth).withListen(new ListenConfig("127.0.0.1", 0, AuthMode.SCRAM_SHA_256, false));
        Logger pgbridge = (Logger) LoggerFactory.getLogger("io.pgbridge");
        Level before = pgbridge.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        pgbridge.addAppender(captured);
        pgbridge.setLevel(Level.DEBUG);
        try (RunningProxy proxy = RunningProxy.start(config, "h2")) {
            for (int i = 0; i < 1000; i++) {
                String user = i % 2 == 0 ? "alice" : "nobody" + i;
                String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=" + user
                        + "&password=hunter2-" + i + "&sslmode=disable&connectTimeout=10";
                assertThatThrownBy(() -> DriverManager.getConnection(url)).as("attempt " + i)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port()
                    + "/test?user=alice&password=the%20right%20one&sslmode=disable")) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            pgbridge.detachAppender(captured);
            pgbridge.setLevel(before);
        }
        String salt = verifier.split("[$:]")[2];
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("hunter2", "the right one", salt,
                    verifier.substring(verifier.lastIndexOf('$') + 1, verifier.lastIndexOf('$') + 20));
        }
    }
}
