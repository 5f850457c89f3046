package io.pgbridge.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses pgbridge's command line into {@link CliOptions}. Kept dependency-free and strict: an unknown,
 * repeated or value-less flag is an error rather than something silently ignored.
 */
public final class CommandLine {
    /** Environment variable read when {@code --backend-password} is absent, to keep it out of {@code ps}. */
    public static final String BACKEND_PASSWORD_ENV = "PGBRIDGE_BACKEND_PASSWORD";

    private enum Flag {
        CONFIG("--config", "FILE", "YAML configuration file (format below); flags override it"),
        HOST("--host", "HOST", "address to listen on (default 127.0.0.1)"),
        PORT("--port", "N", "port to listen on, 0 picks a free one (default 5433)"),
        UNIX_SOCKET_DIR("--unix-socket-dir", "DIR",
                "also accept local clients on the Unix-domain socket DIR/.s.PGSQL.PORT (psql -h DIR)"),
        BACKEND("--backend", "JDBC_URL", "run SQL on this JDBC database instead of the configured backends"),
        BACKEND_USER("--backend-user", "USER", "user for the default backend"),
        BACKEND_PASSWORD("--backend-password", "PASSWORD",
                "password for the default backend (or env " + BACKEND_PASSWORD_ENV + ")"),
        BACKEND_MODE("--backend-mode", "MODE",
                "jdbc (default) or passthrough: relay each session to PostgreSQL as is (PostgreSQL backends only)"),
        DATA_DIR("--data-dir", "DIR", "directory for pgbridge's data and the embedded H2 database (default ./data)"),
        TLS("--tls", "MODE", "disabled, enabled (default with a certificate) or required: refuse plain-text clients"),
        TLS_CERTIFICATE("--tls-certificate", "FILE", "PEM certificate chain for TLS (with --tls-key)"),
        TLS_KEY("--tls-key", "FILE", "PEM private key of that certificate, unencrypted"),
        TLS_SELF_SIGNED("--tls-self-signed", null,
                "development: generate a self-signed certificate at start, log its SHA-256 fingerprint"),
        TLS_CLIENT_CA("--tls-client-ca", "FILE",
                "PEM authorities of client certificates: TLS clients are asked for one, verified against these"),
        TLS_CLIENT_CERTIFICATES("--tls-client-certificates", "MODE",
                "none, optional (default with --tls-client-ca) or required: refuse TLS clients without one"),
        HELP("--help", null, "print this help and exit (also -h)"),
        VERSION("--version", null, "print the version and exit");

        final String name;
        final String valueName;
        final String description;

        Flag(String name, String valueName, String description) {
            this.name = name;
            this.valueName = valueName;
            this.description = description;
        }

        boolean takesValue() {
            return valueName != null;
        }

        static Optional<Flag> named(String name) {
            if (name.equals("-h")) {
                return Optional.of(HELP);
            }
            return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
        }

        static List<String> names() {
            return Arrays.stream(values()).map(f -> f.name).toList();
        }
    }

    private CommandLine() {
    }

