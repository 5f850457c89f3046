package io.pgbridge.proxy.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node-postgres ({@code pg}) and Postgres.js ({@code postgres}) run one script of ordinary application work
 * ({@code compat/clients/node/drivers.js}: DDL, inserts with JavaScript values as parameters, which node-postgres
 * sends as text or, for Buffers, binary without declaring their types, selects, a transaction, an error) against
 * PostgreSQL itself and through pgbridge; every line they print, values with their JavaScript types, must be the same.
 * The packages come from the npm registry at the versions of {@code package-lock.json} ({@code npm ci}, run by this
 * test when {@code node_modules} is missing).
 *
 * <p>Every backend is in the list: H2 keeps jsonb as text but presents the column as jsonb (a comment declares its
 * type), and SQLite's computed columns over table columns ({@code amount * 2}) get PostgreSQL's types from the
 * catalog rather than SQLite's typing by first value.
 */
class NodeDriversIT {
    private static final Path DIR = Path.of("..", "compat", "clients", "node");

    @BeforeAll
    static void packages() throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("pg"))
                || !Files.isDirectory(DIR.resolve("node_modules").resolve("postgres"))) {
            ClientScripts.Result installed = ClientScripts.run(List.of("npm", "ci", "--no-audit", "--no-fund"),
                    DIR.toFile(), 300);
            assertThat(installed.exitCode()).as("npm ci in %s failed:%n%s", DIR, installed.output()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "postgresql-passthrough", "mariadb"})
    void driversSeeWhatTheySeeOnPostgres(String kind) throws Exception {
        ClientScripts.assertSameAsPostgres(kind, (host, port, user, prefix) ->
                List.of("node", "drivers.js", host, String.valueOf(port), user, "test", prefix), DIR.toFile(),
                "postgres after rollback");
    }
}
