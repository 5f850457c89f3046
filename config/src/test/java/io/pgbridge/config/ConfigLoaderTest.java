package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void readsEveryKey() {
        PgbridgeConfig config = ConfigLoader.load("""
                listen: { host: 127.0.0.2, port: 6543, auth: trust, allow_trust_on_network: true, io_threads: 1,
                          session_threads: virtual }
                data_dir: /var/lib/pgbridge
                default_backend: pg
                backends:
                  maria:
                    url: jdbc:mariadb://127.0.0.1:3306/test
                    user: root
                    password: s3cret
                    pool: { maximum_pool_size: 7, minimum_idle: 2, connection_timeout: 500ms, idle_timeout: 1h, max_lifetime: 45m }
                    properties: { useServerPrepStmts: "false", connectTimeout: 5000 }
                  pg:
                    url: jdbc:postgresql://127.0.0.1:5432/postgres
                routes:
                  test: maria
                  app.prod: pg
                limits: { max_message_size: 1MiB, max_startup_packet_size: 20000, startup_timeout: 5s, fetch_size: 250, shutdown_grace: 0 }
                """, "all.yaml", NO_ENV);

        assertThat(config.listen()).isEqualTo(new ListenConfig("127.0.0.2", 6543, AuthMode.TRUST, true,
                TlsConfig.disabled(), 1, SessionThreads.VIRTUAL));
        assertThat(config.listen().effectiveIoThreads()).isEqualTo(1);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/pgbridge"));
        assertThat(config.defaultBackend()).isEqualTo("pg");
        assertThat(config.backends().keySet()).containsExactly("maria", "pg");
        BackendConfig maria = config.backends().get("maria");
        assertThat(maria.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(maria.user()).isEqualTo("root");
        assertThat(maria.password()).isEqualTo("s3cret");
        assertThat(maria.pool()).isEqualTo(new PoolConfig(7, 2, Duration.ofMillis(500), Duration.ofHours(1),
                Duration.ofMinutes(45)));
        assertThat(maria.properties()).containsExactly(
                Map.entry("useServerPrepStmts", "false"), Map.entry("connectTimeout", "5000"));
        assertThat(maria.embedded()).isFalse();
        BackendConfig pg = config.backends().get("pg");
        assertThat(pg.user()).isNull();
        assertThat(pg.password()).isNull();
        assertThat(pg.pool()).isEqualTo(PoolConfig.defaults());
        assertThat(pg.properties()).isEmpty();
        assertThat(config.databaseRoutes()).containsExactly(Map.entry("test", "maria"), Map.entry("app.prod", "pg"));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(1 << 20, 20_000, Duration.ofSeconds(5), 250, Duration.ZERO));
    }

    @Test
    void emptyFileGivesTheDefaults() {
        assertThat(ConfigLoader.load("", "empty.yaml", NO_ENV)).isEqualTo(PgbridgeConfig.defaults());
        assertThat(ConfigLoader.load("# only a comment\n", "c.yaml", NO_ENV)).isEqualTo(PgbridgeConfig.defaults());
        assertThat(ConfigLoader.load("listen:\nbackends: {}\nlimits:\n", "nulls.yaml", NO_ENV))
                .isEqualTo(PgbridgeConfig.defaults());
    }

    @Test
    void omittedKeysTakeTheirDefaults() {
        PgbridgeConfig config = ConfigLoader.load("""
                listen: { port: 7000 }
                backends:
                  b: { url: "jdbc:h2:mem:b", pool: { maximum_pool_size: 3 } }
                limits: { fetch_size: 10 }
                """, "partial.yaml", NO_ENV);

        assertThat(config.listen()).isEqualTo(new ListenConfig("127.0.0.1", 7000, AuthMode.TRUST, false));
        assertThat(config.backends().get("b").pool()).isEqualTo(new PoolConfig(3, 0, Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofMinutes(30)));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(64 << 20, 10_000, Duration.ofSeconds(60), 10,
                Duration.ofSeconds(10)));
        assertThat(config.defaultBackend()).isEqualTo("b");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void defaultBackendIsTheFirstWrittenNotTheFirstAlphabetically() {
        PgbridgeConfig config = ConfigLoader.load("""
                backends:
                  zeta: { url: "jdbc:h2:mem:z" }
                  alpha: { url: "jdbc:h2:mem:a" }
                """, "order.yaml", NO_ENV);

        assertThat(config.backends().keySet()).containsExactly("zeta", "alpha");
        assertThat(config.defaultBackend()).isEqualTo("zeta");
    }

    @Test
    void dataDirMovesTheEmbeddedH2WhenNoBackendsAreGiven() {
        PgbridgeConfig config = ConfigLoader.load("data_dir: /srv/pg\n", "d.yaml", NO_ENV);

        BackendConfig h2 = config.defaultBackendConfig();
        assertThat(h2.name()).isEqualTo("default");
        assertThat(h2.embedded()).isTrue();
        assertThat(h2.url()).isEqualTo(
                "jdbc:h2:file:/srv/pg/pgbridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void expandsEnvironmentVariablesInValues() {
        Map<String, String> env = Map.of("DB_HOST", "db.internal", "MARIA_PASSWORD", "from-env", "PORT", "6000");
        PgbridgeConfig config = ConfigLoader.load("""
                listen: { port: "${PORT}" }
                backends:
                  maria:
                    url: jdbc:mariadb://${DB_HOST}:${DB_PORT:-3306}/test
                    user: ${DB_USER:-root}
                    password: ${MARIA_PASSWORD}
                    properties: { literal: "$${NOT_EXPANDED}" }
                """, "env.yaml", env);

        BackendConfig maria = config.backends().get("maria");
        assertThat(config.listen().port()).isEqualTo(6000);
        assertThat(maria.url()).isEqualTo("jdbc:mariadb://db.internal:3306/test");
        assertThat(maria.user()).isEqualTo("root");
        assertThat(maria.password()).isEqualTo("from-env");
        assertThat(maria.properties()).containsEntry("literal", "${NOT_EXPANDED}");
    }

    @Test
    void emptyDefaultGivesAnEmptyPasswordNotNull() {
        PgbridgeConfig config = ConfigLoader.load("""
                backends:
                  maria: { url: "jdbc:mariadb://h/db", password: "${MARIA_PASSWORD:-}" }
                """, "p.yaml", NO_ENV);

        assertThat(config.backends().get("maria").password()).isEmpty();
    }

    @Test
    void quotedAndUnquotedScalarsMeanTheSame() {
        PgbridgeConfig config = ConfigLoader.load("""
                listen: { port: "5440", allow_trust_on_network: "false" }
                limits: { max_message_size: "2048", startup_timeout: 1500 }
                """, "q.yaml", NO_ENV);

        assertThat(config.listen().port()).isEqualTo(5440);
        assertThat(config.limits().maxMessageSize()).isEqualTo(2048);
        assertThat(config.limits().startupTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "listen: { port: 0 }\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "listen:\n  port: ten\n");

        assertThat(ConfigLoader.load(good, NO_ENV).listen().port()).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(bad, NO_ENV))
                .hasMessage(bad + ":2: listen.port: expected a port number from 0 to 65535, got \"ten\"");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml"), NO_ENV))
                .hasMessage(dir.resolve("missing.yaml") + ": file not found");
    }

    @Test
    void yamlAliasesWorkForSharedSettings() {
        PgbridgeConfig config = ConfigLoader.load("""
                backends:
                  a: { url: "jdbc:h2:mem:a", pool: &small { maximum_pool_size: 2 } }
                  b: { url: "jdbc:h2:mem:b", pool: *small }
                """, "alias.yaml", NO_ENV);

        assertThat(config.backends().get("b").pool().maximumPoolSize()).isEqualTo(2);
    }

    @Test
    void readsSessionTimeoutsAndConnectionLimits() {
        PgbridgeConfig config = ConfigLoader.load("""
                limits:
                  statement_timeout: 30s
                  idle_in_transaction_session_timeout: 1.5min
                  idle_session_timeout: 500ms
                  max_connections_per_user: 20
                  max_connections_per_database: -1
                  user_connection_limits: { batch: 2 }
                  database_connection_limits: { reports: 0 }
                  connection_rate_per_address: 50/s
                  connection_rate_exempt_loopback: true
                """, "pgbridge.yaml", Map.of());
        LimitsConfig limits = config.limits();
        assertThat(limits.timeouts()).isEqualTo(new SessionTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(90),
                Duration.ofMillis(500)));
        ConnectionLimits connections = limits.connections();
        assertThat(connections.forUser("batch")).isEqualTo(2);
        assertThat(connections.forUser("alice")).isEqualTo(20);
        assertThat(connections.forDatabase("reports")).isZero();
        assertThat(connections.forDatabase("app")).isEqualTo(ConnectionLimits.NO_LIMIT);
        assertThat(connections.ratePerAddress()).hasToString("50/s");
        assertThat(connections.rateExemptLoopback()).isTrue();
        assertThat(LimitsConfig.defaults().connections().countsSessions()).isFalse();
        assertThat(LimitsConfig.defaults().timeouts()).isEqualTo(SessionTimeouts.none());
    }
}
