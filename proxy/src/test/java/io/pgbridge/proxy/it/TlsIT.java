package io.pgbridge.proxy.it;

import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import io.pgbridge.proxy.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS towards clients, with the real psql (libpq) and pgjdbc: SSLRequest upgrade, verification, required mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {
    private RunningProxy selfSigned;
    private RunningProxy fromFiles;
    private RunningProxy required;
    private Path selfSignedCertificate;
    private SelfSignedCertificate fileCertificate;
    private SelfSignedCertificate stranger;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("pgbridge-tls");
        selfSigned = proxy(dir.resolve("a"), new TlsConfig(TlsMode.ENABLED, null, null, true));
        selfSignedCertificate = dir.resolve("a").resolve("tls").resolve("selfsigned.crt");
        fileCertificate = SelfSignedCertificate.generate(dir.resolve("files"));
        fromFiles = proxy(dir.resolve("b"), new TlsConfig(TlsMode.ENABLED, fileCertificate.certificateFile(),
                fileCertificate.keyFile(), false));
        required = proxy(dir.resolve("c"), new TlsConfig(TlsMode.REQUIRED, fileCertificate.certificateFile(),
                fileCertificate.keyFile(), false));
        stranger = SelfSignedCertificate.generate(dir.resolve("stranger"));
    }

    private static RunningProxy proxy(Path dataDir, TlsConfig tls) throws Exception {
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(dataDir);
        return RunningProxy.start(config.withListen(config.listen().withTls(tls)), "h2");
    }

    @AfterAll
    void stop() {
        for (RunningProxy proxy : new RunningProxy[] {selfSigned, fromFiles, required}) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    private static String conninfo(RunningProxy proxy, String host, String extra) {
        return "host=" + host + " port=" + proxy.port() + " user=tester dbname=test " + extra;
    }

    @Test
    void psqlGetsTlsWithSslmodeRequire() throws Exception {
        PsqlRun r = PsqlRun.run(conninfo(selfSigned, "127.0.0.1", "sslmode=require"), Map.of(),
                "-c", "select 40 + 2");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("42");
        // libpq reports the protocol of the connection it has: TLS 1.3 unless told otherwise.
        PsqlRun info = PsqlRun.run(conninfo(selfSigned, "127.0.0.1", "sslmode=require"), Map.of(), "-c", "\\conninfo");
        assertThat(info.out()).contains("SSL connection (protocol: TLSv1.3");
    }

    @Test
    void tls12IsOfferedToo() throws Exception {
        PsqlRun r = PsqlRun.run(conninfo(selfSigned, "127.0.0.1",
                "sslmode=require ssl_max_protocol_version=TLSv1.2"), Map.of(), "-c", "\\conninfo");
        assertThat(r.out()).contains("SSL connection (protocol: TLSv1.2");
    }

    @Test
    void theGeneratedCertificateVerifiesForLoopbackNames() throws Exception {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            for (String mode : new String[] {"verify-ca", "verify-full"}) {
                PsqlRun r = PsqlRun.run(conninfo(selfSigned, host, "sslmode=" + mode + " sslrootcert="
                        + selfSignedCertificate), Map.of(), "-c", "select 'verified'");
                assertThat(r.err()).as(host + " " + mode).isEmpty();
                assertThat(r.out()).isEqualTo("verified");
            }
        }
    }

    @Test
    void certificateFilesAreServedAndAnotherRootIsRejected() throws Exception {
        PsqlRun ok = PsqlRun.run(conninfo(fromFiles, "localhost", "sslmode=verify-full sslrootcert="
                + fileCertificate.certificateFile()), Map.of(), "-c", "select 1");
        assertThat(ok.out()).isEqualTo("1");
        PsqlRun wrongRoot = PsqlRun.run(conninfo(fromFiles, "localhost", "sslmode=verify-ca sslrootcert="
                + stranger.certificateFile()), Map.of(), "-c", "select 1");
        assertThat(wrongRoot.exitCode()).isNotZero();
        assertThat(wrongRoot.err()).contains("certificate verify failed");
    }

    @Test
    void theLoggedFingerprintIsTheCertificatesSha256() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in",
                fileCertificate.certificateFile().toString()).start();
        String printed = new String(openssl.getInputStream().readAllBytes()).strip();
        assertThat(openssl.waitFor()).isZero();
        assertThat(printed).endsWith("=" + fromFiles.server().tls().fingerprint());
    }

    @Test
    void pgjdbcVerifiesTheServerWithSslmodeVerifyFull() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "tester");
        props.setProperty("ssl", "true");
        props.setProperty("sslmode", "verify-full");
        props.setProperty("sslrootcert", fileCertificate.certificateFile().toString());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + fromFiles.port() + "/test",
                props); ResultSet rs = c.createStatement().executeQuery("select 'over tls'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("over tls");
        }
        props.setProperty("sslrootcert", stranger.certificateFile().toString());
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + fromFiles.port()
                + "/test", props)).isInstanceOf(SQLException.class).hasMessageContaining("SSL");
    }

    @Test
    void aRequiredListenerRefusesPlainTextWithFatal28000() throws Exception {
        PsqlRun plain = PsqlRun.run(conninfo(required, "127.0.0.1", "sslmode=disable"), Map.of(), "-c", "select 1");
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.err()).contains("FATAL:  pgbridge accepts only encrypted connections");
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + required.port() + "/test?user=tester&sslmode=disable"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        PsqlRun encrypted = PsqlRun.run(conninfo(required, "127.0.0.1", "sslmode=require"), Map.of(),
                "-c", "select 1");
        assertThat(encrypted.out()).isEqualTo("1");
    }

    /** PostgreSQL 17's sslnegotiation=direct as libpq 17 does it: TLS at once, ALPN "postgresql". */
    private javax.net.ssl.SSLSocket directTls(RunningProxy proxy, String... alpn) throws Exception {
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("pgbridge", fileCertificate.certificate());
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket("localhost", proxy.port());
        javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(alpn);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");   // verify-full: the name must match
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @Test
    void directTlsWithAlpnPostgresqlAsPostgres17Does() throws Exception {
        for (RunningProxy proxy : new RunningProxy[] {fromFiles, required}) {
            javax.net.ssl.SSLSocket socket = directTls(proxy, "postgresql");
            assertThat(socket.getApplicationProtocol()).isEqualTo("postgresql");
            try (RawPgClient client = new RawPgClient(socket)) {
                assertThat(client.startup("tester", "test")).extracting(RawPgClient.Message::type)
                        .startsWith('R').endsWith('Z');
                assertThat(client.query("select 'direct'")).extracting(RawPgClient.Message::type)
                        .containsExactly('T', 'D', 'C', 'Z');
            }
        }
    }

    @Test
    void directTlsWithoutAlpnIsClosed() throws Exception {
        javax.net.ssl.SSLSocket socket = directTls(fromFiles);
        try (RawPgClient client = new RawPgClient(socket)) {
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void passThroughSessionsRelayOverTls() throws Exception {
        io.pgbridge.config.BackendConfig backend = new io.pgbridge.config.BackendConfig(
                io.pgbridge.config.BackendConfig.DEFAULT_NAME, TestDatabases.postgresUrl(), null, null,
                null, Map.of(), io.pgbridge.config.BackendMode.PASSTHROUGH);
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgbridge-tls-pt"))
                .withOnlyBackend(backend);
        config = config.withListen(config.listen().withTls(new TlsConfig(TlsMode.REQUIRED, null, null, true)));
        try (RunningProxy proxy = RunningProxy.start(config, "postgresql-passthrough")) {
            PsqlRun r = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " user=postgres dbname=postgres"
                    + " sslmode=require", Map.of(), "-c", "select 'relayed ' || version() like 'relayed PostgreSQL%'");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("t");
        }
    }

    @Test
    void withoutTlsTheAnswerIsStillNo() throws Exception {
        try (RunningProxy plain = RunningProxy.h2()) {
            PsqlRun r = PsqlRun.run(conninfo(plain, "127.0.0.1", "sslmode=require"), Map.of(), "-c", "select 1");
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.err()).contains("server does not support SSL");
            assertThat(PsqlRun.run(conninfo(plain, "127.0.0.1", "sslmode=prefer"), Map.of(), "-c", "select 1").out())
                    .isEqualTo("1");
        }
    }
}
