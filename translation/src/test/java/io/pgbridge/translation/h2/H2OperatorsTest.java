package io.pgbridge.translation.h2;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators whose H2 form depends on what the operands evidently are. Date arithmetic runs on a real H2 and is
 * compared with PostgreSQL 15's answers; the jsonb and array operators call functions registered only by the
 * backend module, so here their translated text is checked.
 */
class H2OperatorsTest {
    private final H2Translator translator = new H2Translator();
    private TranslatedH2 h2;

    @BeforeEach
    void open() throws SQLException {
        h2 = new TranslatedH2(translator);
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    private String sql(String statement) {
        return translator.translate(statement).sql();
    }

    @Test
    void dateArithmeticGivesPostgresTypes() throws SQLException {
        // date - date is an integer; date ± interval a timestamp; date + integer a date
        assertThat(h2.query("SELECT DATE '2024-03-01' - DATE '2024-02-01' AS days, DATE '2024-03-01' + 7 AS later, "
                + "DATE '2024-01-31' + interval '1 month' AS plus, '2024-02-29'::date - interval '1 year' AS minus"))
                .containsExactly("days|later|plus|minus", "29|2024-03-08|2024-02-29 00:00:00|2023-02-28 00:00:00");
    }

    @Test
    void dayIntervalsDivideIntoHours() throws SQLException {
        // SELECT interval '1 day' / 2, interval '15 minutes' * 4, interval '3 days' * 2
        assertThat(h2.query("SELECT interval '1 day' / 2 AS half, interval '15 minutes' * 4 AS hour, "
                + "interval '3 days' * 2 AS six"))
                .containsExactly("half|hour|six", "INTERVAL '0 12:00:00' DAY TO SECOND|INTERVAL '1:00:00' HOUR TO SECOND|"
                        + "INTERVAL '6 00:00:00' DAY TO SECOND");
    }

    @Test
    void ordinaryArithmeticAndConcatenationStayAsWritten() {
        assertThat(sql("select a - 1, b || 'x', -c, d + interval '1 day' from t"))
                .isEqualTo("select a - 1 AS \"?column?\", b || 'x' AS \"?column?\", -c AS \"?column?\", "
                        + "d + INTERVAL '1' DAY AS \"?column?\" from t");
    }

    @Test
    void jsonbOperatorsCallTheRegisteredFunctions() {
        assertThat(sql("UPDATE p SET s = s - 'limit' WHERE s ? 'limit'"))
                .isEqualTo("UPDATE p SET s = pgbridge_jsonb_delete(s, 'limit') WHERE pgbridge_jsonb_exists(s, 'limit')");
        assertThat(sql("UPDATE p SET s = s || '{\"a\": 1}'::jsonb"))
                .isEqualTo("UPDATE p SET s = pgbridge_jsonb_concat(s, pgbridge_jsonb('{\"a\": 1}'))::jsonb");
        assertThat(sql("select id from p where s @> '{\"a\": []}' and tags <@ ARRAY['x', 'y']"))
                .isEqualTo("select id from p where pgbridge_jsonb_contains(s, '{\"a\": []}') "
                        + "and pgbridge_array_contains(ARRAY['x', 'y'], tags)");
        assertThat(sql("select s - 'today' from p")).doesNotContain("pgbridge");
    }

    @Test
    void jsonConstructorsAndAggregatesBecomeH2sStandardOnes() {
        assertThat(sql("select jsonb_build_object('a', x, 'b', y) from t"))
                .isEqualTo("select pgbridge_jsonb(JSON_OBJECT('a' VALUE x, 'b' VALUE y NULL ON NULL)) "
                        + "AS \"jsonb_build_object\" from t");
        assertThat(sql("select json_agg(x order by x) filter (where x > 0) as xs from t"))
                .isEqualTo("select pgbridge_json_array_text(JSON_ARRAYAGG(x order by x NULL ON NULL) "
                        + "filter (where x > 0)) as xs from t");
        assertThat(sql("select jsonb_object_agg(k, v) as o, decode(h, 'hex') as d from t"))
                .isEqualTo("select pgbridge_jsonb(JSON_OBJECTAGG(KEY k VALUE v NULL ON NULL)) as o, "
                        + "pgbridge_decode(h, 'hex') as d from t");
    }

    @Test
    void valuesAsAColumnLabelIsQuoted() throws SQLException {
        assertThat(h2.query("select 1 as values")).containsExactly("values", "1");
    }
}
