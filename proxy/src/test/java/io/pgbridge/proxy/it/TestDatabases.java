package io.pgbridge.proxy.it;

import java.util.Map;

/**
 * Where the real databases of the tests are. CI and developers' machines set these variables or rely on the
 * defaults (the services every machine of this project runs); a test fails, never skips, when one is down.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** pgjdbc URL of the reference PostgreSQL ({@code PGBRIDGE_TEST_PG_URL}). */
    public static String postgresUrl() {
        return env("PGBRIDGE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /** MariaDB Connector/J URL ({@code PGBRIDGE_TEST_MARIADB_URL}). */
    public static String mariadbUrl() {
        return env("PGBRIDGE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    }

    /** Host and port of the reference PostgreSQL for psql and pgbench. */
    public static String postgresHost() {
        return env("PGBRIDGE_TEST_PG_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(env("PGBRIDGE_TEST_PG_PORT", "5432"));
    }

    private static String env(String name, String fallback) {
        Map<String, String> env = System.getenv();
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
