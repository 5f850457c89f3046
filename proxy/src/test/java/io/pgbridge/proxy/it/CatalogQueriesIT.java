package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog as psql 15 and pgjdbc read it, through pgbridge on H2, MariaDB and SQLite: the same schema is created
 * on PostgreSQL 15 directly and through pgbridge, and the clients' own catalog queries must describe both alike
 * (owners aside: pgbridge's objects belong to the role that asks first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogQueriesIT {
    private static final String[] SCHEMA = {
            "drop table if exists pgb_cat_books",
            "drop table if exists pgb_cat_authors",
            "create table pgb_cat_authors (id integer primary key, name varchar(100) not null, born date)",
            // A named key; unnamed ones, which the catalog names as PostgreSQL does: CatalogDifferentialIT.
            "create table pgb_cat_books (id integer primary key, author_id integer not null constraint"
                    + " pgb_cat_books_author_id_fkey references pgb_cat_authors (id), title text not null,"
                    + " price numeric(10,2), stock integer default 0, isbn varchar(20))",
            "create index pgb_cat_books_title_idx on pgb_cat_books (title)"};
    private final Map<String, RunningProxy> proxies = new HashMap<>();
    private Connection postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        run(postgres, SCHEMA);
        for (String kind : List.of("h2", "mariadb", "sqlite")) {
            RunningProxy proxy = RunningProxy.forKind(kind);
            proxies.put(kind, proxy);
            try (Connection c = proxy.connect()) {
                run(c, SCHEMA);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        run(postgres, SCHEMA[0], SCHEMA[1]);
        postgres.close();
        for (RunningProxy proxy : proxies.values()) {
            try (Connection c = proxy.connect()) {
                run(c, SCHEMA[0], SCHEMA[1]);
            }
            proxy.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsTablesAndIndexes(String kind) throws Exception {
        for (String command : List.of("\\dt pgb_cat*", "\\di pgb_cat*")) {
            assertThat(withoutOwners(psql(proxies.get(kind).port(), command)))
                    .as(command).isEqualTo(withoutOwners(psql(TestDatabases.postgresPort(), command)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlDescribesATable(String kind) throws Exception {
        for (String table : List.of("pgb_cat_books", "pgb_cat_authors")) {
            String command = "\\d " + table;
            assertThat(psql(proxies.get(kind).port(), command, "-P", "pager=off"))
                    .isEqualTo(psql(TestDatabases.postgresPort(), command, "-P", "pager=off"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsSchemasAndDatabases(String kind) throws Exception {
        // The shared PostgreSQL database may hold other tests' schemas: public is what both must list.
        assertThat(psql(TestDatabases.postgresPort(), "\\dn")).contains("public|pg_database_owner\n");
        assertThat(psql(proxies.get(kind).port(), "\\dn")).isEqualTo("public|pg_database_owner\n");
        assertThat(psql(proxies.get(kind).port(), "\\l")).contains("test|tester|UTF8|");
    }

    /**
     * One version everywhere a client may read it (DBeaver and pgAdmin read version() and pg_settings, psql and
     * pgjdbc the ParameterStatus), and the major version of the catalog pgbridge presents: PostgreSQL 15's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void theVersionIsTheCatalogsEverywhere(String kind) throws Exception {
        try (Connection c = proxies.get(kind).connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version(), current_setting('server_version'),"
                     + " current_setting('server_version_num')")) {
            assertThat(rs.next()).isTrue();
            String version = rs.getString(2);
            String number = rs.getString(3);
            assertThat(number).startsWith("15").hasSize(6);
            assertThat(rs.getString(1)).startsWith("PostgreSQL " + version.split(" ")[0] + " ");
            assertThat(((org.postgresql.PGConnection) c).getParameterStatus("server_version")).isEqualTo(version);
            assertThat(rows(st.executeQuery("select name, setting from pg_settings where name in"
                    + " ('server_version', 'server_version_num') order by name")))
                    .containsExactly(List.of("name=server_version", "setting=" + version),
                            List.of("name=server_version_num", "setting=" + number));
        }
    }

    /**
     * pg_settings shows the session's own values, in PostgreSQL's units, where they came from (the startup packet's:
     * 'client', a SET's: 'session') and what RESET would restore, as PostgreSQL's does after the same SETs, SET
     * LOCALs and rollbacks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void pgSettingsShowsTheSessionsValues(String kind) throws Exception {
        String[] sets = {"set search_path = pgb_elsewhere, public", "set statement_timeout = '5s'",
                "set application_name = 'pgb catalog'", "set work_mem = '64MB'", "set timezone = 'Europe/Paris'",
                "set extra_float_digits = 2"};
        String query = "select name, setting, unit, vartype, context, boot_val, source, reset_val"
                + " from pg_catalog.pg_settings where name in"
                + " ('search_path', 'statement_timeout', 'application_name', 'work_mem', 'DateStyle', 'TimeZone',"
                + " 'extra_float_digits', 'lock_timeout', 'standard_conforming_strings') order by name";
        try (Connection c = proxies.get(kind).connect(); Statement st = c.createStatement();
             Connection pg = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement pgSt = pg.createStatement()) {
            run(c, sets);
            run(pg, sets);
            assertThat(rows(st.executeQuery(query))).isEqualTo(rows(pgSt.executeQuery(query)));
            String[] inTransaction = {"begin", "set local lock_timeout = '7s'", "set work_mem = '1MB'",
                    "reset statement_timeout", "reset application_name"};
            run(c, inTransaction);
            run(pg, inTransaction);
            assertThat(rows(st.executeQuery(query))).isEqualTo(rows(pgSt.executeQuery(query)));
            st.execute("rollback");
            pgSt.execute("rollback");
            assertThat(rows(st.executeQuery(query))).isEqualTo(rows(pgSt.executeQuery(query)));
            st.execute("reset all");
            pgSt.execute("reset all");
            pgSt.execute("set application_name = ''");   // what pgjdbc's startup sets on both
            st.execute("set application_name = ''");
            assertThat(rows(st.executeQuery(query))).isEqualTo(rows(pgSt.executeQuery(query)));
        }
    }

    /**
     * Catalog functions and reg casts in statements that name no catalog table, as tools send them on their own
     * (pgAdmin's table statistics, psql's keyword completion): same rows as PostgreSQL's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void catalogFunctionsAndRegCastsOnTheirOwn(String kind) throws Exception {
        List<String> queries = List.of(
                "select count(*), count(*) filter (where catcode = 'R'), min(word), max(word) from pg_get_keywords()",
                "select word, catcode, barelabel, catdesc, baredesc from pg_catalog.pg_get_keywords() k"
                        + " where k.word in ('select', 'abort', 'between', 'xmltable', 'authorization') order by 1",
                "select 'pgb_cat_books'::regclass, 'int4'::regtype t, 'public'::regnamespace,"
                        + " 'pg_class'::regclass::oid, 'integer'::regtype::oid",
                "select relname from pg_class where oid = 'pgb_cat_books'::regclass",
                "select pg_relation_size('pgb_cat_books') >= 0, pg_total_relation_size('pgb_cat_authors') >= 0",
                "select '12'::int n, '1'::text::int, 2.5::double precision d");
        try (Connection c = proxies.get(kind).connect(); Statement st = c.createStatement();
             Statement pgSt = postgres.createStatement()) {
            for (String query : queries) {
                assertThat(rows(st.executeQuery(query))).as(query).isEqualTo(rows(pgSt.executeQuery(query)));
            }
            for (Statement s : List.of(st, pgSt)) {
                assertThatThrownBy(() -> s.executeQuery("select pg_relation_size('pgb_no_such_table')"))
                        .isInstanceOfSatisfying(java.sql.SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
                assertThatThrownBy(() -> s.executeQuery("select pg_get_functiondef('sum(int4)'::regprocedure)"))
                        .isInstanceOfSatisfying(java.sql.SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42809"));
            }
        }
    }

    /** psql's {@code \\sf} and GUI tools' function source: every built-in function's, as PostgreSQL 15 writes it. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void functionDefinitionsAsPostgres(String kind) throws Exception {
        String query = "select oid, pg_get_functiondef(oid) from pg_proc where prokind <> 'a' and oid < 16384 order by oid";
        try (Connection c = proxies.get(kind).connect(); Statement st = c.createStatement();
             Statement pgSt = postgres.createStatement()) {
            List<List<String>> expected = rows(pgSt.executeQuery(query));
            assertThat(expected).hasSizeGreaterThan(3000);
            assertThat(rows(st.executeQuery(query))).isEqualTo(expected);
        }
        assertThat(psql(proxies.get(kind).port(), "\\sf pg_catalog.generate_series(int4, int4)"))
                .isEqualTo(psql(TestDatabases.postgresPort(), "\\sf pg_catalog.generate_series(int4, int4)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void pgjdbcDatabaseMetaData(String kind) throws Exception {
        try (Connection c = proxies.get(kind).connect()) {
            var md = c.getMetaData();
            var pg = postgres.getMetaData();
            assertThat(rows(md.getTables(null, "public", "pgb_cat%", new String[] {"TABLE"})))
                    .isEqualTo(rows(pg.getTables(null, "public", "pgb_cat%", new String[] {"TABLE"})));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void pgjdbcColumns(String kind) throws Exception {
        try (Connection c = proxies.get(kind).connect()) {
            assertThat(rows(c.getMetaData().getColumns(null, "public", "pgb_cat_books", "%")))
                    .isEqualTo(rows(postgres.getMetaData().getColumns(null, "public", "pgb_cat_books", "%")));
        }
    }

    /**
     * A recursive WITH inside {@code ARRAY(…)} that refers to the outer query and to a parameter, as pgAdmin walks
     * the user's role memberships at connect: the predefined roles' (pg_monitor is a member of three) as PostgreSQL's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void aCorrelatedRecursiveWithInsideArrayWalksRoleMemberships(String kind) throws Exception {
        String sql = "select roles.rolname, array(with recursive cte as (select pg_roles.oid, pg_roles.rolname"
                + " from pg_catalog.pg_roles where pg_roles.oid = roles.oid union all select m.roleid, pgr.rolname"
                + " from cte cte_1 join pg_catalog.pg_auth_members m on m.member = cte_1.oid join pg_catalog.pg_roles"
                + " pgr on pgr.oid = m.roleid and pgr.rolname <> ?) select rolname from cte order by rolname) as member_of,"
                + " case when 'pg_read_all_settings' = any(array(with recursive cte as (select pg_roles.oid"
                + " from pg_catalog.pg_roles where pg_roles.oid = roles.oid union all select m.roleid from cte"
                + " join pg_catalog.pg_auth_members m on m.member = cte.oid) select pgr.rolname from cte"
                + " join pg_catalog.pg_roles pgr on pgr.oid = cte.oid)) then true else false end as reads_settings"
                + " from pg_catalog.pg_roles as roles where roles.rolname like ? order by 1";
        try (Connection c = proxies.get(kind).connect(); var ps = c.prepareStatement(sql);
             var pgPs = postgres.prepareStatement(sql)) {
            for (var statement : List.of(ps, pgPs)) {
                statement.setString(1, "pg_read_all_stats");
                statement.setString(2, "pg\\_%");
            }
            List<List<String>> expected = rows(pgPs.executeQuery());
            assertThat(expected).contains(List.of("rolname=pg_monitor",
                    "member_of={pg_monitor,pg_read_all_settings,pg_stat_scan_tables}", "reads_settings=t"));
            assertThat(rows(ps.executeQuery())).isEqualTo(expected);
        }
    }

    /** psql's unaligned, tuples-only output of {@code command} against the server on {@code port}. */
    private static String psql(int port, String command) throws Exception {
        return psql(port, command, "-A", "-t");
    }

    /** psql's output of {@code command} with {@code options} (formatting). */
    private static String psql(int port, String command, String... options) throws Exception {
        return CatalogFixture.psql(port, port == TestDatabases.postgresPort() ? "postgres" : "tester", "test", command,
                options);
    }

    /** psql's listing rows without their owner column (the fourth). */
    static List<String> withoutOwners(String listing) {
        List<String> rows = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length >= 4) {
                f[3] = "";
            }
            rows.add(String.join("|", f));
        }
        return rows;
    }

    /** The rows of a metadata result with the columns that name the database (pgbridge's route) left out. */
    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        Set<String> databaseColumns = Set.of("TABLE_CAT", "PKTABLE_CAT", "FKTABLE_CAT");
        List<List<String>> rows = new ArrayList<>();
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(md.getColumnLabel(i) + "=" + (databaseColumns.contains(md.getColumnLabel(i)) ? "" : rs.getString(i)));
            }
            rows.add(row);
        }
        rs.close();
        return rows;
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
