package io.pgbridge.translation.calcite;

import io.pgbridge.translation.CachingTranslator;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL written for MariaDB where PostgreSQL's meaning needs more than a change of spelling. */
class MariaDbTranslationTest {
    private final Translator mariadb = CalciteTranslator.forMariaDb();

    private String sql(String statement) {
        return mariadb.translate(statement).sql().replace('\n', ' ');
    }

    @Test
    void zonedTimestampTextBecomesUtc() {
        assertThat(sql("insert into t values ('2024-02-29 13:15:30+01', '2023-12-31 18:00:00-05',"
                + " '2024-05-01 10:00:00.25Z', '2024-02-21 +00', 'not 2024-01-01+01', '2024-01-01')"))
                .isEqualTo("INSERT INTO \"t\" VALUES ('2024-02-29 12:15:30', '2023-12-31 23:00:00',"
                        + " '2024-05-01 10:00:00.250000', '2024-02-21', 'not 2024-01-01+01', '2024-01-01')");
        assertThat(sql("select 1 from t where at > '2024-05-02 12:00:00+05:30'"))
                .isEqualTo("SELECT 1 AS \"?column?\" FROM \"t\" WHERE \"at\" > '2024-05-02 06:30:00'");
    }

    @Test
    void zonedTimestampTextIsNotAStandInOfTheCache() {
        CachingTranslator cached = new CachingTranslator(mariadb, 100);
        String first = "update t set at = '2024-01-01 10:00:00+02' where id = 1";
        String second = "update t set at = '2024-01-01 10:00:00+03' where id = 2";
        assertThat(cached.translate(first).sql()).contains("'2024-01-01 08:00:00'");
        assertThat(cached.translate(second).sql()).contains("'2024-01-01 07:00:00'").contains("= 2");
    }

    @Test
    void namesTheColumnsPostgresTypesAsBoolean() {
        assertThat(mariadb.translate("select id, a = b, not c, d is null, true, x::boolean, bool_and(e),"
                + " case when f then true else false end, count(*), g from t group by id").booleanColumns())
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(mariadb.translate("select a > 1 as big, * from t union select true, * from u").booleanColumns())
                .containsExactly(0);
        assertThat(mariadb.translate("insert into t (a) values (1) returning a, a > 0").booleanColumns())
                .containsExactly(1);
    }

    @Test
    void booleanColumnsSurviveTheCache() {
        CachingTranslator cached = new CachingTranslator(mariadb, 100);
        cached.translate("select a, b = 5 from t where c = 'x'");
        assertThat(cached.translate("select a, b = 6 from t where c = 'y'").booleanColumns()).containsExactly(1);
    }

