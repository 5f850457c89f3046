package io.pgbridge.translation.h2;

import io.pgbridge.translation.TranslationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each translation is run on a real in-memory H2 with the settings the proxy gives it, and the answer is compared
 * with what PostgreSQL 15 returns for the original statement (written down here from psql).
 */
class H2TranslatorTest {
    private final H2Translator translator = new H2Translator();
    private TranslatedH2 h2;

    @BeforeEach
    void open() throws SQLException {
        h2 = new TranslatedH2(translator);
        run("create table t (id serial primary key, name text not null, score int)");
        run("insert into t (name, score) values ('alice', 10), ('bob', 20)");
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    @Test
    void escapeStringsBecomeTheCharactersTheyStandFor() throws SQLException {
        assertThat(translator.translate("select E'a\\nb', E'it\\'s'").sql())
                .isEqualTo("select 'a\nb' AS \"?column?\", 'it''s' AS \"?column?\"");
        assertThat(query("select E'a\\nb' as v")).containsExactly("v", "a\nb");
    }

    @Test
    void resultColumnsGetPostgresNames() throws SQLException {
        assertThat(query("select count(*), max(name), 1 + 1, score::text, 'x'::varchar, "
                + "case when score > 10 then 'big' end from t where id = 2"))
                .containsExactly("count|max|?column?|score|varchar|case", "1|bob|2|20|x|big");
        // Subqueries too: the outer query refers to the inner names.
        assertThat(query("select s.count from (select count(*) from t) s")).containsExactly("count", "2");
    }

    @Test
    void intervalInputBecomesH2Intervals() throws SQLException {
        assertThat(query("select timestamp '2024-03-05 10:11:12' + interval '1 day 2 hours' as v"))
                .containsExactly("v", "2024-03-06 12:11:12");
        assertThat(query("select timestamp '2024-03-05 10:11:12' - '1 month'::interval as v"))
                .containsExactly("v", "2024-02-05 10:11:12");
    }

    @Test
    void generateSeriesNamesItsColumnAsPostgresDoes() throws SQLException {
        assertThat(query("select * from generate_series(1, 2)")).containsExactly("generate_series", "1", "2");
        assertThat(query("select i from generate_series(1, 2) i")).containsExactly("i", "1", "2");
        assertThat(query("select g.n from generate_series(1, 2) as g(n)")).containsExactly("n", "1", "2");
        assertThat(query("select n from generate_series(3, -3, -3) as s(n)")).containsExactly("n", "3", "0", "-3");
        assertThat(query("select count(*) from generate_series(1, 3) a join generate_series(2, 4) b on a = b"))
                .containsExactly("count", "2");
    }

    @Test
    void returningReadsTheDeltaTables() throws SQLException {
        assertThat(query("insert into t (name, score) values ('carol', 30) returning id, t.name"))
                .containsExactly("id|name", "3|carol");
        assertThat(query("update t set score = score + 1 where id = 1 returning score")).containsExactly("score", "11");
        assertThat(query("delete from t as x where x.id = 2 returning x.name, score * 2"))
                .containsExactly("name|?column?", "bob|40");
        assertThat(query("select count(*) from t")).containsExactly("count", "2");
    }

    @Test
    void onConflictDoNothingSkipsTheConflictingRow() throws SQLException {
        assertThat(update("insert into t (id, name) values (1, 'dup'), (7, 'new') on conflict (id) do nothing"))
                .isEqualTo(1);
        assertThat(query("select name from t order by id")).containsExactly("name", "alice", "bob", "new");
    }

    @Test
    void onConflictDoUpdateMergesWithExcluded() throws SQLException {
        String sql = "insert into t as x (id, name, score) values (1, 'ALICE', 5), (9, 'ivan', 1) "
                + "on conflict (id) do update set name = excluded.name, score = x.score + excluded.score where x.id < 5";
        assertThat(translator.translate(sql).sql()).startsWith("MERGE INTO t AS x USING (values (1, 'ALICE', 5), (9, 'ivan', 1))");
        assertThat(update(sql)).isEqualTo(2);
        assertThat(query("select id, name, score from t order by id"))
                .containsExactly("id|name|score", "1|ALICE|15", "2|bob|20", "9|ivan|1");
    }

    @Test
    void upsertsItCannotExpressFailWithFeatureNotSupported() {
        assertThatThrownBy(() -> translator.translate("insert into t values (1, 'a', 1) on conflict (id) do update set name = 'b'"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("0A000");
                    assertThat(e.getMessage()).contains("column list");
                });
    }

    @Test
    void typedLiteralsH2CannotReadAreNormalised() throws SQLException {
        run("create table lit (d date, b boolean, f float8, bin bytea)");
        // pgjdbc's simple mode sends setDate untyped with a zone, setBytes as '\x…'::bytea.
        assertThat(update("insert into lit values ('2024-02-21 +01', 'yes'::boolean, 'inf'::float8, '\\x0001ff'::bytea)"))
                .isEqualTo(1);
        assertThat(update("insert into lit values ('2024-02-22'::date, 'off'::boolean, '-Infinity'::float8, "
                + "'a\\\\b\\001'::bytea)")).isEqualTo(1);
        assertThat(query("select d, b, f, length(bin) as n, rawtohex(bin) as bin from lit order by d"))
                .containsExactly("d|b|f|n|bin", "2024-02-21|TRUE|Infinity|3|0001ff", "2024-02-22|FALSE|-Infinity|4|615c6201");
    }

    @Test
    void caretIsPower() throws SQLException {
        assertThat(query("select 2 ^ 3 * 2 as a, 2 * 3 ^ 2 as b, 2 ^ -1 as c, (1 + 1) ^ score as d from t where id = 1"))
                .containsExactly("a|b|c|d", "16.0|18.0|0.5|1024.0");
    }

    @Test
    void namesH2ReservesAreQuotedWhereTheyAreNames() throws SQLException {
        run("create table kv (key text primary key, value text, month int)");
        assertThat(update("insert into kv (key, value, month) values ('a', 'x', 2)")).isEqualTo(1);
        assertThat(query("select key, value, kv.month, extract(month from date '2024-03-05') as month, "
                + "date_part('year', date '2024-03-05') as year, interval '1' day as d from kv order by month"))
                .containsExactly("key|value|month|month|year|d", "a|x|2|3|2024|INTERVAL '1' DAY");
    }

    @Test
    void deleteUsingBecomesExists() throws SQLException {
        run("create table gone (id int)");
        run("insert into gone values (1), (2)");
        assertThat(update("delete from t using gone g where g.id = t.id and g.id = 2")).isEqualTo(1);
        assertThat(query("select name from t order by id limit all")).containsExactly("name", "alice");
    }

    @Test
    void castOfALiteralIsReadAsTheTypedLiteral() throws SQLException {
        // SELECT CAST('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}' AS uuid), CAST('yes' AS boolean)
        assertThat(query("select CAST('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}' AS uuid) as u, CAST('yes' AS boolean) as b"))
                .containsExactly("u|b", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|TRUE");
    }

    @Test
    void upperCallsTheCharacterWiseFunction() {
        assertThat(translator.translate("select upper(name) as u from t").sql())
                .isEqualTo("select pgbridge_upper(name) as u from t");
    }

    @Test
    void parametersStayParameters() {
        assertThat(translator.translate("insert into t (name) values ($1) returning id").sql())
                .isEqualTo("SELECT id FROM FINAL TABLE (insert into t (name) values ($1)) AS t");
    }

    private void run(String sql) throws SQLException {
        h2.run(sql);
    }

    private int update(String sql) throws SQLException {
        return h2.update(sql);
    }

    private List<String> query(String sql) throws SQLException {
        return h2.query(sql);
    }
}
