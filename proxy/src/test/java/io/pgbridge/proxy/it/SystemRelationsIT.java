package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The columns of pg_catalog's and information_schema's own tables and views, through pgbridge on H2 (the catalog
 * engine is the same for every backend that has one): in pg_attribute, information_schema.columns, psql's
 * {@code \d} and pgjdbc's getColumns as PostgreSQL 15 lists them, and as the engine's relations really return them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemRelationsIT {
    private static final String RELATIONS = "select c.oid, n.nspname, c.relname from pg_class c join pg_namespace n"
            + " on n.oid = c.relnamespace where n.nspname in ('pg_catalog', 'information_schema')"
            + " and c.relkind in ('r', 'v') order by c.oid";
    private RunningProxy proxy;
    private Connection postgres;

    @BeforeAll
    void start() throws Exception {
        proxy = RunningProxy.forKind("h2");
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
        proxy.close();
    }

    /** Every system relation in pg_class has PostgreSQL's pg_attribute rows, system columns included. */
    @Test
    void pgAttributeListsPostgresColumnsOfEverySystemRelation() throws Exception {
        String query = "select c.relname, a.attname, a.atttypid, a.attnum, a.atttypmod, a.attnotnull, a.attlen,"
                + " a.attcollation, format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c"
                + " on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname in ('pg_catalog', 'information_schema') and c.relkind in ('r', 'v')"
                + " order by c.relname, a.attnum";
        try (Connection c = proxy.connect()) {
            assertThat(rows(c, query)).isEqualTo(rows(postgres, query)).hasSizeGreaterThan(2000);
        }
    }

    /**
     * The columns pg_attribute lists for a relation the engine has are the ones {@code SELECT *} returns from it, in
     * the same order; relations the engine does not have (PostgreSQL has them all) are counted, not compared.
     */
    @Test
    void pgAttributeMatchesWhatEachSystemRelationReturns() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int compared = 0;
        try (Connection c = proxy.connect()) {
            Map<String, String> relations = new LinkedHashMap<>();
            for (List<String> row : rows(c, RELATIONS)) {
                relations.put(row.get(0), row.get(1) + "." + row.get(2));
            }
            for (Map.Entry<String, String> relation : relations.entrySet()) {
                List<String> returned = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select * from " + relation.getValue() + " limit 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        returned.add(md.getColumnName(i));
                    }
                } catch (SQLException notInTheEngine) {
                    missing.add(relation.getValue() + ": " + notInTheEngine.getMessage());
                    continue;
                }
                compared++;
                List<String> listed = new ArrayList<>();
                for (List<String> row : rows(c, "select attname from pg_attribute where attrelid = " + relation.getKey()
                        + " and attnum > 0 order by attnum")) {
                    listed.add(row.get(0));
                }
                if (!returned.equals(listed)) {
                    mismatches.add(relation.getValue() + ": returns " + returned + ", pg_attribute lists " + listed);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).as("system relations the engine has; it lacks %s", missing).isGreaterThan(40);
    }

    /**
     * PostgreSQL finds the first columns of two system views auto-updatable (pg_column_is_updatable: simple views
     * of one table); the engine's views never are, so is_updatable is compared for the other relations.
     */
    @Test
    void informationSchemaColumnsListsSystemRelationsAsPostgres() throws Exception {
        String query = "select table_schema, table_name, column_name, ordinal_position, is_nullable, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, collation_name,"
                + " domain_schema, domain_name, udt_schema, udt_name, dtd_identifier, case when table_name in"
                + " ('pg_group', 'pg_stat_database_conflicts') then null else is_updatable end"
                + " from information_schema.columns where table_schema in ('pg_catalog', 'information_schema')"
                + " order by table_schema, table_name, ordinal_position";
        try (Connection c = proxy.connect()) {
            assertThat(rows(c, query)).isEqualTo(rows(postgres, query));
        }
    }

    /** information_schema's domains, its views' row types and their arrays, as format_type and the views name them. */
    @Test
    void informationSchemaTypesAreThoseOfPostgres() throws Exception {
        for (String query : List.of("select t.oid, t.typname, t.typtype, t.typrelid, t.typelem, t.typarray, t.typbasetype,"
                        + " format_type(t.oid, null), 'information_schema._sql_identifier'::regtype::oid from pg_type t"
                        + " where t.typnamespace = 'information_schema'::regnamespace order by t.oid",
                "select c.relname, t.typname, t.typarray from pg_class c join pg_type t on t.oid = c.reltype"
                        + " where c.relnamespace = 'information_schema'::regnamespace order by c.relname")) {
            try (Connection c = proxy.connect()) {
                assertThat(rows(c, query)).as(query).isEqualTo(rows(postgres, query)).hasSizeGreaterThan(60);
            }
        }
    }

    @Test
    void pgjdbcGetColumnsOfSystemTables() throws Exception {
        try (Connection c = proxy.connect()) {
            for (String table : List.of("pg_class", "pg_type", "pg_attribute", "pg_namespace", "tables")) {
                String schema = table.equals("tables") ? "information_schema" : "pg_catalog";
                assertThat(rows(c.getMetaData().getColumns(null, schema, table, "%"))).as(table)
                        .isEqualTo(rows(postgres.getMetaData().getColumns(null, schema, table, "%")));
            }
        }
    }

    @Test
    void psqlDescribesSystemRelations() throws Exception {
        for (String command : List.of("\\d pg_catalog.pg_class", "\\d pg_type", "\\d pg_namespace",
                "\\d information_schema.tables", "\\d pg_roles", "\\d pg_database", "\\d pg_attribute")) {
            assertThat(psql(proxy.port(), "tester", command)).as(command)
                    .isEqualTo(psql(TestDatabases.postgresPort(), "postgres", command));
        }
    }

    private static String psql(int port, String user, String command) throws Exception {
        return CatalogFixture.psql(port, user, "test", command, "-P", "pager=off");
    }

    private static List<List<String>> rows(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement()) {
            return rows(st.executeQuery(query));
        }
    }

    /** The rows of {@code rs} as text, the database's name (TABLE_CAT: pgbridge's route) left out; closes it. */
    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(md.getColumnLabel(i).equals("TABLE_CAT") ? "" : rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
