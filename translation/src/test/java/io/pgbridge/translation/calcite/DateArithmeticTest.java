package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Date and interval arithmetic decided from the operands' types as written; expected texts are PostgreSQL 15's. */
class DateArithmeticTest {
    private final Translator mariadb = CalciteTranslator.forMariaDb();
    private final Translator sqlite = CalciteTranslator.forSqlite();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 day|/|3|08:00:00", "15 minutes|*|4|01:00:00", "1 mon|*|1.5|1 mon 15 days",
            "1 mon|/|7|4 days 06:51:25.6896", "10 days|*|0.35|3 days 12:00:00", "1 day|/|2|12:00:00",
            "1 year 2 mons -3 days 04:05:06.7|*|1|1 year 2 mons -3 days +04:05:06.7", "-1 day|*|1|-1 days",
            "0|*|1|00:00:00", "1 hour|*|-1.5|-01:30:00", "2 years|/|3|8 mons"})
    void scalesIntervalsAsPostgres(String interval, String operator, double factor, String expected) {
        IntervalConstant value = IntervalConstant.of(IntervalValue.parse(interval));
        IntervalConstant scaled = operator.equals("*") ? value.times(factor) : value.dividedBy(factor);
        assertThat(scaled.text()).isEqualTo(expected);
    }

    @Test
    void typedOperandsDecideDateArithmetic() {
        assertThat(mariadb.translate("select DATE '2024-03-01' - DATE '2024-02-01'").sql()).contains("DATEDIFF(");
        assertThat(sqlite.translate("select d::date + 7 from t").sql()).contains("date(date(pgbridge_datetime(`d`)), ((7)) || ' days')");
        assertThat(mariadb.translate("select TIMESTAMP '2024-01-02' - now()").sql()).contains("TIMESTAMPDIFF(MICROSECOND");
        // A table's columns are not typed here: their minus stays the backend's.
        assertThat(mariadb.translate("select a - b from t").sql()).contains("\"a\" - \"b\"");
    }

    @Test
    void columnsOfACteTakeTheTypeOfItsAnchor() {
        String sql = mariadb.translate("with recursive days (d) as (select DATE '2024-02-26' union all"
                + " select d + 1 from days where d < DATE '2024-03-02') select d from days").sql();
        assertThat(sql).contains("CAST(\"d\" + INTERVAL (1) DAY AS DATE)");
        String other = mariadb.translate("with c (d) as (select 1) select d + 1 from c").sql();
        assertThat(other).doesNotContain("INTERVAL");
    }

    @Test
    void refusesIntervalsItCannotCompute() {
        for (String statement : new String[] {"select interval '1 hour' * n from t",
                "select a from t where b > interval '1 day'",
                "select x from generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-02-01', interval '1 mon -1 day') as x"}) {
            assertThatThrownBy(() -> mariadb.translate(statement)).as(statement)
                    .isInstanceOfSatisfying(TranslationException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            "{a0eebc999c0b4ef8bb6d6bb9bd380a11}|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"})
    void readsUuidsAsPostgres(String input, String expected) {
        assertThat(UuidText.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not-a-uuid", "' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
            "a0eebc99-9c0b4-ef8-bb6d-6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"})
    void refusesUuidsPostgresRefuses(String input) {
        assertThatThrownBy(() -> sqlite.translate("select '" + input + "'::uuid"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"));
    }
}
