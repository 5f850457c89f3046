package io.pgbridge.proxy.it;

import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server certificates that a verifying client must refuse, with psql and pgjdbc: one that has expired and one issued
 * for another host. As PostgreSQL, pgbridge serves what it is given; sslmode=verify-ca / verify-full catch them,
 * sslmode=require (encryption without verification) does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCertificateIT {
    private TestCertificates.Issued ca;
    private RunningProxy expired;
    private RunningProxy otherHost;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("pgbridge-server-certs");
        ca = TestCertificates.authority(dir, "server-ca");
        expired = proxy(dir.resolve("expired"), TestCertificates.server(dir, "expired", ca,
                Instant.now().minus(Duration.ofDays(1)), "localhost", "127.0.0.1"));
        otherHost = proxy(dir.resolve("other"), TestCertificates.server(dir, "other-host", ca,
                Instant.now().plus(Duration.ofDays(30)), "db.example.com"));
    }

    private static RunningProxy proxy(Path dataDir, TestCertificates.Issued certificate) throws Exception {
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(dataDir);
        return RunningProxy.start(config.withListen(config.listen().withTls(new TlsConfig(TlsMode.ENABLED,
                certificate.certificateFile(), certificate.keyFile(), false))), "h2");
    }

    @AfterAll
    void stop() {
        for (RunningProxy proxy : new RunningProxy[] {expired, otherHost}) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    private PsqlRun psql(RunningProxy proxy, String sslmode) throws Exception {
        // With a root certificate libpq verifies even under sslmode=require: only the verify modes get one.
        String root = sslmode.startsWith("verify") ? " sslrootcert=" + ca.certificateFile() : "";
        return PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=tester dbname=test sslmode=" + sslmode
                + root, Map.of(), "-c", "select 'in'");
    }

    private Connection pgjdbc(RunningProxy proxy, String sslmode) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "tester");
        props.setProperty("sslmode", sslmode);
        if (sslmode.startsWith("verify")) {
            props.setProperty("sslrootcert", ca.certificateFile().toString());
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test", props);
    }

    @Test
    void anExpiredCertificateFailsVerification() throws Exception {
        for (String sslmode : new String[] {"verify-ca", "verify-full"}) {
            PsqlRun run = psql(expired, sslmode);
            assertThat(run.exitCode()).as(sslmode).isNotZero();
            assertThat(run.err()).as(sslmode).contains("certificate verify failed");
            assertThatThrownBy(() -> pgjdbc(expired, sslmode).close()).as(sslmode)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08006"));
        }
        // Encryption without verification still works, as with PostgreSQL serving an expired certificate.
        assertThat(psql(expired, "require").out()).isEqualTo("in");
        try (Connection c = pgjdbc(expired, "require")) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aCertificateForAnotherHostPassesVerifyCaAndFailsVerifyFull() throws Exception {
        PsqlRun full = psql(otherHost, "verify-full");
        assertThat(full.exitCode()).isNotZero();
        assertThat(full.err()).contains("server certificate for \"db.example.com\"")
                .contains("does not match host name \"127.0.0.1\"");
        assertThatThrownBy(() -> pgjdbc(otherHost, "verify-full").close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08006");
                    assertThat(e.getMessage()).contains("127.0.0.1");
                });
        assertThat(psql(otherHost, "verify-ca").out()).isEqualTo("in");
        try (Connection c = pgjdbc(otherHost, "verify-ca")) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
