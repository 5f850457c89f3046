package io.pgbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgbridge.config.ConfigLoader;
import io.pgbridge.config.PgbridgeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the shipped example configurations loadable: a broken example is the first thing users copy. */
class ExampleConfigsTest {
    /** Surefire runs in the module directory, which is where the examples live. */
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."));

    static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theExpectedExamplesExist() throws IOException {
        assertThat(exampleFiles()).extracting(f -> f.getFileName().toString()).contains(
                "actors-h2.yaml", "mariadb.yaml", "multi-backend.yaml", "network-tls.yaml", "postgres.yaml",
                "postgres-passthrough.yaml", "sqlite.yaml");
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void everyExampleLoadsWithAnEmptyEnvironment(Path file) {
        PgbridgeConfig config = ConfigLoader.load(file, Map.of());

        boolean trustSomewhere = config.auth().effectiveRules(config.listen().auth()).stream()
                .anyMatch(rule -> rule.method() == io.pgbridge.config.AuthMode.TRUST);
        assertThat(config.listen().loopback() || !trustSomewhere).as("examples must not expose trust auth").isTrue();
        assertThat(config.backends()).isNotEmpty();
        assertThat(config.defaultBackendConfig().url()).startsWith("jdbc:");
    }

    @Test
    void environmentVariablesReachTheBackend() {
        PgbridgeConfig config = ConfigLoader.load(EXAMPLES.resolve("mariadb.yaml"),
                Map.of("MARIA_HOST", "db.internal", "MARIA_PASSWORD", "pw"));

        assertThat(config.defaultBackendConfig().url()).isEqualTo("jdbc:mariadb://db.internal:3306/test");
        assertThat(config.defaultBackendConfig().password()).isEqualTo("pw");
    }

    @Test
    void multiBackendRoutesAsItsCommentsSay() {
        PgbridgeConfig config = ConfigLoader.load(EXAMPLES.resolve("multi-backend.yaml"), Map.of());

        assertThat(config.backendFor("test").name()).isEqualTo("maria");
        assertThat(config.backendFor("pg").name()).isEqualTo("pg");
        assertThat(config.backendFor("other").name()).isEqualTo("h2");
    }

    @Test
    void theNetworkExampleRequiresTlsAndAPassword() {
        PgbridgeConfig config = ConfigLoader.load(EXAMPLES.resolve("network-tls.yaml"), Map.of());
        assertThat(config.listen().tls().mode()).isEqualTo(io.pgbridge.config.TlsMode.REQUIRED);
        assertThat(config.listen().auth()).isEqualTo(io.pgbridge.config.AuthMode.SCRAM_SHA_256);
        assertThat(config.auth().rules()).extracting(Object::toString)
                .containsExactly("hostssl all app all scram-sha-256", "host all all all reject");
        assertThat(config.limits().maxConnections()).isEqualTo(200);
        assertThat(config.limits().connections().forUser("batch")).isEqualTo(5);
        assertThat(config.limits().connections().forUser("app")).isEqualTo(50);
        assertThat(config.limits().connections().forDatabase("reports")).isEqualTo(20);
        assertThat(config.limits().connections().ratePerAddress()).hasToString("20/s");
        assertThat(config.limits().timeouts()).isEqualTo(new io.pgbridge.config.SessionTimeouts(
                java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), java.time.Duration.ZERO));
    }

    @Test
    void eachExampleTargetsTheDatabaseItIsNamedFor() {
        assertThat(url("mariadb.yaml")).startsWith("jdbc:mariadb:");
        assertThat(url("postgres.yaml")).startsWith("jdbc:postgresql:");
        assertThat(url("postgres-passthrough.yaml")).startsWith("jdbc:postgresql:");
        assertThat(ConfigLoader.load(EXAMPLES.resolve("postgres-passthrough.yaml"), Map.of()).defaultBackendConfig()
                .mode()).isEqualTo(io.pgbridge.config.BackendMode.PASSTHROUGH);
        assertThat(url("sqlite.yaml")).startsWith("jdbc:sqlite:");
        assertThat(url("actors-h2.yaml")).startsWith("jdbc:h2:file:./data/pgbridge");
        // Only the embedded default gets the actors table: the example must be recognised as it.
        assertThat(ConfigLoader.load(EXAMPLES.resolve("actors-h2.yaml"), Map.of()).defaultBackendConfig().embedded())
                .isTrue();
    }

    private static String url(String example) {
        return ConfigLoader.load(EXAMPLES.resolve(example), Map.of()).defaultBackendConfig().url();
    }
}
