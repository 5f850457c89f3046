package io.pgbridge.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a pgbridge YAML file into a validated {@link PgbridgeConfig}. The YAML is only composed into a node
 * tree and never constructed into objects, so a file cannot instantiate Java types; working on nodes also
 * keeps line numbers for every error. See {@code package-info.java} for the schema.
 */
public final class ConfigLoader {
    static final List<String> ROOT_KEYS =
            List.of("listen", "data_dir", "default_backend", "backends", "routes", "limits", "auth");
    static final List<String> LISTEN_KEYS = List.of("host", "port", "auth", "allow_trust_on_network",
            "tls", "tls_certificate", "tls_key", "tls_self_signed", "tls_client_ca", "tls_client_certificates",
            "io_threads", "session_threads", "unix_socket_directory", "unix_socket_permissions");
    static final List<String> AUTH_KEYS =
            List.of("users", "rules", "allow_cleartext_without_tls", "timeout", "failure_delay");
    static final List<String> BACKEND_KEYS = List.of("url", "user", "password", "mode", "pool", "properties");
    static final List<String> POOL_KEYS =
            List.of("maximum_pool_size", "minimum_idle", "connection_timeout", "idle_timeout", "max_lifetime");
    static final List<String> LIMITS_KEYS = List.of(
            "max_message_size", "max_startup_packet_size", "startup_timeout", "fetch_size", "shutdown_grace",
            "max_connections", "statement_timeout", "idle_in_transaction_session_timeout", "idle_session_timeout",
            "max_connections_per_user", "max_connections_per_database", "user_connection_limits",
            "database_connection_limits", "connection_rate_per_address", "connection_rate_exempt_loopback");

    /** Configuration files are small; a bigger one is a mistake (or an attack on the parser). */
    private static final int MAX_FILE_CHARS = 1 << 20;

