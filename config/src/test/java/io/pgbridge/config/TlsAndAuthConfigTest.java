package io.pgbridge.config;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsAndAuthConfigTest {
    private static final String VERIFIER = "SCRAM-SHA-256$4096:cGdicmlkZ2UtZXhhbXBsZQ==$"
            + "/CdjMavBkW5yQuVS9dQMNW2aH8fvFcq2A56pzY4Afhg=:bd9nkU4IQWFrkwfvXu/RRp+yYvYo6g9TVmzvFR6G1dc=";

    private static PgbridgeConfig load(String yaml) {
        return ConfigLoader.load(yaml, "pgbridge.yaml", Map.of());
    }

    @Test
    void noConfigMeansNoTlsAndTrustForEveryone() {
        PgbridgeConfig config = PgbridgeConfig.defaults();
        assertThat(config.listen().tls().mode()).isEqualTo(TlsMode.DISABLED);
        assertThat(config.auth().effectiveRules(config.listen().auth()))
                .containsExactlyElementsOf(HbaRule.everyone(AuthMode.TRUST));
    }

    @Test
    void aCertificateEnablesTlsAndTheModeCanRequireIt() {
        PgbridgeConfig enabled = load("listen: { tls_certificate: a.crt, tls_key: a.key }\n");
        assertThat(enabled.listen().tls()).isEqualTo(new TlsConfig(TlsMode.ENABLED, Path.of("a.crt"), Path.of("a.key"), false));
        PgbridgeConfig required = load("listen: { tls: required, tls_self_signed: true }\n");
        assertThat(required.listen().tls().mode()).isEqualTo(TlsMode.REQUIRED);
        assertThat(required.listen().tls().selfSigned()).isTrue();
    }

    @Test
    void tlsWithoutACertificateOrWithHalfOfOneIsAnError() {
        assertThatThrownBy(() -> load("listen:\n  tls: required\n")).hasMessageStartingWith(
                "pgbridge.yaml:2: listen.tls: tls: required needs a certificate");
        assertThatThrownBy(() -> load("listen:\n  tls_certificate: a.crt\n")).hasMessageContaining(
                "listen.tls_key: tls_certificate and tls_key go together");
    }

    @Test
    void flagsSetTls() {
        CliOptions options = CommandLine.parse(new String[] {"--tls-self-signed", "--tls", "required"}, Map.of());
        assertThat(options.resolve().listen().tls()).isEqualTo(new TlsConfig(TlsMode.REQUIRED, null, null, true));
        CliOptions files = CommandLine.parse(new String[] {"--tls-certificate", "c.pem", "--tls-key", "k.pem"}, Map.of());
        assertThat(files.resolve().listen().tls().mode()).isEqualTo(TlsMode.ENABLED);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--tls-key", "k.pem"}, Map.of()).resolve())
                .hasMessageContaining("--tls-certificate and --tls-key go together");
    }

    @Test
    void usersMakeScramTheDefaultAndPlainPasswordsAreRefusedWithoutBeingEchoed() {
        PgbridgeConfig config = load("auth:\n  users:\n    alice: \"" + VERIFIER + "\"\n");
        assertThat(config.listen().auth()).isEqualTo(AuthMode.SCRAM_SHA_256);
        assertThat(config.auth().users()).containsEntry("alice", VERIFIER);
        assertThat(config.auth().toString()).doesNotContain(VERIFIER);
        assertThatThrownBy(() -> load("auth:\n  users:\n    bob: hunter2\n"))
                .hasMessageStartingWith("pgbridge.yaml:3: auth.users.bob: expected a SCRAM-SHA-256 verifier")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rulesReadLikePgHbaAndTheFirstMatchWins() throws Exception {
        PgbridgeConfig config = load("""
                auth:
                  rules:
                    - hostssl all all 0.0.0.0/0 scram-sha-256
                    - host app alice 10.1.0.0/16 md5
                    - hostnossl all all ::1/128 password
                    - host all all all reject
                """);
        var rules = config.auth().rules();
        assertThat(rules).hasSize(4);
        InetAddress inside = InetAddress.getByName("10.1.2.3");
        assertThat(rules.get(0).matches(inside, true, "app", "alice")).isTrue();
        assertThat(rules.get(0).matches(inside, false, "app", "alice")).isFalse();
        assertThat(rules.get(1).matches(inside, false, "app", "alice")).isTrue();
        assertThat(rules.get(1).matches(InetAddress.getByName("10.2.0.1"), false, "app", "alice")).isFalse();
        assertThat(rules.get(1).matches(inside, false, "other", "alice")).isFalse();
        assertThat(rules.get(2).matches(InetAddress.getByName("::1"), false, "x", "y")).isTrue();
        assertThat(rules.get(2).matches(InetAddress.getByName("127.0.0.1"), false, "x", "y")).isFalse();
        assertThat(rules.get(3).method()).isEqualTo(AuthMode.REJECT);
        assertThatThrownBy(() -> load("auth:\n  rules:\n    - host all all 10.0.0.0/33 md5\n"))
                .hasMessageStartingWith("pgbridge.yaml:3: auth.rules[1]: expected a prefix length from 0 to 32");
        assertThatThrownBy(() -> load("auth:\n  rules:\n    - host all all md5\n"))
                .hasMessageContaining("expected TYPE DATABASE USER ADDRESS METHOD");
    }

    @Test
    void localRulesAreForTheUnixSocketOnlyAndHaveNoAddress() throws Exception {
        var rules = load("""
                listen: { host: 0.0.0.0, auth: md5 }
                auth:
                  rules:
                    - local all postgres trust
                    - local app all md5
                    - host all all all scram-sha-256
                """).auth().rules();
        assertThat(rules.get(0).connection()).isEqualTo(HbaRule.Connection.LOCAL);
        assertThat(rules.get(0).matches(null, false, "x", "postgres")).isTrue();
        assertThat(rules.get(0).matches(InetAddress.getByName("127.0.0.1"), false, "x", "postgres")).isFalse();
        assertThat(rules.get(1).matches(null, false, "app", "bob")).isTrue();
        assertThat(rules.get(1).matches(null, false, "other", "bob")).isFalse();
        assertThat(rules.get(2).matches(null, false, "app", "bob")).as("host rules are for TCP").isFalse();
        assertThat(rules.get(1)).hasToString("local app all md5");
        assertThat(HbaRule.everyone(AuthMode.MD5)).anyMatch(r -> r.matches(null, false, "a", "b"))
                .anyMatch(r -> r.matches(InetAddress.getLoopbackAddress(), false, "a", "b"));
        assertThatThrownBy(() -> load("auth:\n  rules:\n    - local all all\n"))
                .hasMessageContaining("expected local DATABASE USER METHOD");
        assertThatThrownBy(() -> load("auth:\n  rules:\n    - local all all cert\n"))
                .hasMessageContaining("cert authentication is only supported on hostssl connections");
        assertThatThrownBy(() -> load("auth:\n  rules:\n    - local all all md5 clientcert=verify-ca\n"))
                .hasMessageContaining("clientcert can only be configured for \"hostssl\" rows");
    }

    @Test
    void theUnixSocketIsConfiguredByDirectoryAndOctalMode() {
        UnixSocketConfig socket = load("listen: { port: 6000, unix_socket_directory: /run/pgb,"
                + " unix_socket_permissions: \"0770\" }\n").listen().unixSocket();
        assertThat(socket).isEqualTo(new UnixSocketConfig(Path.of("/run/pgb"), 0770));
        assertThat(socket.socketFile(6000)).isEqualTo(Path.of("/run/pgb/.s.PGSQL.6000"));
        assertThat(load("listen: { unix_socket_permissions: 0700 }\n").listen().unixSocket().permissions())
                .isEqualTo(0700);
        assertThat(load("listen: { port: 6000 }\n").listen().unixSocket().enabled()).isFalse();
        assertThatThrownBy(() -> load("listen: { unix_socket_permissions: 777 }\n"))
                .hasMessageContaining("listen.unix_socket_permissions: expected octal mode bits with a leading 0");
        assertThatThrownBy(() -> load("listen: { unix_socket_directory: /" + "d".repeat(100) + " }\n"))
                .hasMessageContaining("more than the 107 a Unix-domain socket allows");
        PgbridgeConfig flagged = CommandLine.parse(new String[] {"--unix-socket-dir", "/tmp/s", "--port", "7"},
                Map.of()).resolve();
        assertThat(flagged.listen().unixSocket().socketFile(flagged.listen().port()))
                .isEqualTo(Path.of("/tmp/s/.s.PGSQL.7"));
    }

    @Test
    void passthroughIsAMethodLikeTheOthersButNotForSqlite() {
        PgbridgeConfig config = load("auth:\n  rules:\n    - hostssl all all 10.0.0.0/8 passthrough\n");
        assertThat(config.auth().rules().get(0).method()).isEqualTo(AuthMode.PASSTHROUGH);
        assertThat(load("listen: { auth: passthrough }\n").listen().auth()).isEqualTo(AuthMode.PASSTHROUGH);
        assertThatThrownBy(() -> load("listen: { auth: passthrough }\nbackends:\n  lite: { url: \"jdbc:sqlite:x.db\" }\n"))
                .hasMessageContaining("listen.auth: the passthrough method logs clients in to the backend with their"
                        + " own password, but backend lite is SQLite, which has no accounts");
    }

    @Test
    void trustRulesOnANetworkAddressNeedTheOptIn() {
        assertThatThrownBy(() -> load("listen: { host: 0.0.0.0, auth: md5 }\nauth:\n  rules:\n"
                + "    - host all all all trust\n")).hasMessageContaining("auth.rules: a trust rule on 0.0.0.0");
        assertThat(load("listen: { host: 0.0.0.0, auth: md5, allow_trust_on_network: true }\nauth:\n  rules:\n"
                + "    - host all all all trust\n").auth().rules()).hasSize(1);
    }

    @Test
    void aClientCaAsksForClientCertificatesAndTheModeMustAgreeWithIt() {
        PgbridgeConfig optional = load("listen: { tls_certificate: a.crt, tls_key: a.key, tls_client_ca: ca.crt }\n");
        assertThat(optional.listen().tls().clientCaFile()).isEqualTo(Path.of("ca.crt"));
        assertThat(optional.listen().tls().clientCertificates()).isEqualTo(ClientCertificateMode.OPTIONAL);
        PgbridgeConfig required = load("listen: { tls_certificate: a.crt, tls_key: a.key, tls_client_ca: ca.crt,"
                + " tls_client_certificates: required }\n");
        assertThat(required.listen().tls().clientCertificates()).isEqualTo(ClientCertificateMode.REQUIRED);
        assertThat(load("listen: { tls_self_signed: true }\n").listen().tls().asksForClientCertificates()).isFalse();
        assertThatThrownBy(() -> load("listen:\n  tls_self_signed: true\n  tls_client_certificates: required\n"))
                .hasMessageStartingWith("pgbridge.yaml:3: listen.tls_client_certificates: tls_client_certificates:"
                        + " required needs tls_client_ca");
        assertThatThrownBy(() -> load("listen:\n  tls_self_signed: true\n  tls_client_certificates: sometimes\n"))
                .hasMessageStartingWith("pgbridge.yaml:3: listen.tls_client_certificates: expected one of none,"
                        + " optional, required, got \"sometimes\"");
        assertThatThrownBy(() -> load("listen:\n  tls_client_ca: ca.crt\n"))
                .hasMessageStartingWith("pgbridge.yaml:2: listen.tls_client_ca: client certificates need TLS");
    }

    @Test
    void clientCertificateFlags() {
        TlsConfig tls = CommandLine.parse(new String[] {"--tls-self-signed", "--tls-client-ca", "ca.pem"}, Map.of())
                .resolve().listen().tls();
        assertThat(tls.clientCaFile()).isEqualTo(Path.of("ca.pem"));
        assertThat(tls.clientCertificates()).isEqualTo(ClientCertificateMode.OPTIONAL);
        assertThat(CommandLine.parse(new String[] {"--tls-self-signed", "--tls-client-ca", "ca.pem",
                "--tls-client-certificates", "required"}, Map.of()).resolve().listen().tls().clientCertificates())
                .isEqualTo(ClientCertificateMode.REQUIRED);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--tls-client-ca", "ca.pem"}, Map.of()).resolve())
                .hasMessageStartingWith("command line (--tls-client-ca): listen.tls_client_ca: client certificates"
                        + " need TLS");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--tls-client-certificates", "maybe"}, Map.of()))
                .hasMessageContaining("--tls-client-certificates takes none, optional or required");
    }

    @Test
    void certRulesAndClientcertReadAsPostgresqlReadsThem() {
        String tls = "listen: { tls_self_signed: true, tls_client_ca: ca.crt }\nauth:\n  rules:\n";
        var rules = load(tls + "    - hostssl all all all cert\n"
                + "    - hostssl all all all scram-sha-256 clientcert=verify-ca\n"
                + "    - hostssl all all all md5 clientcert=verify-full\n").auth().rules();
        assertThat(rules).extracting(HbaRule::clientCertificate).containsExactly(
                HbaRule.ClientCertificateCheck.VERIFY_FULL, HbaRule.ClientCertificateCheck.VERIFY_CA,
                HbaRule.ClientCertificateCheck.VERIFY_FULL);
        assertThat(rules.get(1)).hasToString("hostssl all all all scram-sha-256 clientcert=verify-ca");
        assertThatThrownBy(() -> load(tls + "    - host all all all cert\n")).hasMessageStartingWith(
                "pgbridge.yaml:4: auth.rules[1]: cert authentication is only supported on hostssl connections");
        assertThatThrownBy(() -> load(tls + "    - host all all all md5 clientcert=verify-ca\n"))
                .hasMessageContaining("clientcert can only be configured for \"hostssl\" rows");
        assertThatThrownBy(() -> load(tls + "    - hostssl all all all cert clientcert=verify-ca\n"))
                .hasMessageContaining("clientcert only accepts \"verify-full\" when using \"cert\" authentication");
        assertThatThrownBy(() -> load(tls + "    - hostssl all all all md5 clientcert=1\n"))
                .hasMessageContaining("invalid value for clientcert: \"1\"");
        assertThatThrownBy(() -> load(tls + "    - hostssl all all all md5 map=x\n"))
                .hasMessageContaining("unrecognized authentication option name: \"map\"");
        assertThatThrownBy(() -> load("listen: { tls_self_signed: true }\nauth:\n  rules:\n"
                + "    - hostssl all all all cert\n")).hasMessageContaining("auth.rules: the cert method and"
                + " clientcert= need client certificates: set listen.tls_client_ca");
    }
}