    /**
     * Parses {@code args}; {@code env} supplies {@value #BACKEND_PASSWORD_ENV} and {@code ${VAR}} values for
     * the config file. Accepts {@code --port 5433} and {@code --port=5433}. Error messages never include
     * argument values that might be secrets.
     */
    public static CliOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> environment = env == null ? Map.of() : env;
        Set<Flag> seen = EnumSet.noneOf(Flag.class);
        boolean help = false;
        boolean version = false;
        Optional<Path> configFile = Optional.empty();
        Optional<String> host = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<String> backendUrl = Optional.empty();
        Optional<String> backendUser = Optional.empty();
        Optional<String> backendPassword = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        Optional<BackendMode> backendMode = Optional.empty();
        Optional<TlsMode> tlsMode = Optional.empty();
        Optional<Path> tlsCertificate = Optional.empty();
        Optional<Path> tlsKey = Optional.empty();
        boolean tlsSelfSigned = false;
        Optional<Path> tlsClientCa = Optional.empty();
        Optional<ClientCertificateMode> tlsClientCertificates = Optional.empty();
        Optional<Path> unixSocketDirectory = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                throw cli("unexpected argument #" + (i + 1)
                        + "; pgbridge takes only flags (a config file is given with --config FILE), see --help");
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Flag flag = Flag.named(name).orElseThrow(() -> cli("unknown option " + name
                    + Suggestions.hint(name, Flag.names()) + ", see --help"));
            if (!seen.add(flag)) {
                throw cli(flag.name + " is given more than once");
            }
            String value = null;
            if (flag.takesValue()) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length && Flag.named(args[i + 1]).isEmpty()) {
                    value = args[++i];
                } else {
                    throw cli(flag.name + " needs a value: " + flag.name + " "
                            + flag.valueName);
                }
                if (value.isEmpty()) {
                    throw cli(flag.name + " needs a non-empty value");
                }
            } else if (equals >= 0) {
                throw cli(flag.name + " takes no value");
            }
            switch (flag) {
                case CONFIG -> configFile = Optional.of(path(flag, value));
                case HOST -> host = Optional.of(value);
                case PORT -> port = Optional.of(port(value));
                case UNIX_SOCKET_DIR -> unixSocketDirectory = Optional.of(path(flag, value));
                case BACKEND -> backendUrl = Optional.of(value);
                case BACKEND_USER -> backendUser = Optional.of(value);
                case BACKEND_PASSWORD -> backendPassword = Optional.of(value);
                case DATA_DIR -> dataDir = Optional.of(path(flag, value));
                case BACKEND_MODE -> backendMode = Optional.of(BackendMode.fromConfigName(value).orElseThrow(
                        () -> cli("--backend-mode takes jdbc or passthrough")));
                case TLS -> tlsMode = Optional.of(TlsMode.fromConfigName(value).orElseThrow(
                        () -> cli("--tls takes disabled, enabled or required")));
                case TLS_CERTIFICATE -> tlsCertificate = Optional.of(path(flag, value));
                case TLS_KEY -> tlsKey = Optional.of(path(flag, value));
                case TLS_SELF_SIGNED -> tlsSelfSigned = true;
                case TLS_CLIENT_CA -> tlsClientCa = Optional.of(path(flag, value));
                case TLS_CLIENT_CERTIFICATES -> tlsClientCertificates = Optional.of(ClientCertificateMode
                        .fromConfigName(value).orElseThrow(
                                () -> cli("--tls-client-certificates takes none, optional or required")));
                case HELP -> help = true;
                case VERSION -> version = true;
            }
        }
        if (backendPassword.isEmpty()) {
            backendPassword = Optional.ofNullable(environment.get(BACKEND_PASSWORD_ENV));
        }
        return new CliOptions(help, version, configFile, host, port, backendUrl, backendUser, backendPassword,
                backendMode, dataDir, environment, tlsMode, tlsCertificate, tlsKey, tlsSelfSigned, tlsClientCa,
                tlsClientCertificates, unixSocketDirectory);
    }

    /** The {@code --help} text: every flag, precedence, and the YAML file format. */
    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: pgbridge [options]

                A PostgreSQL wire-protocol proxy that runs client SQL on a JDBC database. With no options it
                listens on 127.0.0.1:5433 and keeps data in an embedded H2 database under ./data.

                Options:
                """);
        for (Flag flag : Flag.values()) {
            String left = flag.takesValue() ? flag.name + " " + flag.valueName : flag.name;
            text.append("  ").append(String.format("%-29s", left)).append(flag.description).append('\n');
        }
        text.append("""

                Values may also be written --port=5433. Flags win over the config file, which wins over
                the defaults. --backend replaces all configured backends and routes.

                pgbridge passwd USER reads a password (twice on a terminal, else one line of standard
                input) and prints the SCRAM-SHA-256 verifier to put under auth.users.

                Config file (YAML; ${VAR} and ${VAR:-default} are read from the environment;
                durations like 500ms, 30s, 10m, 1h; sizes like 10000, 64MB, 1GiB):
                  listen: { host: 127.0.0.1, port: 5433, auth: trust, allow_trust_on_network: false,
                            tls: enabled, tls_certificate: server.crt, tls_key: server.key,
                            tls_client_ca: clients-ca.crt, tls_client_certificates: optional }
                  auth:                    # users make scram-sha-256 the default listen.auth
                    users:                 # verifiers only: ./pgbridge passwd USER prints one
                      alice: "SCRAM-SHA-256$4096:cGdicmlkZ2UtZXhhbXBsZQ==$/CdjMavBkW5yQuVS9dQMNW2aH8fvFcq2A56pzY4Afhg=:bd9nkU4IQWFrkwfvXu/RRp+yYvYo6g9TVmzvFR6G1dc="
                    rules:                 # pg_hba style, first match wins, no match = refused
                      - hostssl all all 0.0.0.0/0 scram-sha-256
                      - host all all 127.0.0.1/32 md5
                      - hostssl all batch all cert   # client certificate with CN = user name
                      - hostssl all all 10.0.0.0/8 passthrough   # the backend checks user and password
                    allow_cleartext_without_tls: false
                    timeout: 60s
                    failure_delay: 500ms
                  data_dir: ./data
                  default_backend: maria
                  backends:
                    maria:
                      url: jdbc:mariadb://127.0.0.1:3306/test
                      user: root
                      password: ${MARIA_PASSWORD:-}
                      pool: { maximum_pool_size: 20, minimum_idle: 0, connection_timeout: 30s,
                              idle_timeout: 10m, max_lifetime: 30m }
                      properties: { useServerPrepStmts: "false" }
                    pg:
                      url: jdbc:postgresql://127.0.0.1:5432/app
                      mode: passthrough    # PostgreSQL only: relay the protocol (default: jdbc)
                  routes:                  # client database name -> backend
                    test: maria
                  limits: { max_message_size: 64MB, max_startup_packet_size: 10000, startup_timeout: 60s,
                            fetch_size: 1000, shutdown_grace: 10s, max_connections: 1000,
                            statement_timeout: 30s, idle_in_transaction_session_timeout: 5min,
                            idle_session_timeout: 0, max_connections_per_user: 50,
                            max_connections_per_database: -1, user_connection_limits: { batch: 5 },
                            database_connection_limits: { reports: 20 },
                            connection_rate_per_address: 50/s, connection_rate_exempt_loopback: false }
                """);
        return text.toString();
    }

    private static ConfigException cli(String problem) {
        return new ConfigException("command line", 0, null, problem, null);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw cli("--port: expected a port number from 0 to 65535, got "
                + Values.quote(value));
    }

    private static Path path(Flag flag, String value) {
        try {
            return Values.path().parse(value);
        } catch (ConfigException e) {
            throw cli(flag.name + ": " + e.problem());
        }
    }
}
