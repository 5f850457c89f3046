package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final Map<String, String> NO_ENV = Map.of();
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static CliOptions parse(String... args) {
        return CommandLine.parse(args, NO_ENV);
    }

    @Test
    void noArgumentsGiveTheDefaults() {
        CliOptions options = parse();

        assertThat(options.help()).isFalse();
        assertThat(options.version()).isFalse();
        assertThat(options.configFile()).isEmpty();
        assertThat(options.resolve()).isEqualTo(PgbridgeConfig.defaults());
    }

    @Test
    void parsesEveryFlagInBothSpellings() {
        CliOptions spaced = parse("--config", "p.yaml", "--host", "localhost", "--port", "6000", "--backend",
                "jdbc:h2:mem:x", "--backend-user", "u", "--backend-password", "pw", "--data-dir", "/d", "--help",
                "--version");
        CliOptions joined = parse("--config=p.yaml", "--host=localhost", "--port=6000", "--backend=jdbc:h2:mem:x",
                "--backend-user=u", "--backend-password=pw", "--data-dir=/d", "-h", "--version");

        for (CliOptions o : new CliOptions[] {spaced, joined}) {
            assertThat(o.configFile()).contains(Path.of("p.yaml"));
            assertThat(o.host()).contains("localhost");
            assertThat(o.port()).contains(6000);
            assertThat(o.backendUrl()).contains("jdbc:h2:mem:x");
            assertThat(o.backendUser()).contains("u");
            assertThat(o.backendPassword()).contains("pw");
            assertThat(o.dataDir()).contains(Path.of("/d"));
            assertThat(o.help()).isTrue();
            assertThat(o.version()).isTrue();
        }
        assertThat(parse("--backend-password=a=b").backendPassword()).as("only the first '=' splits").contains("a=b");
    }

    @Test
    void badArgumentsAreClearErrorsThatDoNotEchoValues() {
        assertThatThrownBy(() -> parse("--prot", "1"))
                .hasMessage("command line: unknown option --prot (did you mean \"--port\"?), see --help");
        assertThatThrownBy(() -> parse("--backend-pasword=hunter2"))
                .hasMessage("command line: unknown option --backend-pasword (did you mean \"--backend-password\"?),"
                        + " see --help");
        assertThatThrownBy(() -> parse("--port")).hasMessage("command line: --port needs a value: --port N");
        assertThatThrownBy(() -> parse("--port", "--host", "h")).hasMessage("command line: --port needs a value: --port N");
        assertThatThrownBy(() -> parse("--port", "abc"))
                .hasMessage("command line: --port: expected a port number from 0 to 65535, got \"abc\"");
        assertThatThrownBy(() -> parse("--port=70000"))
                .hasMessage("command line: --port: expected a port number from 0 to 65535, got \"70000\"");
        assertThatThrownBy(() -> parse("--host=")).hasMessage("command line: --host needs a non-empty value");
        assertThatThrownBy(() -> parse("--help=yes")).hasMessage("command line: --help takes no value");
        assertThatThrownBy(() -> parse("--port", "1", "--port", "2"))
                .hasMessage("command line: --port is given more than once");
        assertThatThrownBy(() -> parse("--backend-password", "p@ss", "word")).hasMessage("command line: unexpected"
                + " argument #3; pgbridge takes only flags (a config file is given with --config FILE), see --help");
    }

    @Test
    void flagsOverrideTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                listen: { port: 7000, host: 127.0.0.2 }
                limits: { fetch_size: 5 }
                """);

        PgbridgeConfig fileOnly = parse("--config", file.toString()).resolve();
        PgbridgeConfig withFlag = parse("--config", file.toString(), "--port", "7001").resolve();

        assertThat(fileOnly.listen().port()).isEqualTo(7000);
        assertThat(withFlag.listen().port()).isEqualTo(7001);
        assertThat(withFlag.listen().host()).as("from the file").isEqualTo("127.0.0.2");
        assertThat(withFlag.limits().fetchSize()).as("from the file").isEqualTo(5);
        assertThat(withFlag.limits().startupTimeout()).as("a default").isEqualTo(LimitsConfig.DEFAULT_STARTUP_TIMEOUT);
    }

    @Test
    void backendFlagReplacesConfiguredBackendsAndRoutes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                backends:
                  maria: { url: "jdbc:mariadb://h/db", user: root, password: filepw }
                routes: { test: maria }
                """);

        PgbridgeConfig config = parse("--config", file.toString(), "--backend", "jdbc:postgresql://h/pg",
                "--backend-user", "bob", "--backend-password", "flagpw").resolve();

        assertThat(config.backends()).containsOnlyKeys("default");
        assertThat(config.databaseRoutes()).isEmpty();
        BackendConfig backend = config.defaultBackendConfig();
        assertThat(backend.url()).isEqualTo("jdbc:postgresql://h/pg");
        assertThat(backend.user()).isEqualTo("bob");
        assertThat(backend.password()).isEqualTo("flagpw");
        assertThat(backend.embedded()).isFalse();
    }

    @Test
    void userAndPasswordFlagsApplyToTheFilesDefaultBackend(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                default_backend: pg
                backends:
                  maria: { url: "jdbc:mariadb://h/db", user: root }
                  pg: { url: "jdbc:postgresql://h/pg", user: postgres, password: filepw }
                """);

        PgbridgeConfig config = parse("--config", file.toString(), "--backend-password", "flagpw").resolve();

        assertThat(config.backends().keySet()).containsExactly("maria", "pg");
        assertThat(config.backends().get("pg").password()).isEqualTo("flagpw");
        assertThat(config.backends().get("pg").user()).isEqualTo("postgres");
        assertThat(config.backends().get("maria").password()).isNull();
    }

    @Test
    void passwordComesFromTheEnvironmentUnlessTheFlagIsGiven() {
        Map<String, String> env = Map.of(CommandLine.BACKEND_PASSWORD_ENV, "envpw");

        CliOptions fromEnv = CommandLine.parse(new String[] {"--backend", "jdbc:h2:mem:x"}, env);
        CliOptions fromFlag = CommandLine.parse(new String[] {"--backend-password", "flagpw"}, env);

        assertThat(fromEnv.resolve().defaultBackendConfig().password()).isEqualTo("envpw");
        assertThat(fromFlag.backendPassword()).contains("flagpw");
    }

    @Test
    void dataDirFlagMovesTheEmbeddedDatabase() {
        PgbridgeConfig config = parse("--data-dir", "/var/lib/pgbridge").resolve();

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/pgbridge"));
        assertThat(config.defaultBackendConfig().url()).isEqualTo("jdbc:h2:file:/var/lib/pgbridge/pgbridge" + H2_OPTIONS);
    }

    @Test
    void configFileIsExpandedWithTheGivenEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "listen: { port: \"${PG_PORT}\" }\n");

        CliOptions options = CommandLine.parse(new String[] {"--config", file.toString()}, Map.of("PG_PORT", "6001"));

        assertThat(options.resolve().listen().port()).isEqualTo(6001);
        assertThatThrownBy(() -> parse("--config", file.toString()).resolve())
                .hasMessageStartingWith(file + ":1: listen.port: environment variable PG_PORT is not set");
    }

    @Test
    void overlayErrorsNameTheFlagAndTheKey() {
        assertThatThrownBy(() -> parse("--host", "0.0.0.0").resolve())
                .hasMessageStartingWith("command line (--host): listen.host: 0.0.0.0 is not a loopback address")
                .hasMessageContaining("listen.allow_trust_on_network: true");
        assertThatThrownBy(() -> parse("--backend", "postgres://u:secret@h/db").resolve())
                .hasMessage("command line (--backend): backends.default.url: expected a JDBC URL starting with jdbc:,"
                        + " got \"postgres://u:***@h/db\"");
        assertThatThrownBy(() -> parse("--data-dir", "a;b").resolve()).hasMessage(
                "command line (--data-dir): data_dir: must not contain ';' (H2 reads it as a URL setting), got \"a;b\"");
    }

    @Test
    void toStringHidesPasswordAndEnvironment() {
        CliOptions options = CommandLine.parse(new String[] {"--backend-password", "hunter2"},
                Map.of("AWS_SECRET", "envsecret"));

        assertThat(options.toString()).contains("backendPassword=Optional[***]").contains("env=<1 variables>")
                .doesNotContain("hunter2", "envsecret");
    }

    @Test
    void usageListsEveryFlagAndTheConfigFileFormat() {
        String usage = CommandLine.usage();

        for (String flag : new String[] {"--config FILE", "--host HOST", "--port N", "--backend JDBC_URL",
                "--backend-user USER", "--backend-password PASSWORD", "--data-dir DIR", "--help", "-h", "--version",
                CommandLine.BACKEND_PASSWORD_ENV, "--port=5433"}) {
            assertThat(usage).as(flag).contains(flag);
        }
        for (String key : ConfigLoader.ROOT_KEYS) {
            assertThat(usage).contains(key + ":");
        }
    }

    @Test
    void theExampleInTheUsageTextIsAValidConfigFile() {
        String usage = CommandLine.usage();
        String example = usage.substring(usage.indexOf("\n", usage.indexOf("Config file")) + 1);
        example = example.substring(example.indexOf("  listen:")).stripIndent();

        PgbridgeConfig config = ConfigLoader.load(example, "usage", NO_ENV);

        assertThat(config.defaultBackend()).isEqualTo("maria");
        assertThat(config.backendFor("test").url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(config.backendFor("test").password()).isEmpty();
        assertThat(config.backendFor("test").properties()).containsEntry("useServerPrepStmts", "false");
    }

    @Test
    void optionalFieldsNeverNull() {
        CliOptions options = new CliOptions(false, false, null, null, null, null, null, null, null, null, null);

        assertThat(options.configFile()).isEqualTo(Optional.empty());
        assertThat(options.env()).isEmpty();
        assertThat(options.resolve()).isEqualTo(PgbridgeConfig.defaults());
    }

    @Test
    void backendModeAppliesToTheDefaultBackend() {
        PgbridgeConfig config = CommandLine.parse(new String[]{"--backend", "jdbc:postgresql://127.0.0.1/db",
                "--backend-mode", "passthrough"}, Map.of()).resolve();
        assertThat(config.defaultBackendConfig().mode()).isEqualTo(BackendMode.PASSTHROUGH);
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--backend-mode", "relay"}, Map.of()))
                .hasMessageContaining("--backend-mode takes jdbc or passthrough");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--backend-mode=passthrough"}, Map.of()).resolve())
                .hasMessageContaining("--backend-mode").hasMessageContaining("passthrough needs a PostgreSQL backend");
    }
}
