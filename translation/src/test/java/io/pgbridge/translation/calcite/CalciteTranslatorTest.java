package io.pgbridge.translation.calcite;

import io.pgbridge.translation.CachingTranslator;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import io.pgbridge.translation.Translation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL the translator writes, its refusals, and its fit with the statement cache. */
class CalciteTranslatorTest {
    private final Translator mariadb = CalciteTranslator.forMariaDb();
    private final Translator sqlite = CalciteTranslator.forSqlite();

    private static String sql(Translator translator, String statement) {
        return translator.translate(statement).sql().replace('\n', ' ');
    }

    @Test
    void sequenceFunctionsNameTheSequenceOnMariaDb() {
        assertThat(mariadb.translate("select nextval('invoice_seq') as n, setval('public.invoice_seq', 10, false)").sql())
                .contains("NEXTVAL(\"invoice_seq\")").contains("SETVAL(\"invoice_seq\", 10, FALSE)");
        assertThat(mariadb.translate("select nextval('\"Mixed\".s')").sql()).contains("NEXTVAL(\"Mixed\".\"s\")");
        assertThatThrownBy(() -> mariadb.translate("select nextval(name) from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void quotesIdentifiersAsPostgresFoldsThem() {
        assertThat(sql(mariadb, "select A, \"B\" from Foo"))
                .isEqualTo("SELECT \"a\", \"B\" FROM \"foo\"");
    }

    @Test
    void namesResultColumnsAsPostgres() {
        assertThat(sql(sqlite, "select count(*), a::int, '1'::int, case when b then 1 end, 1 + 2, now() from t"))
                .isEqualTo("SELECT count(*) AS `count`, pgbridge_int4(`a`) AS `a`,"
                        + " pgbridge_int4('1') AS `int4`, CASE WHEN `b` THEN 1 ELSE NULL END AS `case`,"
                        + " 1 + 2 AS `?column?`, strftime('%Y-%m-%d %H:%M:%f', 'now') AS `now` FROM `t`");
    }

    @Test
    void sqliteNamesTheColumnsPostgresTypesAsBoolean() {
        assertThat(sqlite.translate("select id, a = b, not c, true, 'yes'::bool, bool_or(d) from t group by id")
                .booleanColumns()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void sqliteWritesTypedLiteralsAsTheTextItsDateFunctionsRead() {
        assertThat(sql(sqlite, "select DATE '2024-02-29', TIMESTAMP '2024-02-29 13:15:30'"))
                .isEqualTo("SELECT '2024-02-29' AS `?column?`, '2024-02-29 13:15:30' AS `?column?`");
    }

    @Test
    void sqliteMatchesRegularExpressionsWithItsRegexpOperator() {
        assertThat(sql(sqlite, "select id from t where a ~ '^x' and b !~ $1"))
                .isEqualTo("SELECT `id` FROM `t` WHERE (`a` REGEXP '^x') AND (`b` NOT REGEXP $1)");
        assertThat(sqlite.translate("select a ~ 'x' from t").booleanColumns()).containsExactly(0);
    }

    @Test
    void sqliteReadsDatePartAsExtract() {
        assertThat(sql(sqlite, "select date_part('month', a) as m from t"))
                .isEqualTo("SELECT CAST(strftime('%m', `a`) AS INTEGER) AS `m` FROM `t`");
    }

    @Test
    void caretIsPowerLeftAssociative() {
        assertThat(sql(sqlite, "select 2 ^ 3 ^ 2 as a, (a + 1) ^ f(b) as b, x ^ -0.5 as c from t"))
                .isEqualTo("SELECT power(power(2, 3), 2) AS `a`, power(`a` + 1, f(`b`)) AS `b`,"
                        + " power(`x`, -0.5) AS `c` FROM `t`");
        assertThatThrownBy(() -> sqlite.translate("select 2 ^ case when a then 1 end from t"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void sqliteLeavesOutTheColumnsSetToDefault() {
        assertThat(sql(sqlite, "insert into t (a, b, c) values (1, default, 3), (4, DEFAULT, 6)"))
                .isEqualTo("INSERT INTO `t` (`a`, `c`) VALUES (1, 3), (4, 6)");
        for (String statement : new String[] {"insert into t (a, b) values (1, default), (default, 2)",
                "insert into t values (1, default)"}) {
            assertThatThrownBy(() -> sqlite.translate(statement)).as(statement)
                    .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
    }

    @Test
    void sqliteComparesWithEachRowForAnyAndAll() {
        String rows = "EXISTS (WITH pgbridge_q(pgbridge_v) AS (SELECT `b` FROM `u`) SELECT 1 FROM pgbridge_q WHERE ";
        assertThat(sql(sqlite, "select a from t where a > any (select b from u)"))
                .isEqualTo("SELECT `a` FROM `t` WHERE (CASE WHEN " + rows + "`a` > pgbridge_v) THEN 1 WHEN " + rows
                        + "(`a` > pgbridge_v) IS NULL) THEN NULL ELSE 0 END)");
        assertThat(sql(sqlite, "select a <= all (select b from u) from t"))
                .isEqualTo("SELECT (CASE WHEN " + rows + "NOT (`a` <= pgbridge_v)) THEN 0 WHEN " + rows
                        + "(`a` <= pgbridge_v) IS NULL) THEN NULL ELSE 1 END) AS `?column?` FROM `t`");
        assertThat(sqlite.translate("select a <= all (select b from u) from t").booleanColumns()).containsExactly(0);
    }

    @Test
    void keepsParameterNumbersWhereverTheyMove() {
        assertThat(sql(mariadb, "select $2 + 1 from t where a = $1 and b->>'k' = $2"))
                .isEqualTo("SELECT $2 + 1 AS \"?column?\" FROM \"t\" WHERE \"a\" = $1 AND (CASE WHEN"
                        + " JSON_TYPE(JSON_EXTRACT(\"b\", '$.\"k\"')) = 'NULL' THEN NULL ELSE"
                        + " JSON_UNQUOTE(JSON_EXTRACT(\"b\", '$.\"k\"')) END) = $2");
        assertThat(sql(sqlite, "insert into t (a) values ($1) on conflict (a) do update set b = $2 returning $3"))
                .isEqualTo("INSERT INTO `t` (`a`) VALUES ($1) ON CONFLICT (`a`) DO UPDATE SET `b` = $2"
                        + " RETURNING $3 AS `?column?`");
    }

    @Test
    void castsBindTighterThanComparisons() {
        assertThat(sql(mariadb, "select 1 from t where a >= $1::timestamp"))
                .isEqualTo("SELECT 1 AS \"?column?\" FROM \"t\" WHERE \"a\" >= CAST($1 AS DATETIME(6))");
    }

    @Test
    void likeIsCaseSensitiveAndIlikeIsNot() {
        assertThat(sql(mariadb, "select 1 from t where a like 'x%' and b ilike 'y%'"))
                .isEqualTo("SELECT 1 AS \"?column?\" FROM \"t\" WHERE (\"a\" COLLATE utf8mb4_bin LIKE 'x%' ESCAPE '\\')"
                        + " AND (LOWER(\"b\") LIKE LOWER('y%') ESCAPE '\\')");
    }

    @Test
    void ordersNullsAsPostgres() {
        assertThat(sql(mariadb, "select a from t order by a, b desc"))
                .isEqualTo("SELECT \"a\" FROM \"t\" ORDER BY \"a\" IS NULL, \"a\", \"b\" IS NULL DESC, \"b\" DESC");
        assertThat(sql(sqlite, "select a from t order by a, b desc nulls last"))
                .isEqualTo("SELECT `a` FROM `t` ORDER BY `a` NULLS LAST, `b` DESC");
        // MariaDB refuses an aggregate's alias inside "spent IS NULL": the aggregate itself means the same.
        assertThat(sql(mariadb, "select c, sum(q) as spent from t group by c order by spent desc, c"))
                .isEqualTo("SELECT \"c\", sum(\"q\") AS \"spent\" FROM \"t\" GROUP BY \"c\""
                        + " ORDER BY sum(\"q\") IS NULL DESC, sum(\"q\") DESC, \"c\" IS NULL, \"c\"");
    }

    @Test
    void dividesIntegersWithTruncationOnMariaDb() {
        assertThat(sql(mariadb, "select 7 / 2, 7.0 / 2, count(*) / 2 from t"))
                .isEqualTo("SELECT (7 DIV 2) AS \"?column?\", 7.0 / 2 AS \"?column?\", (count(*) DIV 2)"
                        + " AS \"?column?\" FROM \"t\"");
    }

    @Test
    void writesUpsertsForEachBackend() {
        String mark = " RETURNING IF(@pgbridge_skip = 1, (@pgbridge_skip := 0), 1)";
        assertThat(sql(mariadb, "insert into t (a, b) values (1, 2) on conflict (a) do update set b = excluded.b"))
                .isEqualTo("INSERT INTO \"t\" (\"a\", \"b\") VALUES (1, 2) ON DUPLICATE KEY UPDATE \"b\" = VALUES(\"b\")"
                        + mark);
        assertThat(sql(mariadb, "insert into t (a, b) values (1, 2) on conflict do nothing"))
                .isEqualTo("INSERT INTO \"t\" (\"a\", \"b\") VALUES (1, 2) ON DUPLICATE KEY UPDATE"
                        + " \"a\" = IF((@pgbridge_skip := 1), \"a\", \"a\")" + mark);
        assertThat(sql(mariadb, "insert into t values (1, 2) on conflict do nothing"))
                .isEqualTo("INSERT IGNORE INTO \"t\" VALUES (1, 2)");
    }

    @Test
    void updateReturningOnMariaDbLocksAndComputesTheRowsBeforeTheUpdate() {
        Translation t = mariadb.translate("update t set a = a + $1, b = 'x' where c = $2 returning c, a, t.b as bee");
        assertThat(t.sql().replace("\n", " ")).isEqualTo("SELECT \"c\", \"pgbridge_new_1\" AS \"a\","
                + " \"t\".\"pgbridge_new_2\" AS \"bee\" FROM (SELECT \"t\".*, \"a\" + $1 AS \"pgbridge_new_1\","
                + " 'x' AS \"pgbridge_new_2\" FROM \"t\" WHERE \"c\" = $2 FOR UPDATE) AS \"t\"");
        assertThat(String.join(";", t.followUps()).replace("\n", " "))
                .isEqualTo("UPDATE \"t\" SET \"a\" = \"a\" + $1, \"b\" = 'x' WHERE \"c\" = $2");
        assertThat(sqlite.translate("update t set a = 1 returning a").followUps()).isEmpty();
        // The literals are in both statements: the cache must not fill one template with them.
        Translator cached = new CachingTranslator(mariadb, 10);
        cached.translate("update t set a = 1 where c = 2 returning a");
        assertThat(cached.translate("update t set a = 5 where c = 6 returning a").followUps().get(0))
                .contains("= 5").contains("= 6");
    }

    @Test
    void fullJoinOnMariaDbIsALeftJoinPlusTheUnmatchedRight() {
        assertThat(sql(mariadb, "select c.id as cid, o.id from c full outer join o on o.cid = c.id where o.n > $1"
                + " order by c.id nulls first, o.id desc"))
                .isEqualTo("SELECT \"c\".\"id\" AS \"cid\", \"o\".\"id\" FROM \"c\" LEFT JOIN \"o\""
                        + " ON \"o\".\"cid\" = \"c\".\"id\" WHERE \"o\".\"n\" > $1"
                        + " UNION ALL SELECT \"c\".\"id\" AS \"cid\", \"o\".\"id\" FROM \"c\" RIGHT JOIN \"o\" ON FALSE"
                        + " WHERE NOT EXISTS (SELECT 1 FROM \"c\" WHERE \"o\".\"cid\" = \"c\".\"id\") AND \"o\".\"n\" > $1"
                        + " ORDER BY \"cid\", \"id\" IS NULL DESC, \"id\" DESC");
        for (String refused : new String[] {"select count(*) from c full join o on true",
                "select c.id from c full join o on true order by o.n", "select 1 from (select 1 from c full join o"
                        + " on true) x", "select c.id from c full join o using (id)"}) {
            assertThatThrownBy(() -> mariadb.translate(refused)).as(refused)
                    .hasFieldOrPropertyWithValue("sqlState", "0A000").hasMessageContaining("FULL JOIN");
        }
    }

    @Test
    void refusesDataChangesInWithByName() {
        for (Translator translator : new Translator[] {mariadb, sqlite}) {
            assertThatThrownBy(() -> translator.translate("with n as (insert into t (a) values (1) returning a)"
                    + " select a from n")).hasMessageContaining("WITH … AS (INSERT …)")
                    .hasFieldOrPropertyWithValue("sqlState", "0A000");
            assertThatThrownBy(() -> translator.translate("with n as materialized (select 1), r as not materialized"
                    + " (delete from t returning a) select a from r")).hasMessageContaining("WITH … AS (DELETE …)");
            // used once, a WITH query is inlined (CteInlining); used twice, it is not
            assertThatThrownBy(() -> translator.translate("with b as (select a from t) update t set a = 1"
                    + " where a in (select a from b) or a > (select max(a) from b)"))
                    .hasMessageContaining("WITH in front of UPDATE");
        }
        assertThat(sql(mariadb, "with x (a) as (select 1) select a from x where a in (select 2)")).contains("WITH");
    }

    @Test
    void marksTheRowsMariaDbTouchesButPostgresSkips() {
        Translation update = mariadb.translate("insert into t (a, b) values ($1, $2) on conflict (a)"
                + " do update set b = excluded.b, c = t.c + 1 where t.b < excluded.b returning *");
        assertThat(update.markedRows()).isTrue();
        assertThat(update.sql().replace("\n", " ")).isEqualTo("INSERT INTO \"t\" (\"a\", \"b\") VALUES ($1, $2) ON DUPLICATE KEY UPDATE"
                + " \"b\" = IF((@pgbridge_skip := IF(\"t\".\"b\" < VALUES(\"b\"), 0, 1)) = 0, VALUES(\"b\"), \"b\"),"
                + " \"c\" = IF(@pgbridge_skip = 0, \"t\".\"c\" + 1, \"c\")"
                + " RETURNING IF(@pgbridge_skip = 1, (@pgbridge_skip := 0), 1), \"t\".*");
        assertThat(mariadb.translate("insert into t (a) values (1) returning a").markedRows()).isFalse();
        assertThat(sqlite.translate("insert into t (a) values (1) on conflict (a) do nothing").markedRows()).isFalse();
    }

    @Test
    void writesJoinedUpdatesAndDeletes() {
        assertThat(sql(mariadb, "update t set a = u.a from u where u.id = t.id"))
                .isEqualTo("UPDATE \"t\", \"u\" SET \"t\".\"a\" = \"u\".\"a\" WHERE \"u\".\"id\" = \"t\".\"id\"");
        assertThat(sql(sqlite, "delete from t using u where u.id = t.id"))
                .isEqualTo("DELETE FROM `t` WHERE EXISTS (SELECT 1 FROM `u` WHERE `u`.`id` = `t`.`id`)");
    }

    @Test
    void sqliteDivisorsGoThroughTheFunctionThatRefusesZero() {
        // SQLite divides by zero into NULL; PostgreSQL raises 22012, which pgbridge_divisor does on SQLite.
        assertThat(sql(sqlite, "select a / b, a % 2, 10.5 / 0.0, ascii(c) from t"))
                .contains("pgbridge_divisor(`b`)").contains("% pgbridge_divisor(2)")
                .contains("/ pgbridge_divisor(0.0)").contains("unicode(`c`) AS `ascii`");
        assertThat(sql(mariadb, "select a % b from t")).doesNotContain("pgbridge_divisor");
    }

    @Test
    void refusesWhatTheBackendCannotExpressByName() {
        for (String statement : new String[] {"update t set a = now() returning a",
                "update t set a = 1 where b in (select b from u) returning a", "update t set a = 1 returning *"}) {
            assertThatThrownBy(() -> mariadb.translate(statement))
                    .isInstanceOfSatisfying(TranslationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("0A000");
                        assertThat(e.getMessage()).contains("UPDATE … RETURNING").contains("mariadb");
                    });
        }
        for (String statement : new String[] {"select unnest(a), unnest(b) from t", "select a from t where b ~* 'x'",
                "select ARRAY(select 1)", "select a from t where b > interval '1 day'",
                "merge into t using u on true when matched then do nothing", "select distinct on (a) * from t",
                "select generate_series(1, 3)"}) {
            assertThatThrownBy(() -> sqlite.translate(statement)).as(statement)
                    .isInstanceOfSatisfying(TranslationException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
    }

    @Test
    void reportsSyntaxErrorsWhereTheClientWroteThem() {
        assertThatThrownBy(() -> mariadb.translate("select a, from t where $1 = E'x'"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42601");
                    assertThat(e.getMessage()).isEqualTo("syntax error at or near \"from\"");
                    assertThat(e.position()).isEqualTo(11);
                });
    }

    @Test
    void leavesOtherStatementsToTheBackend() {
        assertThat(sql(mariadb, "create table t (a int)")).isEqualTo("create table t (a int)");
        assertThat(sql(sqlite, "explain select 1")).isEqualTo("explain select 1");
    }

    @Test
    void standInLiteralsOfTheCacheSurvive() {
        String shape = "select 817000003, 81700003.5, 'pgbridge.literal.0' from t where a = 817000013 limit 817000023";
        for (Translator translator : new Translator[] {mariadb, sqlite}) {
            String out = sql(translator, shape);
            assertThat(out).contains("817000003").contains("81700003.5").contains("'pgbridge.literal.0'")
                    .contains("817000013").contains("817000023");
        }
    }

    @Test
    void cachedTranslationsEqualDirectOnes() {
        CachingTranslator cached = new CachingTranslator(mariadb, 100);
        String[] statements = {"select a from t where b = 5 and c = 'x' order by a limit 10",
                "select a from t where b = 6 and c = 'y' order by a limit 20",
                "select 7 / 2, 'it''s' from t where b ilike 'p%'", "select 9 / 4, 'z' from t where b ilike 'q%'"};
        for (String statement : statements) {
            assertThat(cached.translate(statement).sql()).isEqualTo(mariadb.translate(statement).sql());
        }
        assertThat(cached.size()).isEqualTo(2);
    }

    @Test
    void groupingSetsBecomeOneGroupByPerSet() {
        String sets = "select a, b, grouping(a, b) as g, count(*) from t group by grouping sets ((a), (b), ())";
        assertThat(sql(sqlite, sets)).isEqualTo("SELECT `a`, NULL AS `b`, 1 AS `g`, count(*) AS `count` FROM `t`"
                + " GROUP BY `a` UNION ALL SELECT NULL AS `a`, `b`, 2 AS `g`, count(*) AS `count` FROM `t` GROUP BY `b`"
                + " UNION ALL SELECT NULL AS `a`, NULL AS `b`, 3 AS `g`, count(*) AS `count` FROM `t`");
        // An aggregate still sees the rows' values; CUBE is every subset, the full one first.
        assertThat(sql(sqlite, "select a, max(b) from t group by cube (a, b)"))
                .startsWith("SELECT `a`, max(`b`) AS `max` FROM `t` GROUP BY `a`, `b` UNION ALL SELECT `a`, max(`b`)")
                .endsWith("UNION ALL SELECT NULL AS `a`, max(`b`) AS `max` FROM `t`");
        // An ORDER BY key that repeats a select item orders the union by the item's name.
        assertThat(sql(sqlite, "select a, count(*) from t group by rollup (a) order by count(*) desc limit 2"))
                .endsWith("ORDER BY `count` DESC NULLS FIRST LIMIT 2");
        // MariaDB keeps its own WITH ROLLUP (and the columns' types) when that means the same.
        assertThat(sql(mariadb, "select a, b, count(*) from t group by rollup (a, b) order by a"))
                .isEqualTo("SELECT * FROM (SELECT \"a\", \"b\", count(*) AS \"count\" FROM \"t\""
                        + " GROUP BY \"a\", \"b\" WITH ROLLUP) AS \"pgbridge_grouping_sets\" ORDER BY \"a\" IS NULL, \"a\"");
    }

    @Test
    void aggregatesSqliteLacksCallPgbridgesOwn() {
        assertThat(sql(sqlite, "select percentile_cont(0.9) within group (order by x desc),"
                + " percentile_disc(0.5) within group (order by x), mode() within group (order by y) from t"))
                .isEqualTo("SELECT pgbridge_percentile_cont(1 - (0.9), `x`) AS `percentile_cont`,"
                        + " pgbridge_percentile_disc(0.5, `x`) AS `percentile_disc`, pgbridge_mode(`y`) AS `mode` FROM `t`");
        assertThat(sql(sqlite, "select string_agg(distinct y, ',' order by y desc), count(distinct (x, y)) from t"))
                .isEqualTo("SELECT pgbridge_string_agg_distinct(`y`, ',', 1) AS `string_agg`,"
                        + " count(DISTINCT json_array(`x`, `y`)) AS `count` FROM `t`");
        assertThatThrownBy(() -> sql(mariadb, "select mode() within group (order by y) from t"))
                .hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    @Test
    void castsToIntegersCheckTheirRange() {
        assertThat(sql(mariadb, "select (a + 1)::smallint from t")).isEqualTo("SELECT (CASE WHEN CAST(\"a\" + 1 AS SIGNED)"
                + " BETWEEN -32768 AND 32767 THEN CAST(\"a\" + 1 AS SIGNED) ELSE CAST(\"a\" + 1 AS SIGNED)"
                + " * 9223372036854775807 END) AS \"int2\" FROM \"t\"");
        assertThat(sql(sqlite, "select (a + 1)::smallint, b::date from t"))
                .isEqualTo("SELECT pgbridge_int2(`a` + 1) AS `int2`, date(pgbridge_datetime(`b`)) AS `b` FROM `t`");
    }
}
