package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a file can be wrong, with the exact file:line: key: problem a user would see. */
class ConfigLoaderErrorsTest {

    private static ConfigException error(String yaml) {
        return error(yaml, Map.of());
    }

    private static ConfigException error(String yaml, Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(yaml, "pgbridge.yaml", env));
    }

    private static final String MARIA = """
            backends:
              maria:
                url: jdbc:mariadb://127.0.0.1:3306/test
            """;

    @Test
    void nonIntegerPoolSizeNamesFileLineAndKeyPath() {
        ConfigException e = error(MARIA + """
                    pool:
                      maximum_pool_size: ten
                """);

        assertThat(e).hasMessage(
                "pgbridge.yaml:5: backends.maria.pool.maximum_pool_size: expected a positive integer, got \"ten\"");
        assertThat(e.source()).contains("pgbridge.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.keyPath()).contains("backends.maria.pool.maximum_pool_size");
        assertThat(e.problem()).isEqualTo("expected a positive integer, got \"ten\"");
    }

    @Test
    void outOfRangeValuesAreReportedByTheRecordsAtTheirLine() {
        assertThat(error(MARIA + "    pool: { maximum_pool_size: 0 }\n")).hasMessage(
                "pgbridge.yaml:4: backends.maria.pool.maximum_pool_size: expected a positive integer, got 0");
        assertThat(error(MARIA + "    pool:\n      maximum_pool_size: 2\n      minimum_idle: 3\n")).hasMessage(
                "pgbridge.yaml:6: backends.maria.pool.minimum_idle: expected an integer from 0 to maximum_pool_size"
                        + " (2), got 3");
        assertThat(error(MARIA + "    pool:\n      connection_timeout: 100ms\n")).hasMessage(
                "pgbridge.yaml:5: backends.maria.pool.connection_timeout: expected at least 250ms, got 100ms");
        assertThat(error(MARIA + "    pool:\n      idle_timeout: 5s\n")).hasMessage(
                "pgbridge.yaml:5: backends.maria.pool.idle_timeout: expected at least 10s (or 0 for never), got 5s");
        assertThat(error(MARIA + "    pool:\n      max_lifetime: 29s\n")).hasMessage(
                "pgbridge.yaml:5: backends.maria.pool.max_lifetime: expected at least 30s (or 0 for never), got 29s");
        assertThat(error("listen:\n  port: 70000\n"))
                .hasMessage("pgbridge.yaml:2: listen.port: expected a port number from 0 to 65535, got 70000");
        assertThat(error("limits:\n  fetch_size: 0\n"))
                .hasMessage("pgbridge.yaml:2: limits.fetch_size: expected a positive integer, got 0");
        assertThat(error("limits:\n  max_startup_packet_size: 4\n")).hasMessage(
                "pgbridge.yaml:2: limits.max_startup_packet_size: expected a size of at least 16 bytes, got 4");
        assertThat(error("limits:\n  max_message_size: 0\n"))
                .hasMessage("pgbridge.yaml:2: limits.max_message_size: expected a size of at least 4 bytes, got 0");
        assertThat(error("limits:\n  startup_timeout: 0s\n"))
                .hasMessage("pgbridge.yaml:2: limits.startup_timeout: expected a positive duration, got 0ms");
    }

    @Test
    void malformedValuesSayWhatWasExpected() {
        assertThat(error("limits:\n  startup_timeout: soon\n")).hasMessage("pgbridge.yaml:2: limits.startup_timeout:"
                + " expected a duration such as 500ms, 30s, 10m, 1h or integer milliseconds, got \"soon\"");
        assertThat(error("limits:\n  max_message_size: 64XB\n")).hasMessage(
                "pgbridge.yaml:2: limits.max_message_size: expected a size such as 10000, 64MB or 1GiB, got \"64XB\"");
        assertThat(error("limits:\n  max_message_size: 2GiB\n")).hasMessage("pgbridge.yaml:2: limits.max_message_size:"
                + " size is too large, the most is 2147483647 bytes (2GiB - 1), got \"2GiB\"");
        assertThat(error("listen:\n  allow_trust_on_network: yes\n")).hasMessage(
                "pgbridge.yaml:2: listen.allow_trust_on_network: expected true or false, got \"yes\"");
        assertThat(error("listen:\n  auth: kerberos\n")).hasMessage("pgbridge.yaml:2: listen.auth: expected one of"
                + " trust, scram-sha-256, md5, password, cert, passthrough, reject, got \"kerberos\"");
        assertThat(error("listen:\n  port: [1, 2]\n"))
                .hasMessage("pgbridge.yaml:2: listen.port: expected a single value, got a list");
        assertThat(error("listen: 5433\n"))
                .hasMessage("pgbridge.yaml:1: listen: expected a mapping of settings, got a single value");
        assertThat(error("- listen\n"))
                .hasMessage("pgbridge.yaml:1: expected a mapping of settings (listen, backends, ...), got a list");
    }

    @Test
    void unknownKeysAreErrorsWithASuggestionWhenClose() {
        assertThat(error("lisen:\n  port: 1\n")).hasMessage("pgbridge.yaml:1: lisen: unknown key (did you mean"
                + " \"listen\"?); allowed keys are listen, data_dir, default_backend, backends, routes, limits, auth");
        assertThat(error(MARIA + "    pool:\n      maximumPoolSize: 3\n")).hasMessage(
                "pgbridge.yaml:5: backends.maria.pool.maximumPoolSize: unknown key (did you mean \"maximum_pool_size\"?);"
                        + " allowed keys are maximum_pool_size, minimum_idle, connection_timeout, idle_timeout,"
                        + " max_lifetime");
        assertThat(error("listen:\n  prot: 1\n")).hasMessage("pgbridge.yaml:2: listen.prot: unknown key (did you"
                + " mean \"port\"?); allowed keys are host, port, auth, allow_trust_on_network,"
                + " tls, tls_certificate, tls_key, tls_self_signed, tls_client_ca,"
                + " tls_client_certificates, io_threads, session_threads, unix_socket_directory,"
                + " unix_socket_permissions");
        assertThat(error("listen:\n  io_threads: -1\n")).hasMessage("pgbridge.yaml:2: listen.io_threads: expected 0"
                + " (one per core) or a thread count up to 1024, got -1");
        assertThat(error("listen:\n  session_threads: green\n")).hasMessage("pgbridge.yaml:2: listen.session_threads:"
                + " expected platform or virtual, got \"green\"");
        assertThat(error(MARIA + "    colour: blue\n")).hasMessage("pgbridge.yaml:4: backends.maria.colour: unknown"
                + " key; allowed keys are url, user, password, mode, pool, properties");
    }

    @Test
    void mergeKeysAndExplicitTagsAreRefused() {
        assertThat(error("listen:\n  <<: { port: 1 }\n")).hasMessageStartingWith(
                "pgbridge.yaml:2: listen.<<: unknown key;");
        assertThat(error("data_dir: !!java.io.File /tmp\n"))
                .hasMessage("pgbridge.yaml:1: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File");
        assertThat(error("listen: !custom { port: 1 }\n"))
                .hasMessage("pgbridge.yaml:1: listen: explicit YAML tags such as !custom are not allowed");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(error("listen:\n  port: 1\n  port: 2\n"))
                .hasMessage("pgbridge.yaml:3: listen.port: duplicate key (first given on line 2)");
    }

    @Test
    void undefinedEnvironmentVariableIsNamedAndTheValueIsNot() {
        ConfigException e = error(MARIA + "    password: ${MARIA_PASSWORD}\n");

        assertThat(e).hasMessage("pgbridge.yaml:4: backends.maria.password: environment variable MARIA_PASSWORD is"
                + " not set (write ${MARIA_PASSWORD:-} to allow an empty default)");
        assertThat(error("listen: { port: \"${PORT\" }\n")).hasMessage(
                "pgbridge.yaml:1: listen.port: unterminated ${ in value; write $${ for a literal ${");
        assertThat(error("listen: { port: \"${1X}\" }\n")).hasMessage("pgbridge.yaml:1: listen.port: invalid"
                + " environment variable reference ${...}: a name is letters, digits and '_', not starting with a digit");
    }

    @Test
    void backendProblemsPointAtTheBackend() {
        assertThat(error("backends:\n  maria:\n    user: root\n")).hasMessage("pgbridge.yaml:2: backends.maria.url:"
                + " required, e.g. url: jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(error("backends:\n  maria:\n")).hasMessage("pgbridge.yaml:2: backends.maria.url:"
                + " required, e.g. url: jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(error("backends:\n  maria:\n    url: mysql://root:hunter2@h/db\n")).hasMessage(
                "pgbridge.yaml:3: backends.maria.url: expected a JDBC URL starting with jdbc:, got"
                        + " \"mysql://root:***@h/db\"");
        assertThat(error("backends:\n  my.db:\n    url: jdbc:h2:mem:x\n")).hasMessage("pgbridge.yaml:2: backends.my.db:"
                + " backend name \"my.db\" is not valid: use letters, digits, '_' and '-', not starting with '-'");
        assertThat(error(MARIA + "    properties: { sslMode: }\n"))
                .hasMessage("pgbridge.yaml:4: backends.maria.properties.sslMode: expected a value, got nothing");
    }

    @Test
    void routesAndDefaultBackendMustNameABackend() {
        assertThat(error(MARIA + "routes:\n  test: mariia\n")).hasMessage("pgbridge.yaml:5: routes.test: expected"
                + " the name of a backend, got \"mariia\" (did you mean \"maria\"?); backends are maria");
        assertThat(error(MARIA + "routes:\n  app.prod: pg\n")).hasMessage("pgbridge.yaml:5: routes.app.prod:"
                + " expected the name of a backend, got \"pg\"; backends are maria");
        assertThat(error(MARIA + "default_backend: postgres\n")).hasMessage("pgbridge.yaml:4: default_backend:"
                + " expected the name of a backend, got \"postgres\"; backends are maria");
        assertThat(error("routes:\n  test: maria\n")).hasMessage("pgbridge.yaml:2: routes.test: expected the name"
                + " of a backend, got \"maria\"; backends are default");
    }

    @Test
    void trustOnANetworkAddressIsRefusedUnlessAllowed() {
        ConfigException e = error("listen:\n  port: 5433\n  host: 0.0.0.0\n");

        assertThat(e).hasMessage("pgbridge.yaml:3: listen.host: 0.0.0.0 is not a loopback address and auth is"
                + " trust, which would let anyone who can reach it connect without a password; listen on 127.0.0.1,"
                + " or set listen.allow_trust_on_network: true to accept that risk");
        PgbridgeConfig allowed = ConfigLoader.load("listen: { host: 0.0.0.0, allow_trust_on_network: true }\n",
                "pgbridge.yaml", Map.of());
        assertThat(allowed.listen().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void dataDirWithSemicolonCannotBecomeAnH2Url() {
        assertThat(error("data_dir: ./a;INIT=RUNSCRIPT\n")).hasMessage("pgbridge.yaml:1: data_dir: must not contain"
                + " ';' (H2 reads it as a URL setting), got \"./a;INIT=RUNSCRIPT\"");
    }

    @Test
    void yamlSyntaxErrorsHaveALineAndDoNotQuoteTheLine() {
        ConfigException e = error(MARIA + "    password: \"hunter2\n    user: x\n");

        assertThat(e.getMessage()).startsWith("pgbridge.yaml:").contains("invalid YAML").doesNotContain("hunter2");
        assertThat(e.line()).isBetween(4, 6);
        assertThat(error("listen: {\n")).hasMessageStartingWith("pgbridge.yaml:2: invalid YAML:");
        assertThat(error("a: 1\n---\nb: 2\n")).hasMessageStartingWith("pgbridge.yaml:2: invalid YAML:");
    }

    @org.junit.jupiter.api.Test
    void passthroughNeedsAPostgresBackendAndAKnownMode() {
        assertThat(error("backends:\n  m:\n    url: jdbc:mariadb://h/db\n    mode: passthrough\n"))
                .hasMessageContaining("backends.m.mode: passthrough needs a PostgreSQL backend");
        assertThat(error("backends:\n  p:\n    url: jdbc:postgresql://h/db\n    mode: relay\n"))
                .hasMessage("pgbridge.yaml:4: backends.p.mode: expected jdbc or passthrough, got \"relay\"");
        assertThat(ConfigLoader.load("backends:\n  p:\n    url: jdbc:postgresql://h/db\n    mode: passthrough\n",
                "pgbridge.yaml").defaultBackendConfig().mode()).isEqualTo(BackendMode.PASSTHROUGH);
    }

    @org.junit.jupiter.api.Test
    void aUnixSocketDirectoryNeedsPassthroughMode() {
        String url = "jdbc:postgresql://h/db?unixSocketDirectory=/var/run/postgresql";
        assertThat(error("backends:\n  p:\n    url: " + url + "\n"))
                .hasMessageContaining("backends.p.url: unixSocketDirectory works in passthrough mode only");
        assertThat(ConfigLoader.load("backends:\n  p:\n    url: " + url + "\n    mode: passthrough\n",
                "pgbridge.yaml").defaultBackendConfig().url()).isEqualTo(url);
    }

    @Test
    void sessionTimeoutsAndConnectionLimitsNameTheirLine() {
        assertThat(error("limits:\n  fetch_size: 10\n  statement_timeout: 30 sec\n")).hasMessage(
                "pgbridge.yaml:3: limits.statement_timeout: expected a time such as 30s, 500ms, 2min or 0 (off), in"
                        + " PostgreSQL's units us, ms, s, min, h and d, got \"30 sec\"");
        assertThat(error("limits:\n  idle_session_timeout: -1s\n")).hasMessageStartingWith(
                "pgbridge.yaml:2: limits.idle_session_timeout: expected a time such as 30s");
        assertThat(error("limits:\n  idle_in_transaction_session_timeout: 30d\n")).hasMessage(
                "pgbridge.yaml:2: limits.idle_in_transaction_session_timeout: expected a time from 0 (off) to"
                        + " 2147483647ms, got \"30d\"");
        assertThat(error("limits:\n  max_connections_per_user: -2\n")).hasMessage(
                "pgbridge.yaml:2: limits.max_connections_per_user: expected a number of connections, 0 or more, or -1"
                        + " for no limit, got -2");
        assertThat(error("limits:\n  user_connection_limits:\n    alice: 2\n    bob: many\n")).hasMessage(
                "pgbridge.yaml:4: limits.user_connection_limits.bob: expected a number of connections, 0 or more, or"
                        + " -1 for no limit, got \"many\"");
        assertThat(error("limits:\n  connection_rate_per_address: 50 per second\n")).hasMessage(
                "pgbridge.yaml:2: limits.connection_rate_per_address: expected connections per period such as 50/s,"
                        + " 600/min or 1000/h, got \"50 per second\"");
        assertThat(error("limits:\n  connection_rate_per_address: 0/s\n")).hasMessage(
                "pgbridge.yaml:2: limits.connection_rate_per_address: expected a positive number of connections,"
                        + " got 0");
    }
}
