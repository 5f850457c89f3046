package io.pgbridge.proxy.compat;

import io.pgbridge.proxy.it.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throw-away databases on the real PostgreSQL and MariaDB servers of the tests, created and dropped through an
 * administrative connection. MariaDB's get a binary collation: PostgreSQL's test databases use {@code C.UTF-8},
 * which compares and sorts by code point and is case-sensitive, and a case-insensitive default collation would make
 * every text comparison differ for reasons that are the database's setup, not pgbridge's translation.
 */
final class ScratchDatabases {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)(/[^?]*)?(\\?.*)?");

    private ScratchDatabases() {
    }

    /**
     * The name of a scratch database: {@code base}, plus the value of {@code -Dcompat.dbSuffix} when it is set, so
     * that two checkouts can run the corpus on the same servers at the same time without dropping each other's.
     */
    static String named(String base) {
        String suffix = System.getProperty("compat.dbSuffix", "").strip();
        if (!suffix.matches("[a-z0-9_]*")) {
            throw new IllegalArgumentException("compat.dbSuffix must be lower-case letters, digits or _: " + suffix);
        }
        return suffix.isEmpty() ? base : base + "_" + suffix;
    }

    /** The JDBC URL of database {@code database} on the server of {@code kind} ({@code postgresql} or {@code mariadb}). */
    static String url(String kind, String database) {
        return withDatabase(baseUrl(kind), database);
    }

    /** Drops {@code database} if it exists and creates it empty. */
    static void recreate(String kind, String database) throws SQLException {
        drop(kind, database);
        execute(kind, "postgresql".equals(kind) ? "CREATE DATABASE " + database
                : "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    static void drop(String kind, String database) throws SQLException {
        // FORCE ends sessions a failed run may have left behind.
        execute(kind, "postgresql".equals(kind) ? "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + database);
    }

    private static void execute(String kind, String sql) throws SQLException {
        String admin = "postgresql".equals(kind) ? url(kind, "postgres") : baseUrl(kind);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String baseUrl(String kind) {
        return switch (kind) {
            case "postgresql" -> TestDatabases.postgresUrl();
            case "mariadb" -> TestDatabases.mariadbUrl();
            default -> throw new IllegalArgumentException("no database server for " + kind);
        };
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot place a database name in " + jdbcUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }
}
