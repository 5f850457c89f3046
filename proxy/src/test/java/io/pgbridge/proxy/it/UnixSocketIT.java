package io.pgbridge.proxy.it;

import io.pgbridge.backend.Backends;
import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.HbaRule;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import io.pgbridge.config.UnixSocketConfig;
import io.pgbridge.proxy.server.PgServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pgbridge's Unix-domain socket ({@code listen.unix_socket_directory}) with the real psql, as PostgreSQL's own: libpq's
 * {@code host=DIR}, {@code local} rules, no TLS there, and the socket file's life around the server's.
 */
class UnixSocketIT {
    private static final String PG_SOCKET_DIR =
            System.getenv().getOrDefault("PGBRIDGE_TEST_PG_SOCKET_DIR", "/var/run/postgresql");

    private static PgbridgeConfig withSocket(PgbridgeConfig config, Path directory) {
        return config.withListen(config.listen().withUnixSocket(UnixSocketConfig.in(directory)));
    }

    private static String overSocket(Path directory, int port, String user) {
        return "host=" + directory + " port=" + port + " dbname=test user=" + user;
    }

    @Test
    void psqlReachesPgbridgeOnItsSocketAsPostgresOnItsOwn() throws Exception {
        Path dir = Files.createTempDirectory("pgb-sock");
        String query = "select client_addr is null, client_port, current_user from pg_stat_activity"
                + " where pid = pg_backend_pid()";
        PsqlRun direct = PsqlRun.run("host=" + PG_SOCKET_DIR + " port=5432 dbname=test user=postgres", Map.of(),
                "-c", query);
        try (RunningProxy proxy = RunningProxy.start(withSocket(PgbridgeConfig.defaults()
                .withDataDir(Files.createTempDirectory("pgb-sock-data")), dir), "h2")) {
            assertThat(proxy.server().unixSocketPath()).isEqualTo(dir.resolve(".s.PGSQL." + proxy.port()));
            PsqlRun through = PsqlRun.run(overSocket(dir, proxy.port(), "postgres"), Map.of(), "-c", query);
            assertThat(through.err()).isEmpty();
            assertThat(through.out()).isEqualTo(direct.out()).isEqualTo("t|-1|postgres");
            // TCP goes on beside it.
            assertThat(PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " dbname=test user=postgres", Map.of(),
                    "-c", "select 1").out()).isEqualTo("1");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".s.PGSQL."
                    + proxy.port())))).isEqualTo("rwxrwxrwx");
        }
        assertThat(dir.resolve(".s.PGSQL.0")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("the socket file is removed at shutdown").isEmpty();
        }
    }

    @Test
    void localRulesDecideOnTheSocketAndHostRulesOverTcp() throws Exception {
        Path dir = Files.createTempDirectory("pgb-sock");
        List<HbaRule> rules = List.of("local all alice md5", "local all trusty trust", "host all all 127.0.0.1/32 trust")
                .stream().map(HbaRule::parse).toList();
        AuthConfig auth = new AuthConfig(rules, Map.of("alice", "md5" + md5Hex("alicepwalice")), false,
                Duration.ofSeconds(2), Duration.ofMillis(100));
        PgbridgeConfig config = withSocket(PgbridgeConfig.defaults()
                .withDataDir(Files.createTempDirectory("pgb-sock-data")).withAuth(auth), dir);
        try (RunningProxy proxy = RunningProxy.start(config, "h2")) {
            int port = proxy.port();
            assertThat(PsqlRun.run(overSocket(dir, port, "alice"), Map.of("PGPASSWORD", "alicepw"), "-c",
                    "select current_user").out()).isEqualTo("alice");
            PsqlRun wrong = PsqlRun.run(overSocket(dir, port, "alice"), Map.of("PGPASSWORD", "nope"), "-c", "select 1");
            assertThat(wrong.exitCode()).isNotZero();
            assertThat(wrong.err()).contains("password authentication failed for user \"alice\"");
            assertThat(PsqlRun.run(overSocket(dir, port, "trusty"), Map.of(), "-c", "select 1").out()).isEqualTo("1");
            PsqlRun noRule = PsqlRun.run(overSocket(dir, port, "bob"), Map.of(), "-c", "select 1");
            assertThat(noRule.exitCode()).isNotZero();
            assertThat(noRule.err()).contains("no pg_hba.conf entry for host \"[local]\", user \"bob\", database"
                    + " \"test\", no encryption");
            // The local rule does not apply over TCP: the host rule trusts alice there.
            assertThat(PsqlRun.run("host=127.0.0.1 port=" + port + " dbname=test user=alice", Map.of(), "-c",
                    "select current_user").out()).isEqualTo("alice");
        }
    }

    @Test
    void theSocketOffersNoTlsAndTlsRequiredIsAboutTheNetwork() throws Exception {
        Path dir = Files.createTempDirectory("pgb-sock");
        PgbridgeConfig config = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgb-sock-data"));
        config = config.withListen(config.listen().withTls(new TlsConfig(TlsMode.REQUIRED, null, null, true)));
        try (RunningProxy proxy = RunningProxy.start(withSocket(config, dir), "h2");
             RawPgClient local = RawPgClient.overUnixSocket(proxy.server().unixSocketPath())) {
            local.sendRaw(new byte[] {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f});   // SSLRequest
            assertThat((char) local.readByte()).isEqualTo('N');
            List<RawPgClient.Message> started = local.startup("postgres", "test");
            assertThat(started.getLast().type()).isEqualTo('Z');
            assertThat(local.query("select 7").stream().filter(m -> m.type() == 'D')).hasSize(1);
            // Plain text over TCP is still refused.
            PsqlRun tcp = PsqlRun.run("host=127.0.0.1 port=" + proxy.port() + " dbname=test user=postgres"
                    + " sslmode=disable", Map.of(), "-c", "select 1");
            assertThat(tcp.exitCode()).isNotZero();
            assertThat(tcp.err()).contains("pgbridge accepts only encrypted connections");
        }
    }

    @Test
    void passThroughRelaysClientsOfTheSocket() throws Exception {
        Path dir = Files.createTempDirectory("pgb-sock");
        try (RunningProxy proxy = RunningProxy.start(withSocket(PgbridgeConfig.defaults()
                     .withOnlyBackend(relayConfig()), dir), "postgresql-passthrough")) {
            PsqlRun run = PsqlRun.run(overSocket(dir, proxy.port(), "postgres"), Map.of(), "-c",
                    "select current_setting('server_version_num')::int >= 150000, count(*) from generate_series(1, 5000)");
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("t|5000");
        }
    }

    private static io.pgbridge.config.BackendConfig relayConfig() {
        return new io.pgbridge.config.BackendConfig(io.pgbridge.config.BackendConfig.DEFAULT_NAME,
                TestDatabases.postgresUrl(), null, null, null, Map.of(), io.pgbridge.config.BackendMode.PASSTHROUGH);
    }

    @Test
    void aLeftoverSocketFileIsReplacedAndALiveOneIsNot() throws Exception {
        Path dir = Files.createTempDirectory("pgb-sock");
        int port = freePort();
        Path socket = dir.resolve(".s.PGSQL." + port);
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));   // closing leaves the file, as a killed server does
        }
        assertThat(socket).exists();
        PgbridgeConfig defaults = PgbridgeConfig.defaults().withDataDir(Files.createTempDirectory("pgb-sock-data"));
        PgbridgeConfig config = defaults.withListen(defaults.listen().withPort(port)
                .withUnixSocket(new UnixSocketConfig(dir, 0770)));
        try (Backends backends = Backends.open(config); PgServer server = new PgServer(config, backends)) {
            server.start();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rwxrwx---");
            assertThat(PsqlRun.run(overSocket(dir, port, "postgres"), Map.of(), "-c", "select 1").out()).isEqualTo("1");
        }
        assertThat(socket).doesNotExist();

        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> startAndClose(config)).hasMessageContaining("another server is listening on it");
            assertThat(socket).as("a live socket is left alone").exists();
        }
        Files.delete(socket);
        Files.writeString(socket, "not a socket", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> startAndClose(config)).hasMessageContaining("a file that is not a socket");
        assertThat(Files.readString(socket)).isEqualTo("not a socket");
    }

    private static void startAndClose(PgbridgeConfig config) throws Exception {
        try (Backends backends = Backends.open(config); PgServer server = new PgServer(config, backends)) {
            server.start();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String md5Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
