package io.pgbridge.proxy.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node-postgres ({@code pg}) and Postgres.js ({@code postgres}) run one script of ordinary application work
 * ({@code compat/clients/node/drivers.js}: DDL, inserts with JavaScript values as parameters, which node-postgres
 * sends as text or, for Buffers, binary without declaring their types, selects, a transaction, an error) against
 * PostgreSQL itself and through pgbridge; every line they print, values with their JavaScript types, must be the same.
 * The packages come from the npm registry at the versions of {@code package-lock.json} ({@code npm ci}, run by this
 * test when {@code node_modules} is missing).
 *
 * <p>H2 and SQLite are not in the list yet: on H2 a jsonb column comes back as text (pgbridge stores json and jsonb
 * as text there), and on SQLite a computed column over a table's columns ({@code amount * 2}) is typed by its
 * first value.
 */
class NodeDriversIT {
    private static final Path DIR = Path.of("..", "compat", "clients", "node");

    @BeforeAll
    static void packages() throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("pg"))
                || !Files.isDirectory(DIR.resolve("node_modules").resolve("postgres"))) {
            Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertThat(installed.exitCode).as("npm ci in %s failed:%n%s", DIR, installed.output).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "postgresql-passthrough", "mariadb"})
    void driversSeeWhatTheySeeOnPostgres(String kind) throws Exception {
        String prefix = "pgb_node_" + kind.replace('-', '_');
        Result direct = script(TestDatabases.postgresHost(), TestDatabases.postgresPort(), "postgres", prefix);
        assertThat(direct.output).doesNotContain("FAILED").contains("postgres after rollback");
        try (RunningProxy proxy = RunningProxy.forKind(kind)) {
            Result proxied = script("127.0.0.1", proxy.port(), "tester", prefix);
            assertThat(proxied.output.lines().toList()).isEqualTo(direct.output.lines().toList());
        }
    }

    private static Result script(String host, int port, String user, String prefix) throws Exception {
        Result r = run(List.of("node", "drivers.js", host, String.valueOf(port), user, "test", prefix), 120);
        assertThat(r.exitCode).as(r.output).isZero();
        return r;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(DIR.toString())).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");   // node reads a date column in its own zone
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in " + seconds + " s: " + command);
        }
        return new Result(p.exitValue(), output);
    }
}
