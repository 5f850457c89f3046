package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrays and jsonb as MariaDB and SQLite get them: JSON text, and the result types the proxy is told. */
class ArrayTranslationTest {
    private final Translator mariadb = CalciteTranslator.forMariaDb();
    private final Translator sqlite = CalciteTranslator.forSqlite();

    private static String sql(Translator translator, String statement) {
        return translator.translate(statement).sql().replace('\n', ' ');
    }

    @Test
    void arrayLiteralsBecomeJsonArraysOfTheElementType() {
        assertThat(PgArrayText.toJson("{a,\"b c\",NULL,\"NULL\",\"q\\\"\"}", "text"))
                .isEqualTo("[\"a\", \"b c\", null, \"NULL\", \"q\\\"\"]");
        assertThat(PgArrayText.toJson(" { 1 , -2,3 } ", "int4")).isEqualTo("[1, -2, 3]");
        assertThat(PgArrayText.toJson("{t,off}", "bool")).isEqualTo("[true, false]");
        assertThat(PgArrayText.toJson("{}", "text")).isEqualTo("[]");
        for (String bad : new String[] {"{a,b", "a,b", "{a,,b}", "{a}x"}) {
            assertThatThrownBy(() -> PgArrayText.toJson(bad, "text")).as(bad)
                    .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"));
        }
        assertThatThrownBy(() -> PgArrayText.toJson("{1,x}", "int4")).hasMessageContaining("type integer: \"x\"");
        assertThat(sql(sqlite, "select '{3,5}'::int[] as s")).isEqualTo("SELECT '[3, 5]' AS `s`");
    }

    @Test
    void namesTheResultColumnsThatAreArraysOrJson() {
        assertThat(sqlite.translate("select id, ARRAY[1, 2], '{a}'::text[], array_agg(x order by x), tags,"
                + " jsonb_build_object('a', 1), doc -> 'a', json_agg(x), a = b from t group by id").columnTypes())
                .isEqualTo(Map.of(1, "_int4", 2, "_text", 3, "_text", 5, "jsonb", 6, "jsonb", 7, "json", 8, "bool"));
        // MariaDB cannot write json's own spacing: its json columns are presented in jsonb's canonical form.
        assertThat(mariadb.translate("select json_agg(x) from t").columnTypes()).isEqualTo(Map.of(0, "jsonb"));
    }

    @Test
    void anyOverAnArrayTestsEachElementOutsideTheCallersNames() {
        // json_each has a column "id": the client's id must still mean the table's.
        assertThat(sql(sqlite, "select id from t where id = any ($1)")).contains(
                "EXISTS (SELECT 1 FROM (SELECT value AS pgbridge_v FROM json_each($1)) AS pgbridge_e"
                        + " WHERE `id` = pgbridge_e.pgbridge_v)");
    }

    @Test
    void containmentComparesArraysOrJsonbByWhatTheOperandsAre() {
        assertThat(sql(sqlite, "select 1 from t where tags @> ARRAY['x'] and doc @> '{\"a\": 1}'"))
                .contains("pgbridge_array_contains(`tags`, json_array('x'))")
                .contains("pgbridge_jsonb_contains(`doc`, '{\"a\": 1}')");
        assertThat(sql(mariadb, "select 1 from t where doc ? 'k'"))
                .contains("JSON_CONTAINS_PATH(\"doc\", 'one', CONCAT('$.\"', 'k', '\"'))");
    }

    @Test
    void unnestInTheSelectListIsAJoinWithTheElements() {
        assertThat(sql(mariadb, "select id, unnest(tags) as tag from t")).isEqualTo("SELECT \"id\","
                + " \"pgbridge_srf\".\"pgbridge_value\" AS \"tag\" FROM \"t\", JSON_TABLE(\"tags\", '$[*]' COLUMNS"
                + " (pgbridge_o FOR ORDINALITY, \"pgbridge_value\" LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                + " PATH '$')) AS \"pgbridge_srf\"");
        assertThat(sql(sqlite, "select id, unnest(tags) from t")).isEqualTo("SELECT `id`, `t`.`pgbridge_value` AS"
                + " `unnest` FROM (SELECT `t`.*, `pgbridge_srf`.`value` AS `pgbridge_value` FROM `t`,"
                + " json_each(`tags`) AS `pgbridge_srf`) AS `t`");
        assertThatThrownBy(() -> sqlite.translate("select unnest(a), unnest(b) from t"))
                .hasMessageContaining("more than one set-returning function");
    }

    @Test
    void orderedJsonAggregatesKeepTheirOrder() {
        assertThat(sql(sqlite, "select json_agg(x order by y desc) from t")).isEqualTo(
                "SELECT pgbridge_json_array_text(json_group_array(`x` ORDER BY `y` DESC NULLS FIRST)) AS `json_agg`"
                        + " FROM `t`");
        assertThat(sql(mariadb, "select array_agg(distinct x order by x) from t"))
                .isEqualTo("SELECT JSON_ARRAYAGG(DISTINCT \"x\" ORDER BY \"x\" IS NULL, \"x\") AS \"array_agg\" FROM \"t\"");
    }

    @Test
    void mariaDbRejectsJsonLiteralsThatAreNotJson() {
        for (String bad : new String[] {"{\"broken\": }", "{a: 1}", "[1,]", "01", "\"x", "tru", "{} x"}) {
            assertThatThrownBy(() -> mariadb.translate("select '" + bad + "'::jsonb")).as(bad)
                    .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"));
        }
        for (String good : new String[] {"{\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]}", " [] ", "\"s\"", "0"}) {
            assertThat(sql(mariadb, "select '" + good + "'::json as j")).as(good).isEqualTo("SELECT '" + good + "' AS \"j\"");
        }
    }
}
