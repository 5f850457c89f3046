package io.pgbridge.proxy.it;

import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.ClientCertificateMode;
import io.pgbridge.config.HbaRule;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import io.pgbridge.proxy.auth.ScramCrypto;
import io.pgbridge.proxy.auth.ScramVerifier;
import io.pgbridge.proxy.tls.ServerTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client certificates with the real psql (libpq) and pgjdbc: the {@code cert} method, clientcert=, certificates that
 * fail the handshake, and server certificate files replaced while the proxy runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateIT {
    private static final String FRANK_PASSWORD = "frank's password";
    private Path dir;
    private TestCertificates.Issued ca;
    private TestCertificates.Issued alice;
    private TestCertificates.Issued bob;
    private TestCertificates.Issued expired;
    private TestCertificates.Issued foreign;
    private TestCertificates.Issued otherCa;
    private RunningProxy optional;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("pgbridge-client-certs");
        ca = TestCertificates.authority(dir, "test-ca");
        otherCa = TestCertificates.authority(dir, "other-ca");
        Instant later = Instant.now().plus(Duration.ofDays(30));
        alice = TestCertificates.client(dir, "alice", ca, "alice", later);
        bob = TestCertificates.client(dir, "bob", ca, "bob", later);
        expired = TestCertificates.client(dir, "alice-expired", ca, "alice", Instant.now().minus(Duration.ofDays(1)));
        foreign = TestCertificates.client(dir, "alice-foreign", otherCa, "alice", later);
        TestCertificates.Issued server = TestCertificates.server(dir, "server", ca);
        optional = proxy(new TlsConfig(TlsMode.ENABLED, server.certificateFile(), server.keyFile(), false,
                ca.certificateFile(), ClientCertificateMode.OPTIONAL), "a");
    }

    private RunningProxy proxy(TlsConfig tls, String name) throws Exception {
        List<HbaRule> rules = Stream.of(
                "hostssl all alice all cert",
                "hostssl all bob all cert",
                "hostssl all dave all trust clientcert=verify-full",
                "hostssl all erin all trust clientcert=verify-ca",
                "hostssl all frank all scram-sha-256",
                "host all all all trust").map(HbaRule::parse).toList();
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(dir.resolve(name));
        config = config.withListen(config.listen().withTls(tls))
                .withAuth(new AuthConfig(rules, Map.of("frank", ScramVerifier.create(FRANK_PASSWORD).text()), false,
                        Duration.ofSeconds(5), Duration.ZERO));
        return RunningProxy.start(config, "h2");
    }

    @AfterAll
    void stop() {
        if (optional != null) {
            optional.close();
        }
    }

    private PsqlRun psql(RunningProxy proxy, String user, TestCertificates.Issued certificate) throws Exception {
        String conninfo = "host=localhost port=" + proxy.port() + " user=" + user + " dbname=test"
                + " sslmode=verify-full sslrootcert=" + ca.certificateFile();
        // A certificate that does not exist: libpq would otherwise look in ~/.postgresql.
        Map<String, String> env = certificate == null
                ? Map.of("PGSSLCERT", dir.resolve("none.crt").toString(), "PGSSLKEY", dir.resolve("none.key").toString())
                : Map.of("PGSSLCERT", certificate.certificateFile().toString(),
                        "PGSSLKEY", certificate.keyFile().toString());
        return PsqlRun.run(conninfo, env, "-c", "select current_user");
    }

    private Connection pgjdbc(RunningProxy proxy, String user, TestCertificates.Issued certificate, String sslmode)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("sslmode", sslmode);
        props.setProperty("sslrootcert", ca.certificateFile().toString());
        if (certificate != null) {
            // Without them pgjdbc looks for ~/.postgresql/postgresql.crt and sends nothing when it is absent.
            props.setProperty("sslcert", certificate.certificateFile().toString());
            props.setProperty("sslkey", certificate.derKeyFile().toString());
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + proxy.port() + "/test", props);
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("select current_user")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void aCertificateWhoseCommonNameIsTheUserLogsIn() throws Exception {
        PsqlRun r = psql(optional, "alice", alice);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("alice");
        for (String sslmode : new String[] {"verify-full", "verify-ca"}) {
            try (Connection c = pgjdbc(optional, "bob", bob, sslmode)) {
                assertThat(currentUser(c)).isEqualTo("bob");
            }
        }
    }

    @Test
    void anotherUsersCertificateFailsWith28000() throws Exception {
        PsqlRun r = psql(optional, "bob", alice);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).endsWith("FATAL:  certificate authentication failed for user \"bob\"");
        assertThatThrownBy(() -> pgjdbc(optional, "alice", bob, "verify-full")).isInstanceOfSatisfying(
                SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage()).contains("certificate authentication failed for user \"alice\"");
                });
    }

    @Test
    void withoutACertificateTheCertMethodRefuses() throws Exception {
        PsqlRun r = psql(optional, "alice", null);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).endsWith("FATAL:  connection requires a valid client certificate");
        assertThatThrownBy(() -> pgjdbc(optional, "bob", null, "verify-full")).isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("28000"));
        // Users the rules do not ask a certificate of still connect without one.
        PsqlRun other = psql(optional, "tester", null);
        assertThat(other.err()).isEmpty();
        assertThat(other.out()).isEqualTo("tester");
    }

    @Test
    void clientcertOptionsOnTrustRules() throws Exception {
        // verify-full: the CN must be the user, and the failure names the rule's method as PostgreSQL does.
        PsqlRun dave = psql(optional, "dave", alice);
        assertThat(dave.err()).endsWith("FATAL:  \"trust\" authentication failed for user \"dave\"");
        assertThat(psql(optional, "dave", null).err())
                .endsWith("FATAL:  connection requires a valid client certificate");
        // verify-ca: any certificate of the authority will do.
        PsqlRun erin = psql(optional, "erin", alice);
        assertThat(erin.err()).isEmpty();
        assertThat(erin.out()).isEqualTo("erin");
    }

    @Test
    void expiredOrForeignCertificatesFailTheHandshakeAndTheServerGoesOn() throws Exception {
        // "tester" needs no certificate: what fails here is the handshake. (PostgreSQL's OpenSSL names the reason,
        // "certificate expired" or "unknown ca"; the JDK's engine says "certificate unknown" for both.)
        for (TestCertificates.Issued bad : new TestCertificates.Issued[] {expired, foreign}) {
            PsqlRun r = psql(optional, "tester", bad);
            assertThat(r.exitCode()).as(bad.certificateFile().toString()).isNotZero();
            assertThat(r.err()).as(bad.certificateFile().toString())
                    .contains("SSL error: sslv3 alert certificate unknown");
            assertThat(r.out()).isEmpty();
        }
        // TLS 1.3: the alert reaches pgjdbc in its handshake (08001) or at its first read after it (08006).
        assertThatThrownBy(() -> pgjdbc(optional, "tester", expired, "verify-full")).isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isIn("08001", "08006"));
        // pgjdbc keeps back a certificate whose issuer is not among the authorities the server names.
        assertThatThrownBy(() -> pgjdbc(optional, "alice", foreign, "verify-full")).isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getMessage())
                        .contains("connection requires a valid client certificate"));
        assertThat(psql(optional, "alice", alice).out()).isEqualTo("alice");
    }

    /** PostgreSQL 17's direct TLS from Java, presenting {@code certificate}; the handshake is done on return. */
    private SSLSocket directTls(RunningProxy proxy, TestCertificates.Issued certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        own.setKeyEntry("client", certificate.privateKey(), new char[0],
                new X509Certificate[] {certificate.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", proxy.port());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"postgresql"});
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String fingerprintSeenBy(SSLSocket socket) throws Exception {
        return ServerTls.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
    }

    /**
     * Startup as {@code user}, then SCRAM-SHA-256-PLUS with {@code tls-server-end-point} of the certificate
     * {@code socket} received, as libpq's {@code channel_binding=require}; returns what follows the client's proof.
     */
    private static List<RawPgClient.Message> scramSha256Plus(RawPgClient client, SSLSocket socket, String user,
                                                             String password) throws Exception {
        ByteArrayOutputStream startup = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(startup);
        out.writeInt(0);
        out.writeInt(196608);   // protocol 3.0
        for (String text : new String[] {"user", user, "database", "test", ""}) {
            out.write(RawPgClient.cstring(text));
        }
        byte[] packet = startup.toByteArray();
        java.nio.ByteBuffer.wrap(packet).putInt(packet.length);
        client.sendRaw(packet);
        RawPgClient.Message offer = client.read();
        assertThat(offer.type()).isEqualTo('R');
        assertThat(offer.bodyText()).contains("SCRAM-SHA-256-PLUS");
        String header = "p=tls-server-end-point,,";
        String clientFirstBare = "n=,r=" + java.util.UUID.randomUUID();
        byte[] clientFirst = (header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream initial = new ByteArrayOutputStream();
        DataOutputStream initialOut = new DataOutputStream(initial);
        initialOut.write(RawPgClient.cstring("SCRAM-SHA-256-PLUS"));
        initialOut.writeInt(clientFirst.length);
        initialOut.write(clientFirst);
        client.send('p', initial.toByteArray());
        RawPgClient.Message continued = client.read();
        assertThat(continued.type()).isEqualTo('R');
        String serverFirst = new String(continued.body(), 4, continued.body().length - 4, StandardCharsets.UTF_8);
        Map<String, String> fields = ScramCrypto.attributes(serverFirst);
        byte[] endPoint = MessageDigest.getInstance("SHA-256")
                .digest(socket.getSession().getPeerCertificates()[0].getEncoded());
        ByteArrayOutputStream binding = new ByteArrayOutputStream();
        binding.write(header.getBytes(StandardCharsets.US_ASCII));
        binding.write(endPoint);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(binding.toByteArray()) + ",r=" + fields.get("r");
        byte[] salted = ScramCrypto.saltedPassword(password, Base64.getDecoder().decode(fields.get("s")),
                Integer.parseInt(fields.get("i")));
        byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
        byte[] signature = ScramCrypto.hmac(ScramCrypto.sha256(clientKey),
                clientFirstBare + "," + serverFirst + "," + withoutProof);
        String clientFinal = withoutProof + ",p="
                + Base64.getEncoder().encodeToString(ScramCrypto.xor(clientKey, signature));
        client.send('p', clientFinal.getBytes(StandardCharsets.UTF_8));
        return client.readUntilReady();
    }

    /** Whether direct TLS with {@code certificate} gets through the handshake and the cert method as alice. */
    private boolean logsInAsAlice(RunningProxy proxy, TestCertificates.Issued certificate) {
        // With TLS 1.3 the server judges the client's certificate after the client's side of the handshake is
        // done: a refusal shows as an alert (an exception) or the end of the stream on the first read.
        try (SSLSocket socket = directTls(proxy, certificate); RawPgClient client = new RawPgClient(socket)) {
            List<RawPgClient.Message> answer = client.startup("alice", "test");
            return !answer.isEmpty() && answer.getLast().type() == 'Z';
        } catch (Exception e) {
            return false;
        }
    }

    /** The certificate a new connection sees once the proxy has had the time to look at its files again. */
    private String fingerprintAfterTheNextLook(RunningProxy proxy) throws Exception {
        Thread.sleep(2_500);   // beyond the interval between looks at the files
        String seen = null;
        for (int attempt = 0; attempt < 2; attempt++) {   // the first handshake after the interval looks
            try (SSLSocket socket = directTls(proxy, alice)) {
                seen = fingerprintSeenBy(socket);
            }
        }
        return seen;
    }

    @Test
    void replacedCertificateFilesServeNewConnectionsWhileOldOnesGoOn() throws Exception {
        Path served = dir.resolve("served");
        TestCertificates.Issued first = TestCertificates.server(served, "first", ca);
        TestCertificates.Issued second = TestCertificates.server(served, "second", ca);
        Path certificateFile = served.resolve("server.crt");
        Path keyFile = served.resolve("server.key");
        Path clientCaFile = served.resolve("clients-ca.crt");
        Files.copy(first.certificateFile(), certificateFile);
        Files.copy(first.keyFile(), keyFile);
        Files.copy(ca.certificateFile(), clientCaFile);
        try (RunningProxy proxy = proxy(new TlsConfig(TlsMode.REQUIRED, certificateFile, keyFile, false,
                clientCaFile, ClientCertificateMode.REQUIRED), "reload")) {
            assertThat(logsInAsAlice(proxy, foreign)).isFalse();
            SSLSocket before = directTls(proxy, alice);
            // Handshake now, SCRAM with channel binding after the reload: it binds to the certificate it saw.
            SSLSocket bindLater = directTls(proxy, alice);
            assertThat(fingerprintSeenBy(before)).isEqualTo(ServerTls.fingerprint(first.certificate()));
            try (RawPgClient old = new RawPgClient(before); Connection oldJdbc = pgjdbc(proxy, "alice", alice,
                    "verify-full")) {
                assertThat(old.startup("alice", "test")).extracting(RawPgClient.Message::type).endsWith('Z');
                // The certificate first, alone: it does not match the key in place, so it must not be served.
                Files.copy(second.certificateFile(), served.resolve("next.crt"));
                Files.move(served.resolve("next.crt"), certificateFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                assertThat(fingerprintAfterTheNextLook(proxy)).isEqualTo(ServerTls.fingerprint(first.certificate()));
                Files.copy(second.keyFile(), served.resolve("next.key"));
                Files.move(served.resolve("next.key"), keyFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                // And a client CA bundle that adds the other authority.
                Files.writeString(served.resolve("next-ca.crt"), Files.readString(ca.certificateFile())
                        + Files.readString(otherCa.certificateFile()));
                Files.move(served.resolve("next-ca.crt"), clientCaFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                String seen = fingerprintAfterTheNextLook(proxy);
                assertThat(seen).isEqualTo(ServerTls.fingerprint(second.certificate()));
                assertThat(proxy.server().tls().fingerprint()).isEqualTo(seen);
                assertThat(logsInAsAlice(proxy, foreign)).isTrue();
                try (RawPgClient binding = new RawPgClient(bindLater)) {
                    assertThat(scramSha256Plus(binding, bindLater, "frank", FRANK_PASSWORD))
                            .extracting(RawPgClient.Message::type).endsWith('Z').doesNotContain('E');
                }
                try (SSLSocket after = directTls(proxy, alice); RawPgClient fresh = new RawPgClient(after)) {
                    assertThat(fresh.startup("alice", "test")).extracting(RawPgClient.Message::type).endsWith('Z');
                    assertThat(fresh.query("select 'new'")).extracting(RawPgClient.Message::type)
                            .containsExactly('T', 'D', 'C', 'Z');
                }
                assertThat(old.query("select 'old'")).extracting(RawPgClient.Message::type)
                        .containsExactly('T', 'D', 'C', 'Z');
                assertThat(currentUser(oldJdbc)).isEqualTo("alice");
                assertThat(psql(proxy, "alice", alice).out()).isEqualTo("alice");
                // Required: a client without a certificate does not get past the handshake.
                PsqlRun none = psql(proxy, "tester", null);
                assertThat(none.exitCode()).isNotZero();
                assertThat(none.err()).containsIgnoringCase("SSL");
            }
        }
    }
}
