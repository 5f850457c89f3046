package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL statements the embedded H2 default cannot run as written, through the proxy with pgjdbc. Each
 * expectation is PostgreSQL 15's answer to the same statement (checked with psql).
 */
class H2TranslationIT {
    private static RunningProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningProxy.h2();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void actorStateIsReadWithJsonOperators() throws SQLException {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("delete from actors where actor_id like 'json-%'");
            st.execute("insert into actors (actor_id, actor_type, state) values "
                    + "('json-1', 'cart', '{\"items\": [{\"sku\": \"A\", \"qty\": 2}], \"owner\": {\"name\": \"Ann\"}}')");
            assertThat(rows(st, "select state->'owner'->>'name', state#>>'{items,0,sku}', "
                    + "(state->'items'->0->>'qty')::int * 10 as qty10, state->>'missing' is null as absent "
                    + "from actors where actor_id = 'json-1'"))
                    .containsExactly("?column?|?column?|qty10|absent", "Ann|A|20|t");
            try (PreparedStatement ps = c.prepareStatement(
                    "select actor_id from actors where state->'owner'->>'name' = ? and actor_type = ?")) {
                ps.setString(1, "Ann");
                ps.setString(2, "cart");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("json-1");
                }
            }
        }
    }

    @Test
    void jsonFunctionsAndOperatorsAnswerAsPostgres() throws SQLException {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("drop table if exists docs");
            st.execute("create table docs (id int primary key, name text, body jsonb, tags text[])");
            st.execute("insert into docs values (1, 'a', '{\"theme\": \"dark\", \"tags\": [\"x\", \"y\"]}', "
                    + "ARRAY['sql', 'intro']), (2, 'b', '{\"theme\": \"light\", \"limit\": 5}', ARRAY['sql'])");
            assertThat(rows(st, "select id from docs where body ? 'limit'")).containsExactly("id", "2");
            assertThat(rows(st, "select id from docs where body @> '{\"theme\": \"dark\"}'"))
                    .containsExactly("id", "1");
            assertThat(rows(st, "select id from docs where tags @> ARRAY['intro']")).containsExactly("id", "1");
            assertThat(rows(st, "select jsonb_array_length(body -> 'tags') as n, jsonb_typeof(body -> 'theme') as t "
                    + "from docs where id = 1")).containsExactly("n|t", "2|string");
            assertThat(rows(st, "select jsonb_build_object('name', name, 'first', id = 1) as doc, "
                    + "'{\"b\": 1, \"a\": [1, {\"c\": null}]}'::jsonb as normalised from docs where id = 1"))
                    .containsExactly("doc|normalised",
                            "{\"name\": \"a\", \"first\": true}|{\"a\": [1, {\"c\": null}], \"b\": 1}");
            assertThat(rows(st, "select json_agg(name order by name desc) as names, "
                    + "jsonb_object_agg(name, id) as ids from docs"))
                    .containsExactly("names|ids", "[\"b\", \"a\"]|{\"a\": 1, \"b\": 2}");
            assertThat(st.executeUpdate("update docs set body = jsonb_set(body, '{theme}', '\"solar\"') where id = 2"))
                    .isEqualTo(1);
            assertThat(rows(st, "select body ->> 'theme' as theme, encode(decode('00ff', 'hex'), 'hex') as hex, "
                    + "format('%s is %L', name, body ->> 'limit') as f from docs where id = 2"))
                    .containsExactly("theme|hex|f", "solar|00ff|b is '5'");
            assertThatThrownBy(() -> st.executeQuery("select '{\"broken\": }'::jsonb"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
        }
    }

    @Test
    void returningAndUpsertAnswerWithPostgresTags() throws SQLException {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("drop table if exists upserts");
            st.execute("create table upserts (id int primary key, name text, hits int default 0)");
            assertThat(rows(st, "insert into upserts (id, name) values (1, 'a'), (2, 'b') returning id, upper(name)"))
                    .containsExactly("id|upper", "1|A", "2|B");
            assertThat(st.executeUpdate("insert into upserts (id, name) values (1, 'x') on conflict (id) do nothing"))
                    .isZero();
            assertThat(st.executeUpdate("insert into upserts (id, name) values (2, 'B2'), (3, 'c') "
                    + "on conflict (id) do update set name = excluded.name, hits = upserts.hits + 1")).isEqualTo(2);
            assertThat(rows(st, "update upserts set hits = hits + 10 where id > 1 returning id, hits"))
                    .containsExactly("id|hits", "2|11", "3|10");
            assertThat(rows(st, "delete from upserts where id = 1 returning name")).containsExactly("name", "a");
            assertThat(rows(st, "select id, name from upserts order by id")).containsExactly("id|name", "2|B2", "3|c");
        }
    }

    @Test
    void literalsAndNamesComeOutAsInPostgres() throws SQLException {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            assertThat(rows(st, "select E'a\\tb', count(*), 1 + 1, 'x'::varchar, "
                    + "timestamp '2024-03-05 10:11:12' + interval '1 day 2 hours' from generate_series(1, 3)"))
                    .containsExactly("?column?|count|?column?|varchar|?column?", "a\tb|3|2|x|2024-03-06 12:11:12");
        }
    }

    @Test
    void syntaxErrorPositionsPointIntoTheClientText() throws SQLException {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("select count(*) from actors where");
        } catch (org.postgresql.util.PSQLException e) {
            assertThat(e.getSQLState()).isEqualTo("42601");
            assertThat(e.getServerErrorMessage().getPosition()).isEqualTo("select count(*) from actors where".length() + 1);
            return;
        }
        throw new AssertionError("expected a syntax error");
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            lines.add(String.join("|", labels));
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                lines.add(String.join("|", values));
            }
        }
        return lines;
    }
}
