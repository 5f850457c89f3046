package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMMENT ON TABLE and COLUMN through pgbridge on H2 (its own COMMENT ON) and MariaDB (table and column COMMENTs),
 * against PostgreSQL 15 after the same statements: pg_description, obj_description and col_description, psql's
 * {@code \d+} and {@code \dt+}, pgjdbc's getTables and getColumns REMARKS. Columns whose PostgreSQL type pgbridge
 * declares in the backend's column comment (jsonb, integer[]) keep their type. SQLite keeps no comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsIT {
    private static final String[] SCHEMA = {
            "drop table if exists sa_comments",
            "create table sa_comments (id integer primary key, title varchar(80) not null,"
                    + " doc jsonb, counts integer[], note text)",
            "comment on table sa_comments is 'Books we keep'",
            "comment on column sa_comments.title is 'The book''s title'",
            "comment on column sa_comments.doc is E'raw\\nJSON'",
            "comment on column public.sa_comments.counts is 'copies per shelf'",
            "comment on column sa_comments.note is 'to be removed'",
            "comment on column sa_comments.note is null"};
    private final Map<String, RunningProxy> proxies = new HashMap<>();
    private Connection postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        CatalogFixture.run(postgres, SCHEMA);
        for (String kind : List.of("h2", "mariadb")) {   // the backends that keep comments
            proxies.put(kind, RunningProxy.forKind(kind));
            try (Connection c = proxies.get(kind).connect()) {
                CatalogFixture.run(c, SCHEMA);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        CatalogFixture.run(postgres, SCHEMA[0]);
        postgres.close();
        for (RunningProxy proxy : proxies.values()) {
            try (proxy; Connection c = proxy.connect()) {
                CatalogFixture.run(c, SCHEMA[0]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void descriptionsAreThoseOfPostgres(String kind) throws Exception {
        for (String query : List.of("select d.objsubid, d.description, d.classoid::regclass from pg_description d"
                        + " join pg_class c on c.oid = d.objoid where c.relname = 'sa_comments' order by d.objsubid",
                "select obj_description('sa_comments'::regclass, 'pg_class'), col_description('sa_comments'::regclass, 1),"
                        + " col_description('sa_comments'::regclass, 2), col_description('sa_comments'::regclass, 3),"
                        + " col_description('sa_comments'::regclass, 4), col_description('sa_comments'::regclass, 5)")) {
            try (Connection c = proxies.get(kind).connect()) {
                assertThat(rows(c, query)).as(query).isEqualTo(rows(postgres, query));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void psqlShowsTheComments(String kind) throws Exception {
        // MariaDB's JSON type brings a json_valid CHECK, which its catalog lists: a gap of its own, not the comments'.
        String described = psql(proxies.get(kind).port(), "tester", "\\d+ sa_comments")
                .replace("Check constraints:\n    \"sa_comments_doc_check\" CHECK (json_valid(doc))\n", "");
        assertThat(described).isEqualTo(psql(TestDatabases.postgresPort(), "postgres", "\\d+ sa_comments"));
        assertThat(described).contains("raw\nJSON").contains("jsonb").contains("integer[]");
        assertThat(withoutOwnerAndSize(psql(proxies.get(kind).port(), "tester", "\\dt+ sa_comments")))
                .isEqualTo(withoutOwnerAndSize(psql(TestDatabases.postgresPort(), "postgres", "\\dt+ sa_comments")))
                .anySatisfy(row -> assertThat(row).endsWith("|Books we keep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void pgjdbcRemarks(String kind) throws Exception {
        try (Connection c = proxies.get(kind).connect()) {
            assertThat(remarks(c.getMetaData().getTables(null, "public", "sa_comments", null)))
                    .isEqualTo(remarks(postgres.getMetaData().getTables(null, "public", "sa_comments", null)))
                    .containsExactly("sa_comments=Books we keep");
            assertThat(remarks(c.getMetaData().getColumns(null, "public", "sa_comments", "%")))
                    .isEqualTo(remarks(postgres.getMetaData().getColumns(null, "public", "sa_comments", "%")));
        }
    }

    /**
     * A column's type changed from one whose PostgreSQL type pgbridge declares in a comment (jsonb, json) to text or
     * to another such: the catalog shows the new type, and the user's comment stays, as in PostgreSQL.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aTypeChangeKeepsTheUsersComment(String kind) throws Exception {
        String[] statements = {"drop table if exists sa_retype",
                "create table sa_retype (j jsonb, t json, plain jsonb)",
                "comment on column sa_retype.j is 'was json'", "comment on column sa_retype.t is 'becomes jsonb'",
                "alter table sa_retype alter column j type text", "alter table sa_retype alter column t type jsonb",
                "alter table sa_retype alter column plain type text"};
        String query = "select a.attname, format_type(a.atttypid, a.atttypmod), col_description(a.attrelid, a.attnum)"
                + " from pg_attribute a where a.attrelid = 'sa_retype'::regclass and a.attnum > 0 order by a.attnum";
        try (Connection c = proxies.get(kind).connect()) {
            CatalogFixture.run(postgres, statements);
            CatalogFixture.run(c, statements);
            assertThat(rows(c, query)).isEqualTo(rows(postgres, query)).containsExactly(
                    List.of("j", "text", "was json"), List.of("t", "jsonb", "becomes jsonb"), List.of("plain", "text", "null"));
            CatalogFixture.run(c, statements[0]);
            CatalogFixture.run(postgres, statements[0]);
        }
    }

    /** {@code \dt+} shows sizes with pg_size_pretty: as PostgreSQL writes them, at each unit's edges. */
    @Test
    void sizesArePrettyAsPostgres() throws Exception {
        StringBuilder query = new StringBuilder("select ");
        long[] sizes = {0, 10239, 10240, 10752, 20479 * 1024L, 20480 * 1024L, 5L << 40, 1L << 55, -10240, -123456789};
        for (long size : sizes) {
            query.append(query.length() > 7 ? ", " : "").append("pg_size_pretty(").append(size).append("::bigint)");
        }
        query.append(" from pg_catalog.pg_namespace where nspname = 'public'");   // as \dt+ calls it: over the catalog
        try (Connection c = proxies.get("h2").connect()) {
            assertThat(rows(c, query.toString())).isEqualTo(rows(postgres, query.toString()));
        }
    }

    /** SQLite has no comments: COMMENT ON succeeds and changes nothing. */
    @Test
    void sqliteKeepsNoComments() throws Exception {
        try (RunningProxy sqlite = RunningProxy.forKind("sqlite"); Connection c = sqlite.connect()) {
            CatalogFixture.run(c, SCHEMA);
            assertThat(rows(c, "select obj_description('sa_comments'::regclass, 'pg_class'),"
                    + " col_description('sa_comments'::regclass, 2)")).containsExactly(List.of("null", "null"));
            CatalogFixture.run(c, SCHEMA[0]);
        }
    }

    /** TABLE_NAME (and COLUMN_NAME) with REMARKS, from a metadata result. */
    private static List<String> remarks(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            boolean columns = hasColumn(rs.getMetaData(), "COLUMN_NAME");
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME") + (columns ? "." + rs.getString("COLUMN_NAME") : "") + "="
                        + rs.getString("REMARKS"));
            }
        }
        return out;
    }

    private static boolean hasColumn(ResultSetMetaData md, String label) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnLabel(i).equalsIgnoreCase(label)) {
                return true;
            }
        }
        return false;
    }

    /** psql's {@code \dt+} row without the owner (4th) and size (7th) fields, which differ by nature. */
    private static List<String> withoutOwnerAndSize(String listing) {
        List<String> rows = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length >= 8) {
                f[3] = "";
                f[6] = "";
            }
            rows.add(String.join("|", f));
        }
        return rows;
    }

    private static String psql(int port, String user, String command) throws Exception {
        return CatalogFixture.psql(port, user, "test", command, "-A", "-P", "pager=off");
    }

    private static List<List<String>> rows(Connection c, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
