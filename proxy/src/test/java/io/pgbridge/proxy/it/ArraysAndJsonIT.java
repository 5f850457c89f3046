package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Arrays and jsonb on the backends that have neither (MariaDB, SQLite store both as JSON): each statement runs on
 * PostgreSQL 15 directly and through pgbridge, and both must answer alike: column labels, values as text (numbers
 * by value), and for the statements that say so the column types (array OIDs, jsonb) the client sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArraysAndJsonIT {
    private static final String[] SETUP = {
            "drop table if exists arr_articles", "drop table if exists arr_docs",
            "create table arr_articles (id integer primary key, title text not null, tags text[] not null default '{}',"
                    + " scores integer[])",
            "insert into arr_articles values (1, 'Intro', ARRAY['sql', 'beginner'], ARRAY[5, 4, 5])",
            "insert into arr_articles values (2, 'Window functions', '{sql,advanced}'::text[], '{3,5}'::int[])",
            "insert into arr_articles (id, title) values (3, 'Draft')",
            "create table arr_docs (id integer primary key, doc jsonb not null)",
            "insert into arr_docs values (1, '{\"b\": 2, \"a\": 1, \"list\": [\"x\", \"y\"], \"flag\": true}'::jsonb),"
                    + " (2, '[\"a\", \"c\"]'::jsonb), (3, '{\"c\": {\"d\": null}}'::jsonb)"};

    private final Map<String, RunningProxy> proxies = new LinkedHashMap<>();
    private final Map<String, Connection> viaProxy = new LinkedHashMap<>();
    private Connection postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        setUp(postgres);
        for (String kind : List.of("sqlite", "mariadb")) {
            RunningProxy proxy = RunningProxy.forKind(kind);
            proxies.put(kind, proxy);
            Connection c = proxy.connect();
            viaProxy.put(kind, c);
            setUp(c);
        }
    }

    /** The same DDL and DML through each connection; two rows more from bound arrays (pgjdbc's setArray). */
    private static void setUp(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : SETUP) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into arr_articles values (?, ?, ?, ?)")) {
            Object[][] rows = {{4, "Bound", new String[] {"a b", "c,d", null, "\"q\""}, new Integer[] {7, null}},
                    {5, "Empty", new String[0], new Integer[0]}};
            for (Object[] row : rows) {
                ps.setInt(1, (Integer) row[0]);
                ps.setString(2, (String) row[1]);
                ps.setArray(3, c.createArrayOf("text", (Object[]) row[2]));
                ps.setArray(4, c.createArrayOf("int4", (Object[]) row[3]));
                ps.executeUpdate();
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Connection c : List.of(postgres, viaProxy.get("mariadb"))) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists arr_articles");
                st.execute("drop table if exists arr_docs");
            }
        }
        postgres.close();
        for (Connection c : viaProxy.values()) {
            c.close();
        }
        for (RunningProxy proxy : proxies.values()) {
            proxy.close();
        }
    }

    /** Statements, with "types:" in front where the column types must match too. */
    private static final String[] STATEMENTS = {
            "types:select id, tags from arr_articles order by id",
            "select id, scores from arr_articles order by id",
            "select title from arr_articles where 'advanced' = any (tags)",
            "select id, 5 = any (scores) as has5, 6 <> all (scores) as no6, 4 < any (scores) as big from arr_articles"
                    + " order by id",
            "select id, tags[1] as first_tag, scores[2] as second_score, tags[0] as none from arr_articles order by id",
            "select id, array_length(tags, 1) as n, cardinality(scores) as c from arr_articles order by id",
            "select id from arr_articles where tags @> ARRAY['sql'] order by id",
            "select id from arr_articles where ARRAY['sql'] <@ tags and tags && ARRAY['beginner', 'zzz'] order by id",
            "select id, unnest(tags) as tag from arr_articles order by id, tag",
            "select a.id, t from arr_articles a, unnest(a.tags) as t order by 1, 2",
            "select id, array_to_string(tags, ';') as s, array_to_string(scores, ',', '-') as n from arr_articles"
                    + " order by id",
            "types:select array_agg(distinct title order by title) as titles from arr_articles",
            "select array_agg(id order by id desc) as ids from arr_articles",
            "types:select ARRAY[1, 2, 3] as a, '{x,\"y z\",NULL}'::text[] as b, ARRAY['p', 'q'] as c",
            "select id, array_append(tags, 'new') as t, array_prepend('first', tags) as p,"
                    + " array_cat(tags, ARRAY['z']) as c, tags || ARRAY['w'] as w from arr_articles order by id",
            "select id, array_position(tags, 'sql') as p from arr_articles order by id",
            "select id, doc ? 'a' as has_a, doc ?| ARRAY['a', 'c'] as any_key, doc ?& ARRAY['a', 'b'] as all_keys"
                    + " from arr_docs order by id",
            "select id from arr_docs where doc @> '{\"a\": 1}' or doc @> '[\"c\"]' order by id",
            "select id, jsonb_typeof(doc) as t, jsonb_typeof(doc -> 'a') as a, jsonb_typeof(doc -> 'flag') as f"
                    + " from arr_docs order by id",
            "types:select id, doc from arr_docs order by id",
            "types:select id, doc || '{\"z\": true}'::jsonb as merged, doc - 'a' as removed from arr_docs order by id",
            "select id, jsonb_set(doc, '{b}', '\"x\"') as s from arr_docs where id = 1",
            "select value from arr_docs, jsonb_array_elements_text(doc -> 'list') order by value",
            "select jsonb_array_length(doc -> 'list') as n from arr_docs where id = 1",
            "types:select jsonb_build_object('k', 1, 'ok', 1 = 1, 'no', 1 = 2) as o",
            "types:select '{\"b\": 1, \"a\": [1, 2, {\"c\": null}]}'::jsonb as normalised",
            "select jsonb_agg(id order by id desc) as ids from arr_docs",
            "select doc ->> 'flag' as flag, doc #>> '{list,1}' as second from arr_docs where id = 1"};

    Stream<Arguments> statements() {
        return Stream.of("sqlite", "mariadb").flatMap(kind -> Stream.of(STATEMENTS).map(s -> Arguments.of(kind, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("statements")
    void answersAsPostgres(String kind, String statement) throws SQLException {
        boolean types = statement.startsWith("types:");
        String sql = types ? statement.substring("types:".length()) : statement;
        assertThat(rows(viaProxy.get(kind), sql, types)).as(sql).isEqualTo(rows(postgres, sql, types));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("parameters")
    void readsArrayParameters(String kind, String sql) throws SQLException {
        assertThat(bound(viaProxy.get(kind), sql)).as(sql).isEqualTo(bound(postgres, sql));
    }

    Stream<Arguments> parameters() {
        return Stream.of("sqlite", "mariadb").flatMap(kind -> Stream.of(
                "select id from arr_articles where id = any (?) order by id",
                "select id from arr_articles where tags @> ? order by id").map(s -> Arguments.of(kind, s)));
    }

    private static List<String> bound(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = sql.contains("tags") ? c.createArrayOf("text", new String[] {"sql"})
                    : c.createArrayOf("int4", new Integer[] {1, 3, 9});
            ps.setArray(1, array);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("errors")
    void failsWithPostgresSqlState(String kind, String sql) {
        SQLException expected = catchThrowableOfType(SQLException.class, () -> rows(postgres, sql, false));
        SQLException actual = catchThrowableOfType(SQLException.class, () -> rows(viaProxy.get(kind), sql, false));
        assertThat((Object) expected).as("PostgreSQL rejects " + sql).isNotNull();
        assertThat((Object) actual).as("pgbridge on " + kind + " rejects " + sql).isNotNull();
        assertThat(actual.getSQLState()).as(sql + ": " + actual.getMessage()).isEqualTo(expected.getSQLState());
    }

    Stream<Arguments> errors() {
        return Stream.of("sqlite", "mariadb").flatMap(kind -> Stream.of("select '{a,b'::text[]",
                "select '{1,x}'::int[]")
                .map(s -> Arguments.of(kind, s)));
    }

    private static List<String> rows(Connection c, String sql, boolean types) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                header.append(rs.getMetaData().getColumnLabel(i))
                        .append(types ? ":" + rs.getMetaData().getColumnTypeName(i) : "").append(' ');
            }
            rows.add(header.toString());
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(SqliteFunctionsIT.normalised(rs.getString(i))).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
