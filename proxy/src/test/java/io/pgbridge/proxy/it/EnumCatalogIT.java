package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MariaDB ENUM column through pgbridge's catalog, against the same column on PostgreSQL 15 as an enum type named
 * {@code <table>_<column>} (the name pgbridge gives MariaDB's anonymous ones): pg_type, pg_enum, the column's type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnumCatalogIT {
    private static final String[] QUERIES = {
            "SELECT t.typname, t.typtype, t.typcategory, t.typlen, t.typbyval, e.enumsortorder, e.enumlabel"
                    + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'stat5_e_mood'"
                    + " ORDER BY e.enumsortorder",
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'stat5_e' AND a.attnum > 0"
                    + " ORDER BY a.attnum",
            "SELECT a.typname, a.typcategory, a.typelem = t.oid FROM pg_type t JOIN pg_type a ON a.oid = t.typarray"
                    + " WHERE t.typname = 'stat5_e_mood'",
            "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname LIKE 'stat5_e%'"};
    private static final String INSERT = "INSERT INTO stat5_e VALUES (1, 'ok'), (2, 'it''s happy'), (3, 'sad')";
    /** Queries whose result columns are the enum column, alone or in expressions. */
    private static final String[] ROWS = {
            "SELECT id, mood, mood AS m FROM stat5_e ORDER BY id",
            "SELECT e.mood FROM stat5_e e WHERE e.mood = 'ok'",
            "SELECT mood, count(*) FROM stat5_e GROUP BY mood ORDER BY mood"};
    private RunningProxy proxy;
    private Connection postgres;
    private Connection mariadb;

    @BeforeAll
    void start() throws Exception {
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        run(postgres, "DROP TABLE IF EXISTS stat5_e", "DROP TYPE IF EXISTS stat5_e_mood",
                "CREATE TYPE stat5_e_mood AS ENUM ('sad', 'ok', 'it''s happy')",
                "CREATE TABLE stat5_e (id int PRIMARY KEY, mood stat5_e_mood NOT NULL)", INSERT);
        mariadb = DriverManager.getConnection(TestDatabases.mariadbUrl());
        run(mariadb, "DROP TABLE IF EXISTS stat5_e",
                "CREATE TABLE stat5_e (id int PRIMARY KEY, mood enum('sad', 'ok', 'it''s happy') NOT NULL)", INSERT);
        proxy = RunningProxy.forKind("mariadb");
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
        run(postgres, "DROP TABLE IF EXISTS stat5_e", "DROP TYPE IF EXISTS stat5_e_mood");
        run(mariadb, "DROP TABLE IF EXISTS stat5_e");
        postgres.close();
        mariadb.close();
    }

    /** asyncpg's recursive type introspection of the enum's array, and set_type_codec's lookup of the enum. */
    @Test
    void asyncpgIntrospectsTheEnumAsOnPostgres() throws Exception {
        String python = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
                : "python3";
        String script = java.nio.file.Path.of("..", "compat", "clients", "python", "asyncpg_enum.py").toString();
        ClientScripts.Result direct = ClientScripts.run(List.of(python, script, TestDatabases.postgresHost(),
                String.valueOf(TestDatabases.postgresPort()), "postgres", "test"), null, 60);
        ClientScripts.Result proxied = ClientScripts.run(List.of(python, script, "127.0.0.1",
                String.valueOf(proxy.port()), "tester", "test"), null, 60);
        assertThat(direct.exitCode()).as(direct.output()).isZero();
        assertThat(direct.output()).contains("introspected _stat5_e_mood").contains("codec set");
        assertThat(proxied.output()).isEqualTo(direct.output());
    }

    @Test
    void anEnumColumnIsAnEnumTypeWithItsLabels() throws Exception {
        try (Connection bridge = proxy.connect()) {
            for (String query : QUERIES) {
                assertThat(CatalogFixture.rows(bridge, query, (label, value) -> value)).as(query)
                        .isEqualTo(CatalogFixture.rows(postgres, query, (label, value) -> value)).hasSizeGreaterThan(1);
                assertThat(CatalogFixture.columnTypes(bridge, query)).as(query)
                        .isEqualTo(CatalogFixture.columnTypes(postgres, query));
            }
        }
    }

    /**
     * The enum column's rows: pgjdbc names the column's type (it asks pg_type for the oid the RowDescription gives)
     * as on PostgreSQL, at Describe and with the rows; the RowDescription has the oid that pg_type gives the enum
     * (typlen 4) and the values the labels, in text and in binary.
     */
    @Test
    void anEnumColumnIsSentWithItsTypesOid() throws Exception {
        try (Connection bridge = proxy.connect()) {
            for (String query : ROWS) {
                assertThat(TypedRows.rows(bridge, query)).as(query).isEqualTo(TypedRows.rows(postgres, query));
                assertThat(TypedRows.described(bridge, query)).as(query).isEqualTo(TypedRows.described(postgres, query));
            }
        }
        assertThat(wire(proxy.port(), "tester", (short) 0)).isEqualTo(wire(TestDatabases.postgresPort(), "postgres",
                (short) 0)).contains("T mood:4 stat5_e_mood", "D ok");
        assertThat(wire(proxy.port(), "tester", (short) 1)).isEqualTo(wire(TestDatabases.postgresPort(), "postgres",
                (short) 1));
    }

    /** The enum column's RowDescription (name, whether its oid is stat5_e_mood's in pg_type, typlen) and values. */
    private static List<String> wire(int port, String user, short format) throws Exception {
        try (RawPgClient c = new RawPgClient("127.0.0.1", port)) {
            c.startup(user, "test");
            String oid = null;
            for (RawPgClient.Message m : c.query("SELECT oid FROM pg_catalog.pg_type WHERE typname = 'stat5_e_mood'")) {
                if (m.type() == 'D') {
                    oid = new String(m.body(), 6, m.body().length - 6, java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            List<String> out = new java.util.ArrayList<>();
            for (RawPgClient.Message m : c.extended("SELECT mood FROM stat5_e ORDER BY id", format)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(m.body());
                if (m.type() == 'T') {
                    b.position(2 + "mood".length() + 1 + 6);
                    int type = b.getInt();
                    out.add("T mood:" + b.getShort() + (String.valueOf(Integer.toUnsignedLong(type)).equals(oid)
                            ? " stat5_e_mood" : " oid " + type));
                } else if (m.type() == 'D') {
                    b.position(2);
                    byte[] value = new byte[b.getInt()];
                    b.get(value);
                    out.add("D " + new String(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return out;
        }
    }

    /** psql's {@code \d} and {@code \dT+} (the labels; owners aside: pgbridge's objects are the asker's). */
    @Test
    void psqlDescribesTheEnumAsOnPostgres() throws Exception {
        for (String command : List.of("\\d stat5_e", "\\dT+ stat5_e_mood")) {
            String bridge = CatalogFixture.psql(proxy.port(), "tester", "test", command, "-A", "-t");
            String pg = CatalogFixture.psql(TestDatabases.postgresPort(), "postgres", "test", command, "-A", "-t");
            assertThat(bridge.replace("|tester|", "|postgres|")).as(command).isEqualTo(pg).contains("stat5_e_mood");
        }
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