    @Test
    void writesFunctionsMariaDbLacks() {
        assertThat(sql("select to_date(d, 'DD/MM/YYYY HH24:MI') from t"))
                .isEqualTo("SELECT CAST(STR_TO_DATE(\"d\", '%d/%m/%Y %H:%i') AS DATE) AS \"to_date\" FROM \"t\"");
        assertThat(sql("select regexp_replace(a, 'x(y)', '[\\1]') from t"))
                .isEqualTo("SELECT REGEXP_REPLACE(\"a\", '(?s)^(.*?)(x(y))', '\\1[\\3]') AS \"regexp_replace\" FROM \"t\"");
        for (String refused : new String[] {"select regexp_replace(a, 'x', 'y', 'n') from t",
                "select translate(a, b, 'x') from t", "select format(f, a) from t", "select to_date(a, 'Q') from t"}) {
            assertThatThrownBy(() -> mariadb.translate(refused)).as(refused)
                    .isInstanceOfSatisfying(TranslationException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
    }

    @Test
    void withQueriesInFrontOfDataChangesAreWrittenWhereTheyAreUsed() {
        assertThat(sql("with big as (select id from s where n > 2), b2 as (select id from big) update s set n = n * 2"
                + " where id in (select id from b2 x)"))
                .isEqualTo("UPDATE \"s\" SET \"n\" = \"n\" * 2 WHERE \"id\" IN (SELECT \"id\" FROM (SELECT \"id\" FROM"
                        + " (SELECT \"id\" FROM \"s\" WHERE \"n\" > 2) AS \"big\") AS \"x\")");
        for (String refused : new String[] {"with q as (select 1 as id) delete from t where id in (select id from q)"
                + " or id in (select id from q)", "with t as (select 1 as id) delete from t",
                "with q (id) as (select 1) delete from t where id in (select id from q)",
                "with q as (delete from t returning id) delete from u where id in (select id from q)"}) {
            assertThatThrownBy(() -> mariadb.translate(refused)).as(refused)
                    .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
    }

    @Test
    void aNumberAndABooleanDoNotMeetInOneColumnOfAUnion() {
        // PostgreSQL 15: ERROR: UNION types integer and boolean cannot be matched (42804)
        assertThatThrownBy(() -> mariadb.translate("select 1, 'a' union all select a > 0, 'b' from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42804");
                    assertThat(e.getMessage()).isEqualTo("UNION types integer and boolean cannot be matched");
                });
        assertThatThrownBy(() -> mariadb.translate("select true except select 2.5"))
                .hasMessage("EXCEPT types boolean and numeric cannot be matched");
        assertThat(sql("select 1, true union select 2, a = b from t"))
                .isEqualTo("SELECT 1 AS \"?column?\", TRUE AS \"?column?\" UNION SELECT 2, \"a\" = \"b\" FROM \"t\"");
    }

    @Test
    void aChainOfCastsIsNamedAfterTheLastUnlessWhatItCastsHasAName() {
        // PostgreSQL 15: '1'::text::int is int4, a::text::int is a
        assertThat(sql("select '1'::text::int, a::text::int from t")).contains("AS \"int4\"").contains("AS \"a\"");
    }

    @Test
    void int4ResultsAreNamedInt4WhereMariaDbSaysBigint() {
        // MariaDB's CAST AS SIGNED and DIV are BIGINT; PostgreSQL: '7'::int, '150020'::int / 100 and 7 % 2 are integer
        var translation = CalciteTranslator.forMariaDb().translate(
                "select '7'::int, '150020'::int / 100 as version, 7 % 2, '7'::bigint, a / 2 from t");
        assertThat(translation.columnTypes()).containsEntry(0, "int4").containsEntry(1, "int4").containsEntry(2, "int4")
                .doesNotContainKeys(3, 4);
    }

    @Test
    void int4ArithmeticFailsOutsideItsRange() {
        // PostgreSQL 15: SELECT 2147483646 + 1 is 2147483647; SELECT 2147483647 + 1 fails with 22003
        String checked = "(CASE WHEN (2147483646 + 1) BETWEEN -2147483648 AND 2147483647 THEN (2147483646 + 1)"
                + " ELSE (2147483646 + 1) * 9223372036854775807 END)";
        assertThat(sql("select 2147483646 + 1, a + 1 from t"))
                .isEqualTo("SELECT " + checked + " AS \"?column?\", \"a\" + 1 AS \"?column?\" FROM \"t\"");
        // a bigint constant: bigint arithmetic, which MariaDB checks itself; the cache keeps such constants
        assertThat(sql("select 3000000000 - 1")).isEqualTo("SELECT 3000000000 - 1 AS \"?column?\"");
        CachingTranslator cached = new CachingTranslator(mariadb, 100);
        assertThat(cached.translate("select x from t where y = 5 + 1").sql()).contains("BETWEEN");
        assertThat(cached.translate("select x from t where y = 5000000000 + 1").sql()).doesNotContain("BETWEEN");
    }

    @Test
    void aLateralRowBecomesScalarSubqueries() {
        assertThat(sql("select c.name, r.id from c cross join lateral (select o.id from o where o.cid = c.id"
                + " order by o.at desc limit 1) r"))
                .isEqualTo("SELECT \"c\".\"name\", (SELECT \"o\".\"id\" FROM \"o\" WHERE \"o\".\"cid\" = \"c\".\"id\""
                        + " ORDER BY \"o\".\"at\" IS NULL DESC, \"o\".\"at\" DESC LIMIT 1) AS \"id\" FROM \"c\""
                        + " WHERE EXISTS (SELECT 1 FROM \"o\" WHERE \"o\".\"cid\" = \"c\".\"id\""
                        + " ORDER BY \"o\".\"at\" IS NULL DESC, \"o\".\"at\" DESC LIMIT 1)");
    }

    @Test
    void overridingSystemValueGivesTheKeyAsWritten() {
        assertThat(sql("insert into t (id, a) overriding system value values ($1, 2)"))
                .isEqualTo("INSERT INTO \"t\" (\"id\", \"a\") VALUES ($1, 2)");
        assertThatThrownBy(() -> mariadb.translate("insert into t (id) overriding user value values (1)"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void percentilesReadTheSortedValuesOfTheGroup() {
        assertThat(sql("select percentile_disc(0.5) within group (order by p desc) from t group by g"))
                .isEqualTo("SELECT JSON_VALUE(JSON_ARRAYAGG(\"p\" ORDER BY \"p\" IS NULL, \"p\" DESC),"
                        + " CONCAT('$[', GREATEST(CEIL(0.5 * COUNT(\"p\")), 1) - 1, ']')) AS \"percentile_disc\""
                        + " FROM \"t\" GROUP BY \"g\"");
        String below = "CAST(JSON_VALUE(JSON_ARRAYAGG(\"e\" ORDER BY \"e\" IS NULL, \"e\"),"
                + " CONCAT('$[', FLOOR(0.25 * (COUNT(\"e\") - 1)), ']')) AS DOUBLE)";
        String above = below.replace("FLOOR(", "CEIL(");
        assertThat(sql("select percentile_cont(0.25) within group (order by e) as q1 from t"))
                .isEqualTo("SELECT (CASE WHEN COUNT(\"e\") = 0 THEN NULL ELSE " + below + " + (0.25 * (COUNT(\"e\") - 1)"
                        + " - FLOOR(0.25 * (COUNT(\"e\") - 1))) * (" + above + " - " + below + ") END) AS \"q1\" FROM \"t\"");
        assertThatThrownBy(() -> mariadb.translate("select percentile_cont(1.5) within group (order by e) from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
        assertThatThrownBy(() -> mariadb.translate("select mode() within group (order by e) from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void regexMatchesTellCaseApart() {
        assertThat(sql("select a ~ '^x', a !~ 'y' from t where b ~ $1"))
                .isEqualTo("SELECT (\"a\" COLLATE utf8mb4_bin REGEXP '^x') AS \"?column?\","
                        + " (\"a\" COLLATE utf8mb4_bin NOT REGEXP 'y') AS \"?column?\" FROM \"t\""
                        + " WHERE (\"b\" COLLATE utf8mb4_bin REGEXP $1)");
        assertThat(mariadb.translate("select a ~ 'x' from t").booleanColumns()).containsExactly(0);
        assertThatThrownBy(() -> mariadb.translate("select a ~* 'x' from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void samplesStatisticsAndDateArithmeticAsPostgres() {
        assertThat(sql("select stddev(a), variance(a) from t"))
                .isEqualTo("SELECT STDDEV_SAMP(\"a\") AS \"stddev\", VAR_SAMP(\"a\") AS \"variance\" FROM \"t\"");
        assertThat(sql("select d + interval '1 month' from t"))
                .isEqualTo("SELECT CAST((\"d\" + INTERVAL 1 MONTH) AS DATETIME(6)) AS \"?column?\" FROM \"t\"");
    }

    @Test
    void ordinalSortKeysPlaceTheirItemsNullsAsPostgresDoes() {
        assertThat(sql("select category, count(*) from products group by 1 order by 1 nulls last"))
                .endsWith("GROUP BY 1 ORDER BY \"category\" IS NULL, 1");
        assertThat(sql("select a, b as c from t order by 2 desc nulls last, 1"))
                .endsWith("ORDER BY 2 DESC, \"a\" IS NULL, 1");
        assertThat(sql("select * from t order by 1")).endsWith("ORDER BY 1");
    }

    @Test
    void castAfterAWindowTakesTheWholeWindowedCall() {
        assertThat(sql("select round(percent_rank() over (order by a)::numeric, 3) as pr from t"))
                .startsWith("SELECT round(CAST(percent_rank() OVER (ORDER BY");
    }

    @Test
    void cachedShapesKeepOrdinals() {
        CachingTranslator cached = new CachingTranslator(mariadb, 100);
        assertThat(cached.translate("select a, b from t order by 2, 1 nulls last").sql())
                .endsWith("ORDER BY \"b\" IS NULL, 2, \"a\" IS NULL, 1");
        assertThat(cached.translate("select a, b from t order by 1, 2 nulls last").sql())
                .endsWith("ORDER BY \"a\" IS NULL, 1, \"b\" IS NULL, 2");
    }

    @Test
    void valuesInFromWithColumnNamesBecomeANamedUnion() {
        assertThat(sql("select * from (values (1, 'one'), (2, 'two')) as v (num, word) order by num desc"))
                .isEqualTo("SELECT * FROM (SELECT 1 AS \"num\", 'one' AS \"word\" UNION ALL SELECT 2, 'two') AS \"v\""
                        + " ORDER BY \"num\" IS NULL DESC, \"num\" DESC");
    }

    @Test
    void caretIsPowerBindingTighterThanMultiplication() {
        assertThat(sql("select 2 ^ 3 as c, 2 * x ^ 2 + 1 as d, 2 ^ 3 ^ 2 as e, f(a) ^ (b + 1) as g from t"))
                .isEqualTo("SELECT power(2, 3) AS \"c\", 2 * power(\"x\", 2) + 1 AS \"d\","
                        + " power(power(2, 3), 2) AS \"e\", power(f(\"a\"), \"b\" + 1) AS \"g\" FROM \"t\"");
        assertThatThrownBy(() -> sql("select 2 ^ '3'::int")).isInstanceOf(TranslationException.class);
    }

    @Test
    void leadAndLagDefaultsApplyOutsideThePartitionOnly() {
        assertThat(sql("select lead(amount, 1, 0) over w as next from sales window w as (order by id)"))
                .startsWith("SELECT (CASE WHEN (LEAD(1, 1) OVER \"w\") IS NULL THEN 0"
                        + " ELSE LEAD(\"amount\", 1) OVER \"w\" END) AS \"next\"");
    }
}