    private ConfigLoader() {
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from the process environment. */
    public static PgbridgeConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from {@code env}. */
    public static PgbridgeConfig load(Path file, Map<String, String> env) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, null, "file not found", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, 0, null, "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, null, "cannot read: " + e, e);
        }
        return load(text, source, env);
    }

    /** Loads YAML text; {@code sourceName} names it in error messages. Uses the process environment. */
    public static PgbridgeConfig load(String yamlText, String sourceName) {
        return load(yamlText, sourceName, System.getenv());
    }

    /** Loads YAML text; {@code sourceName} names it in error messages; {@code ${VAR}} come from {@code env}. */
    public static PgbridgeConfig load(String yamlText, String sourceName, Map<String, String> env) {
        return read(YamlSection.root(compose(yamlText, sourceName), sourceName, Map.copyOf(env)));
    }

    private static Node compose(String yamlText, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FILE_CHARS);
        try {
            Composer composer =
                    new Composer(new ParserImpl(new StreamReader(new StringReader(yamlText)), options), new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            // Built from the parts rather than getMessage(), which quotes the offending line (maybe a password).
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
            throw new ConfigException(source, mark == null ? 0 : mark.getLine() + 1, null,
                    "invalid YAML: " + problem, null);
        } catch (YAMLException e) {
            throw new ConfigException(source, 0, null, "invalid YAML: " + e.getMessage(), null);
        }
    }

    private static PgbridgeConfig read(YamlSection root) {
        root.allowOnly(ROOT_KEYS);
        AuthConfig auth = auth(root.section("auth"));
        ListenConfig listen = listen(root.section("listen"),
                auth.users().isEmpty() ? AuthMode.TRUST : AuthMode.SCRAM_SHA_256);
        var dataDir = root.value("data_dir", Values.path()).orElse(PgbridgeConfig.DEFAULT_DATA_DIR);
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        root.section("backends").sections().forEach((name, section) -> backends.put(name, backend(name, section)));
        if (backends.isEmpty()) {
            BackendConfig h2 = root.build(() -> BackendConfig.embeddedH2(dataDir));
            backends.put(h2.name(), h2);
        }
        String defaultBackend = root.value("default_backend", Values.text()).orElse(null);
        Map<String, String> routes = root.section("routes").scalars();
        LimitsConfig limits = limits(root.section("limits"));
        return root.build(() -> new PgbridgeConfig(listen, backends, defaultBackend, routes, limits, dataDir, auth));
    }

    /** {@code defaultAuth}: trust, or scram-sha-256 as soon as users with passwords are configured. */
    private static ListenConfig listen(YamlSection s, AuthMode defaultAuth) {
        s.allowOnly(LISTEN_KEYS);
        String host = s.value("host", Values.text()).orElse(ListenConfig.DEFAULT_HOST);
        int port = s.value("port", Values.integer("a port number from 0 to 65535")).orElse(ListenConfig.DEFAULT_PORT);
        AuthMode auth = s.value("auth", ConfigLoader::authMode).orElse(defaultAuth);
        boolean allowTrust = s.value("allow_trust_on_network", Values.bool()).orElse(false);
        var certificate = s.value("tls_certificate", Values.path()).orElse(null);
        var key = s.value("tls_key", Values.path()).orElse(null);
        boolean selfSigned = s.value("tls_self_signed", Values.bool()).orElse(false);
        TlsMode tlsMode = s.value("tls", ConfigLoader::tlsMode).orElse(TlsConfig.defaultMode(certificate, selfSigned));
        var clientCa = s.value("tls_client_ca", Values.path()).orElse(null);
        var clientCertificates = s.value("tls_client_certificates", ConfigLoader::clientCertificateMode).orElse(null);
        TlsConfig tls = s.build(() -> new TlsConfig(tlsMode, certificate, key, selfSigned, clientCa,
                clientCertificates));
        int ioThreads = s.value("io_threads", Values.integer("0 (one per core) or a thread count")).orElse(0);
        SessionThreads sessionThreads = s.value("session_threads", ConfigLoader::sessionThreads)
                .orElse(SessionThreads.PLATFORM);
        var socketDirectory = s.value("unix_socket_directory", Values.path()).orElse(null);
        int socketPermissions = s.value("unix_socket_permissions", Values.octalMode())
                .orElse(UnixSocketConfig.DEFAULT_PERMISSIONS);
        UnixSocketConfig unixSocket = s.build(() -> new UnixSocketConfig(socketDirectory, socketPermissions));
        return s.build(() -> new ListenConfig(host, port, auth, allowTrust, tls, ioThreads, sessionThreads,
                unixSocket));
    }

    private static TlsMode tlsMode(String text) {
        return TlsMode.fromConfigName(text).orElseThrow(() -> new ConfigException("expected one of "
                + String.join(", ", TlsMode.configNames()) + ", got " + Values.quote(text)));
    }

    private static ClientCertificateMode clientCertificateMode(String text) {
        return ClientCertificateMode.fromConfigName(text).orElseThrow(() -> new ConfigException("expected one of "
                + String.join(", ", ClientCertificateMode.configNames()) + ", got " + Values.quote(text)));
    }

    private static AuthConfig auth(YamlSection s) {
        s.allowOnly(AUTH_KEYS);
        var rules = s.list("rules", HbaRule::parse);
        Map<String, String> users = s.section("users").scalars();
        boolean cleartext = s.value("allow_cleartext_without_tls", Values.bool()).orElse(false);
        var timeout = s.value("timeout", Values.duration()).orElse(AuthConfig.DEFAULT_TIMEOUT);
        var failureDelay = s.value("failure_delay", Values.duration()).orElse(AuthConfig.DEFAULT_FAILURE_DELAY);
        return s.build(() -> new AuthConfig(rules, users, cleartext, timeout, failureDelay));
    }

    private static AuthMode authMode(String text) {
        return AuthMode.fromConfigName(text.strip()).orElseThrow(() -> new ConfigException("expected one of "
                + String.join(", ", AuthMode.configNames()) + ", got " + Values.quote(text)));
    }

    private static BackendMode backendMode(String text) {
        return BackendMode.fromConfigName(text.strip()).orElseThrow(() -> new ConfigException(
                "expected jdbc or passthrough, got " + Values.quote(text)));
    }

    private static SessionThreads sessionThreads(String text) {
        return SessionThreads.fromConfigName(text.strip()).orElseThrow(() -> new ConfigException(
                "expected platform or virtual, got " + Values.quote(text)));
    }

    private static BackendConfig backend(String name, YamlSection s) {
        s.allowOnly(BACKEND_KEYS);
        String url = s.value("url", Values.text())
                .orElseThrow(() -> s.missing("url", "url: jdbc:postgresql://127.0.0.1:5432/postgres"));
        String user = s.value("user", Values.text()).orElse(null);
        String password = s.value("password", Values.text()).orElse(null);
        BackendMode mode = s.value("mode", ConfigLoader::backendMode).orElse(BackendMode.JDBC);
        PoolConfig pool = pool(s.section("pool"));
        Map<String, String> properties = s.section("properties").scalars();
        return s.build(() -> new BackendConfig(name, url, user, password, pool, properties, mode));
    }

    private static PoolConfig pool(YamlSection s) {
        s.allowOnly(POOL_KEYS);
        int max = s.value("maximum_pool_size", Values.integer("a positive integer"))
                .orElse(PoolConfig.DEFAULT_MAXIMUM_POOL_SIZE);
        int minIdle = s.value("minimum_idle", Values.integer("an integer from 0 to maximum_pool_size"))
                .orElse(PoolConfig.DEFAULT_MINIMUM_IDLE);
        var connectionTimeout = s.value("connection_timeout", Values.duration())
                .orElse(PoolConfig.DEFAULT_CONNECTION_TIMEOUT);
        var idleTimeout = s.value("idle_timeout", Values.duration()).orElse(PoolConfig.DEFAULT_IDLE_TIMEOUT);
        var maxLifetime = s.value("max_lifetime", Values.duration()).orElse(PoolConfig.DEFAULT_MAX_LIFETIME);
        return s.build(() -> new PoolConfig(max, minIdle, connectionTimeout, idleTimeout, maxLifetime));
    }

    private static LimitsConfig limits(YamlSection s) {
        s.allowOnly(LIMITS_KEYS);
        int maxMessage = s.value("max_message_size", Values.size()).orElse(LimitsConfig.DEFAULT_MAX_MESSAGE_SIZE);
        int maxStartup = s.value("max_startup_packet_size", Values.size())
                .orElse(LimitsConfig.DEFAULT_MAX_STARTUP_PACKET_SIZE);
        var startupTimeout = s.value("startup_timeout", Values.duration()).orElse(LimitsConfig.DEFAULT_STARTUP_TIMEOUT);
        int fetchSize = s.value("fetch_size", Values.integer("a positive integer")).orElse(LimitsConfig.DEFAULT_FETCH_SIZE);
        var shutdownGrace = s.value("shutdown_grace", Values.duration()).orElse(LimitsConfig.DEFAULT_SHUTDOWN_GRACE);
        int maxConnections = s.value("max_connections", Values.integer("a positive integer"))
                .orElse(LimitsConfig.DEFAULT_MAX_CONNECTIONS);
        SessionTimeouts timeouts = s.build(() -> new SessionTimeouts(
                s.value("statement_timeout", Values.pgTime()).orElse(Duration.ZERO),
                s.value("idle_in_transaction_session_timeout", Values.pgTime()).orElse(Duration.ZERO),
                s.value("idle_session_timeout", Values.pgTime()).orElse(Duration.ZERO)));
        ConnectionLimits connections = connectionLimits(s);
        return s.build(() -> new LimitsConfig(maxMessage, maxStartup, startupTimeout, fetchSize, shutdownGrace,
                maxConnections, timeouts, connections));
    }

    private static ConnectionLimits connectionLimits(YamlSection s) {
        Values.Parser<Integer> limit = Values.integer("a number of connections, 0 or more, or -1 for no limit");
        int perUser = s.value("max_connections_per_user", limit).orElse(ConnectionLimits.NO_LIMIT);
        int perDatabase = s.value("max_connections_per_database", limit).orElse(ConnectionLimits.NO_LIMIT);
        Map<String, Integer> byUser = limitsByName(s.section("user_connection_limits"), limit);
        Map<String, Integer> byDatabase = limitsByName(s.section("database_connection_limits"), limit);
        var rate = s.value("connection_rate_per_address", ConnectionLimits.ConnectionRate::parse).orElse(null);
        boolean exemptLoopback = s.value("connection_rate_exempt_loopback", Values.bool()).orElse(false);
        return s.build(() -> new ConnectionLimits(perUser, perDatabase, byUser, byDatabase, rate, exemptLoopback));
    }

    private static Map<String, Integer> limitsByName(YamlSection s, Values.Parser<Integer> limit) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String name : s.scalars().keySet()) {
            limits.put(name, s.value(name, limit).orElse(ConnectionLimits.NO_LIMIT));
        }
        return s.build(() -> Map.copyOf(limits));
    }
}
