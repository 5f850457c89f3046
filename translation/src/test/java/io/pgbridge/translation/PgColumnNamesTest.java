package io.pgbridge.translation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected names are what PostgreSQL 15 answers for {@code SELECT <item> FROM t}. */
class PgColumnNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "count(*)|count",
            "pg_catalog.count(x)|count",
            "sum(a) filter (where a > 1)|sum",
            "row_number() over (order by a)|row_number",
            "rank() over w|rank",
            "1|?column?",
            "'a'|?column?",
            "a + 1|?column?",
            "(a)|a",
            "t.a::text|a",
            "'12'::int|int4",
            "'1'::text::int|int4",
            "a::text::int|a",
            "'t'::regclass::oid|oid",
            "'1'::integer + 1|?column?",
            "'x'::double precision|float8",
            "'2024-01-01'::timestamp with time zone|timestamptz",
            "'{1}'::int[]|int4",
            "'x'::varchar(10)|varchar",
            "cast(a as bigint)|a",
            "cast('1' as bigint)|int8",
            "case when a then 1 end|case",
            "true|bool",
            "null|?column?",
            "interval '1 day'|interval",
            "date '2024-01-01'|date",
            "array[1, 2]|array",
            "exists (select 1)|exists",
            "coalesce(a, 0)|coalesce",
            "current_timestamp|current_timestamp",
            "a[1]|a",
            "\"MixedCase\"|MixedCase",
            "Upper|upper",
            "-a|?column?",
            "a is null|?column?",
            "trim(' x ')|btrim",
            "extract(epoch from ts)|extract",
            "string_agg(a, ',' order by a)|string_agg",
    })
    void namesAsPostgresDoes(String item, String expected) {
        SqlTokens t = new SqlTokens(item);
        assertThat(PgColumnNames.hasAlias(t, 0, t.size())).as("alias").isFalse();
        assertThat(PgColumnNames.nameOf(t, 0, t.size())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"count(*) c", "a as b", "a b", "1 \"x\"", "a + 1 total",
            "a::int r", "'x'::text y", "a::varchar(5) v", "a::pg_catalog.int4 n", "a::double precision d",
            "a::timestamp(3) with time zone ts", "a::interval day to second i", "a::int[] arr"})
    void recognisesAliases(String item) {
        SqlTokens t = new SqlTokens(item);
        assertThat(PgColumnNames.hasAlias(t, 0, t.size())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"a::int", "a::double precision", "x is not null", "case when a then 1 end",
            "t.a", "interval '1' day", "a collate \"C\"", "a::timestamp(3) with time zone", "a::character varying(5)",
            "a::interval day to second", "a::time without time zone", "a::bit varying"})
    void typeWordsAndKeywordsAreNotAliases(String item) {
        SqlTokens t = new SqlTokens(item);
        assertThat(PgColumnNames.hasAlias(t, 0, t.size())).isFalse();
    }
}
