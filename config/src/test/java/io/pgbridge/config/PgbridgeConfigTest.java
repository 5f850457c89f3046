package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgbridgeConfigTest {
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static BackendConfig backend(String name) {
        return new BackendConfig(name, "jdbc:h2:mem:" + name, null, null, null, null);
    }

    @Test
    void defaultsListenOnLoopbackWithTheEmbeddedH2() {
        PgbridgeConfig config = PgbridgeConfig.defaults();

        assertThat(config.listen()).isEqualTo(new ListenConfig("127.0.0.1", 5433, AuthMode.TRUST, false));
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.backends()).containsOnlyKeys("default");
        assertThat(config.defaultBackend()).isEqualTo("default");
        assertThat(config.databaseRoutes()).isEmpty();
        assertThat(config.limits()).isEqualTo(LimitsConfig.defaults());
        BackendConfig h2 = config.defaultBackendConfig();
        assertThat(h2.url()).isEqualTo("jdbc:h2:file:./data/pgbridge" + H2_OPTIONS);
        assertThat(h2.embedded()).isTrue();
        assertThat(h2.pool()).isEqualTo(PoolConfig.defaults());
    }

    @Test
    void aRelayOnlyProxyStartsFewerEventLoops() {
        int cores = Runtime.getRuntime().availableProcessors();
        PgbridgeConfig h2 = PgbridgeConfig.defaults();
        assertThat(h2.effectiveIoThreads()).isEqualTo(cores);
        PgbridgeConfig relay = h2.withOnlyBackend(new BackendConfig("pg", "jdbc:postgresql://127.0.0.1/x", null, null,
                null, null, BackendMode.PASSTHROUGH));
        assertThat(relay.effectiveIoThreads()).isEqualTo(Math.max(1, cores / 4));
        assertThat(relay.withListen(relay.listen().withPort(1)).effectiveIoThreads()).isEqualTo(Math.max(1, cores / 4));
        assertThat(new ListenConfig("127.0.0.1", 1, AuthMode.TRUST, false, TlsConfig.disabled(), 3,
                SessionThreads.PLATFORM).effectiveIoThreads(true)).as("an explicit count wins").isEqualTo(3);
    }

    @Test
    void embeddedH2UrlKeepsRelativePathsExplicitlyRelative() {
        assertThat(BackendConfig.embeddedH2Url(Path.of("data"))).isEqualTo("jdbc:h2:file:./data/pgbridge" + H2_OPTIONS);
        assertThat(BackendConfig.embeddedH2Url(Path.of("/var/lib/x/"))).isEqualTo("jdbc:h2:file:/var/lib/x/pgbridge" + H2_OPTIONS);
        assertThat(backend("x").embedded()).isFalse();
        assertThat(new BackendConfig("x", "jdbc:h2:file:./data/other" + H2_OPTIONS, null, null, null, null).embedded())
                .isFalse();
    }

    @Test
    void withDataDirMovesOnlyEmbeddedBackends() {
        PgbridgeConfig config = PgbridgeConfig.defaults().withBackend(backend("mem")).withDataDir(Path.of("/srv/d"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/d"));
        assertThat(config.backends().get("default").url()).isEqualTo("jdbc:h2:file:/srv/d/pgbridge" + H2_OPTIONS);
        assertThat(config.backends().get("mem").url()).isEqualTo("jdbc:h2:mem:mem");
    }

    @Test
    void backendForPrefersRouteThenSameNameThenDefault() {
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        backends.put("maria", backend("maria"));
        backends.put("pg", backend("pg"));
        backends.put("sqlite", backend("sqlite"));
        PgbridgeConfig config = new PgbridgeConfig(ListenConfig.defaults(), backends, "sqlite",
                Map.of("test", "maria", "pg", "maria"), LimitsConfig.defaults(), Path.of("d"));

        assertThat(config.backendFor("test").name()).isEqualTo("maria");
        assertThat(config.backendFor("pg").name()).as("a route wins over a same-named backend").isEqualTo("maria");
        assertThat(config.backendFor("maria").name()).isEqualTo("maria");
        assertThat(config.backendFor("unknown").name()).isEqualTo("sqlite");
        assertThat(config.backendFor(null).name()).isEqualTo("sqlite");
        assertThat(config.backendFor("TEST").name()).as("database names are case-sensitive").isEqualTo("sqlite");
    }

    @Test
    void collectionsAreDefensiveUnmodifiableCopiesInWrittenOrder() {
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        backends.put("zeta", backend("zeta"));
        backends.put("alpha", backend("alpha"));
        Map<String, String> routes = new HashMap<>(Map.of("db", "alpha"));
        Map<String, String> properties = new HashMap<>(Map.of("k", "v"));
        PgbridgeConfig config = new PgbridgeConfig(ListenConfig.defaults(), backends, null, routes,
                LimitsConfig.defaults(), Path.of("d"));
        BackendConfig b = new BackendConfig("b", "jdbc:x:", null, null, null, properties);

        backends.clear();
        routes.clear();
        properties.clear();

        assertThat(config.backends().keySet()).containsExactly("zeta", "alpha");
        assertThat(config.defaultBackend()).isEqualTo("zeta");
        assertThat(config.databaseRoutes()).containsEntry("db", "alpha");
        assertThat(b.properties()).containsEntry("k", "v");
        assertThatThrownBy(() -> config.backends().put("x", backend("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.databaseRoutes().put("x", "zeta")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorsNameTheBadKey() {
        assertThatThrownBy(() -> new PgbridgeConfig(ListenConfig.defaults(), Map.of(), null, null,
                LimitsConfig.defaults(), Path.of("d"))).hasMessage("backends: at least one backend is required");
        assertThatThrownBy(() -> new PgbridgeConfig(ListenConfig.defaults(), Map.of("a", backend("b")), null, null,
                LimitsConfig.defaults(), Path.of("d")))
                .hasMessage("backends.a: is listed under a different name than its own (b)");
        assertThatThrownBy(() -> PgbridgeConfig.defaults().withListen(null)).hasMessage("listen: required");
        assertThatThrownBy(() -> new ListenConfig(" ", 1, AuthMode.TRUST, false))
                .hasMessage("host: expected a host name or IP address, got an empty value");
        assertThatThrownBy(() -> new ListenConfig("127.0.0.1", -1, AuthMode.TRUST, false))
                .hasMessage("port: expected a port number from 0 to 65535, got -1");
        assertThatThrownBy(() -> new ListenConfig("127.0.0.1", 1, null, false))
                .hasMessage("auth: expected one of [trust, scram-sha-256, md5, password, cert, passthrough, reject], got nothing");
        assertThatThrownBy(() -> new BackendConfig("b", null, null, null, null, null))
                .hasMessage("url: required, e.g. url: jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThatThrownBy(() -> new LimitsConfig(4, 16, java.time.Duration.ofSeconds(1), 1,
                java.time.Duration.ofMillis(-1))).hasMessage("shutdown_grace: expected a duration of 0 or more, got -1ms");
    }

    @Test
    void toStringNeverShowsPasswords() {
        BackendConfig b = new BackendConfig("maria", "jdbc:mariadb://root:urlpw@h/db?password=qpw&x=1", "root",
                "hunter2", null, Map.of("password", "proppw", "sslKeyToken", "tok", "useSsl", "true"));
        String all = PgbridgeConfig.defaults().withOnlyBackend(b).toString() + b;

        assertThat(b.toString()).contains("password=***").contains("user=root").contains("useSsl=true")
                .contains("jdbc:mariadb://root:***@h/db?password=***&x=1");
        assertThat(all).doesNotContain("hunter2", "urlpw", "qpw", "proppw", "tok}");
        assertThat(b.withPassword(null).toString()).contains("password=null");
        assertThat(b.password()).as("the value itself stays available to the pool").isEqualTo("hunter2");
    }

    @Test
    void trustIsAllowedOnLoopbackOnlyUnlessOptedIn() {
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
            assertThat(new ListenConfig(loopback, 0, AuthMode.TRUST, false).loopback()).as(loopback).isTrue();
        }
        for (String network : new String[] {"0.0.0.0", "::", "10.0.0.1", "db.example.com", "128.0.0.1"}) {
            assertThatThrownBy(() -> new ListenConfig(network, 0, AuthMode.TRUST, false)).as(network)
                    .hasMessageStartingWith("host: " + network + " is not a loopback address and auth is trust")
                    .hasMessageContaining("listen.allow_trust_on_network: true");
            assertThat(new ListenConfig(network, 0, AuthMode.TRUST, true).loopback()).isFalse();
        }
    }

    @Test
    void poolAcceptsZeroAsNeverForIdleTimeoutAndMaxLifetime() {
        PoolConfig pool = new PoolConfig(1, 1, java.time.Duration.ofMillis(250), java.time.Duration.ZERO,
                java.time.Duration.ZERO);

        assertThat(pool.idleTimeout()).isZero();
        assertThat(pool.maxLifetime()).isZero();
    }
}
