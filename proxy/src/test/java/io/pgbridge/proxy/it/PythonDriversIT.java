package io.pgbridge.proxy.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * psycopg2, psycopg 3 (text and binary) and asyncpg run one script of ordinary application work
 * ({@code compat/clients/python/drivers.py}: DDL, inserts with each driver's own parameter types, selects, a
 * transaction, an error, psycopg's {@code TypeInfo.fetch}) against PostgreSQL itself and through pgbridge; every line they print, values with their
 * Python types, must be the same.
 *
 * <p>The drivers are Debian's packages (PyPI is out of reach here): when {@code /usr/bin/python3} lacks them, this
 * test installs them with apt-get, as {@code .ci/run} does, and fails if it cannot.
 *
 * <p>On SQLite a computed column over a table's columns ({@code amount * 2}, {@code big + 1}) gets PostgreSQL's
 * type from the catalog, not SQLite's typing by first value (float8 for 25.0), so asyncpg, which decodes by the
 * types Describe gave before any row, reads the rows.
 */
class PythonDriversIT {
    private static final List<String> PACKAGES = List.of("python3-psycopg2", "python3-psycopg", "python3-asyncpg");
    private static final Path SCRIPT = Path.of("..", "compat", "clients", "python", "drivers.py");
    private static final Path ASYNCPG_TYPES = Path.of("..", "compat", "clients", "python", "asyncpg_types.py");
    private static String python;

    @BeforeAll
    static void drivers() throws Exception {
        python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        if (ClientScripts.run(List.of(python, "-c", "import psycopg2, psycopg, asyncpg"), null, 60).exitCode() != 0) {
            List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
            install.addAll(PACKAGES);
            ClientScripts.Result installed = ClientScripts.run(install, null, 600);
            assertThat(installed.exitCode()).as("the Python drivers are missing and `%s` failed:%n%s",
                    String.join(" ", install), installed.output()).isZero();
        }
        assertThat(SCRIPT).exists();
        assertThat(ASYNCPG_TYPES).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "postgresql-passthrough", "mariadb"})
    void driversSeeWhatTheySeeOnPostgres(String kind) throws Exception {
        assertSameAsPostgres(kind, SCRIPT, "asyncpg after rollback");
    }

    /**
     * asyncpg's own catalog queries ({@code compat/clients/python/asyncpg_types.py}): set_type_codec's type lookup,
     * the recursive type introspection it runs for a type it does not know by oid (int4[]), on the catalog engine
     * of H2, MariaDB and SQLite, and values of the introspected types both ways.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void asyncpgIntrospectsTypesAsOnPostgres(String kind) throws Exception {
        assertSameAsPostgres(kind, ASYNCPG_TYPES, "asyncpg prepared attributes");
    }

    private static void assertSameAsPostgres(String kind, Path script, String lastCheck) throws Exception {
        ClientScripts.assertSameAsPostgres(kind, (host, port, user, prefix) ->
                List.of(python, script.toString(), host, String.valueOf(port), user, "test", prefix), null, lastCheck);
    }
}
