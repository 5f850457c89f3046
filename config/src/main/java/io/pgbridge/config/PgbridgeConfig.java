package io.pgbridge.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole pgbridge configuration, immutable and already validated: if a {@code PgbridgeConfig} exists,
 * every route names a backend and every value is in range.
 *
 * @param listen where clients connect
 * @param backends the databases, by name, in the order written
 * @param defaultBackend the backend for clients whose database has no route; null means the first backend
 * @param databaseRoutes client database name (from the startup packet) → backend name; null means none
 * @param limits resource bounds
 * @param dataDir directory for pgbridge's own files, including the embedded H2 database
 * @param auth users and authentication rules
 */
public record PgbridgeConfig(
        ListenConfig listen,
        Map<String, BackendConfig> backends,
        String defaultBackend,
        Map<String, String> databaseRoutes,
        LimitsConfig limits,
        Path dataDir,
        AuthConfig auth) {

    public static final Path DEFAULT_DATA_DIR = Path.of("./data");

    public PgbridgeConfig {
        if (listen == null) {
            throw new ConfigException("listen", "required");
        }
        if (limits == null) {
            throw new ConfigException("limits", "required");
        }
        if (dataDir == null) {
            throw new ConfigException("data_dir", "required");
        }
        backends = copyBackends(backends);
        if (defaultBackend == null) {
            defaultBackend = backends.keySet().iterator().next();
        } else if (!backends.containsKey(defaultBackend)) {
            throw new ConfigException("default_backend", noSuchBackend(defaultBackend, backends));
        }
        databaseRoutes = copyRoutes(databaseRoutes, backends);
        if (auth == null) {
            auth = AuthConfig.defaults();
        }
        if (!listen.loopback() && !listen.allowTrustOnNetwork()
                && auth.rules().stream().anyMatch(rule -> rule.method() == AuthMode.TRUST
                        && rule.connection() != HbaRule.Connection.LOCAL)) {
            throw new ConfigException("auth.rules", "a trust rule on " + listen.host() + ", which is not a loopback"
                    + " address, would let anyone who can reach it connect without a password; set"
                    + " listen.allow_trust_on_network: true to accept that risk");
        }
        if (auth.effectiveRules(listen.auth()).stream().anyMatch(rule -> rule.method() == AuthMode.PASSTHROUGH)) {
            for (BackendConfig backend : backends.values()) {
                if (backend.url().startsWith("jdbc:sqlite:")) {
                    throw new ConfigException(auth.rules().isEmpty() ? "listen.auth" : "auth.rules", "the"
                            + " passthrough method logs clients in to the backend with their own password, but"
                            + " backend " + backend.name() + " is SQLite, which has no accounts");
                }
            }
        }
        if (!listen.tls().asksForClientCertificates() && auth.effectiveRules(listen.auth()).stream()
                .anyMatch(rule -> rule.clientCertificate() != HbaRule.ClientCertificateCheck.NONE)) {
            throw new ConfigException(auth.rules().isEmpty() ? "listen.auth" : "auth.rules", "the cert method and"
                    + " clientcert= need client certificates: set listen.tls_client_ca to the PEM file of the"
                    + " authorities that sign them");
        }
    }

    /** With the default authentication: the listener's method for everyone. */
    public PgbridgeConfig(ListenConfig listen, Map<String, BackendConfig> backends, String defaultBackend,
                          Map<String, String> databaseRoutes, LimitsConfig limits, Path dataDir) {
        this(listen, backends, defaultBackend, databaseRoutes, limits, dataDir, AuthConfig.defaults());
    }

    /** Listen on 127.0.0.1:5433 and keep data in the embedded H2 database under {@code ./data}. */
    public static PgbridgeConfig defaults() {
        BackendConfig h2 = BackendConfig.embeddedH2(DEFAULT_DATA_DIR);
        return new PgbridgeConfig(ListenConfig.defaults(), Map.of(h2.name(), h2), h2.name(), Map.of(),
                LimitsConfig.defaults(), DEFAULT_DATA_DIR);
    }

    /**
     * The backend for a client's database: its route if it has one, else the backend of the same name, else
     * the default backend. Never null; a null database gets the default.
     */
    public BackendConfig backendFor(String database) {
        if (database != null) {
            String routed = databaseRoutes.get(database);
            if (routed != null) {
                return backends.get(routed);
            }
            BackendConfig sameName = backends.get(database);
            if (sameName != null) {
                return sameName;
            }
        }
        return defaultBackendConfig();
    }

    /** The backend named by {@link #defaultBackend()}. */
    public BackendConfig defaultBackendConfig() {
        return backends.get(defaultBackend);
    }

    /** The event loops to start: {@link ListenConfig#effectiveIoThreads(boolean)}, relay-only when every backend is. */
    public int effectiveIoThreads() {
        return listen.effectiveIoThreads(backends.values().stream().allMatch(b -> b.mode() == BackendMode.PASSTHROUGH));
    }

    public PgbridgeConfig withListen(ListenConfig newListen) {
        return new PgbridgeConfig(newListen, backends, defaultBackend, databaseRoutes, limits, dataDir, auth);
    }

    public PgbridgeConfig withLimits(LimitsConfig newLimits) {
        return new PgbridgeConfig(listen, backends, defaultBackend, databaseRoutes, newLimits, dataDir, auth);
    }

    public PgbridgeConfig withAuth(AuthConfig newAuth) {
        return new PgbridgeConfig(listen, backends, defaultBackend, databaseRoutes, limits, dataDir, newAuth);
    }

    /** A new data directory; embedded H2 backends move along with it, other backends stay as they are. */
    public PgbridgeConfig withDataDir(Path newDataDir) {
        Map<String, BackendConfig> moved = new LinkedHashMap<>();
        backends.forEach((name, backend) -> moved.put(name,
                backend.embedded() ? backend.withUrl(BackendConfig.embeddedH2Url(newDataDir)) : backend));
        return new PgbridgeConfig(listen, moved, defaultBackend, databaseRoutes, limits, newDataDir, auth);
    }

    /** Adds {@code backend}, or replaces the backend of the same name in place. */
    public PgbridgeConfig withBackend(BackendConfig backend) {
        Map<String, BackendConfig> updated = new LinkedHashMap<>(backends);
        updated.put(backend.name(), backend);
        return new PgbridgeConfig(listen, updated, defaultBackend, databaseRoutes, limits, dataDir, auth);
    }

    /** Only {@code backend}, which becomes the default; routes are dropped since their targets are gone. */
    public PgbridgeConfig withOnlyBackend(BackendConfig backend) {
        return new PgbridgeConfig(listen, Map.of(backend.name(), backend), backend.name(), Map.of(), limits, dataDir,
                auth);
    }

    private static Map<String, BackendConfig> copyBackends(Map<String, BackendConfig> backends) {
        if (backends == null || backends.isEmpty()) {
            throw new ConfigException("backends", "at least one backend is required");
        }
        Map<String, BackendConfig> copy = new LinkedHashMap<>();
        backends.forEach((name, backend) -> {
            if (backend == null) {
                throw new ConfigException("backends." + name, "expected a backend, got nothing");
            }
            if (!backend.name().equals(name)) {
                throw new ConfigException("backends." + name,
                        "is listed under a different name than its own (" + backend.name() + ")");
            }
            copy.put(name, backend);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> copyRoutes(Map<String, String> routes, Map<String, BackendConfig> backends) {
        if (routes == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        routes.forEach((database, backend) -> {
            if (database == null || database.isEmpty()) {
                throw new ConfigException("routes", "a database name must not be empty");
            }
            if (backend == null || !backends.containsKey(backend)) {
                throw new ConfigException("routes." + database, noSuchBackend(backend, backends));
            }
            copy.put(database, backend);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static String noSuchBackend(String name, Map<String, BackendConfig> backends) {
        String shown = name == null ? "nothing" : Values.quote(name);
        return "expected the name of a backend, got " + shown
                + (name == null ? "" : Suggestions.hint(name, backends.keySet()))
                + "; backends are " + String.join(", ", backends.keySet());
    }
}
