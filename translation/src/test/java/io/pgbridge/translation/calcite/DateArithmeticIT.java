package io.pgbridge.translation.calcite;

import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates, timestamps, intervals and uuids: each query runs on PostgreSQL 15 as written and on MariaDB and SQLite as
 * translated, and must give the same rows. Intervals are compared as PostgreSQL's text ({@code ::text}), which is
 * what a client reads.
 */
class DateArithmeticIT {
    private static final List<String> QUERIES = List.of(
            "select DATE '2024-03-01' - DATE '2024-02-01', DATE '2024-03-01' + 7, 3 + DATE '2024-01-30',"
                    + " DATE '2024-03-01' - 1, '2024-01-01'::date - '2024-12-31'::date",
            "select (TIMESTAMP '2024-01-15 10:30:00' - TIMESTAMP '2024-01-15 09:00:00')::text,"
                    + " (TIMESTAMP '2024-01-02 02:00' - TIMESTAMP '2024-01-01')::text,"
                    + " (TIMESTAMP '2024-01-01' - TIMESTAMP '2024-01-03 22:00:00.5')::text,"
                    + " (TIMESTAMP '2024-01-01' - TIMESTAMP '2024-01-01')::text,"
                    + " (TIMESTAMP '2024-01-03' - TIMESTAMP '2024-01-01')::text,"
                    + " (TIMESTAMP '2024-01-01 00:00:01' - TIMESTAMP '2024-01-02')::text",
            "select (interval '15 minutes' * 4)::text, (interval '1 day' / 2)::text, (2 * interval '1 hour')::text,"
                    + " (interval '1 mon' / 7)::text, (interval '1 mon' * 1.5)::text, (interval '10 days' * 0.35)::text",
            "select TIMESTAMP '2024-01-31 10:00' + interval '1 hour' * 3, DATE '2024-01-31' - interval '1 day' / 4",
            "select extract(epoch from TIMESTAMPTZ '2024-01-01 00:00:00+00'),"
                    + " extract(epoch from TIMESTAMPTZ '2024-06-01 12:00:00+02'),"
                    + " extract(epoch from TIMESTAMP '2024-01-15 10:30:00' - TIMESTAMP '2024-01-15 09:00:00'),"
                    + " extract(epoch from interval '1 day 2 hours')",
            "select date_part('quarter', DATE '2024-08-15'), date_part('week', DATE '2024-08-15'),"
                    + " date_part('year', TIMESTAMP '2024-08-15 10:00')",
            "select d::date from generate_series(TIMESTAMP '2024-02-27', TIMESTAMP '2024-03-02', interval '1 day') as d"
                    + " order by d",
            "select h from generate_series(TIMESTAMP '2024-01-01 10:00', TIMESTAMP '2024-01-01 08:00',"
                    + " interval '-30 minutes') as g(h) order by h",
            "with recursive days (d) as (select DATE '2024-02-26' union all select d + 1 from days"
                    + " where d < DATE '2024-03-02') select d from days order by d",
            "with recursive t (n, at) as (select 1, TIMESTAMP '2024-01-01 00:00' union all"
                    + " select n + 1, at + interval '90 minutes' from t where n < 4) select n, at from t order by n",
            "select 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, CAST('{c2aabb77-0000-4000-8000-000000000033}' AS uuid),"
                    + " 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid");

    private static BackendFixture postgres;
    private static BackendFixture mariadb;
    private static BackendFixture sqlite;

    @BeforeAll
    static void connect() throws Exception {
        postgres = BackendFixture.postgres();
        mariadb = BackendFixture.mariadb();
        sqlite = BackendFixture.sqlite();
    }

    @AfterAll
    static void disconnect() throws Exception {
        postgres.close();
        mariadb.close();
        sqlite.close();
    }

    @TestFactory
    Stream<DynamicTest> queriesGiveWhatPostgresGives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String sql : QUERIES) {
            tests.add(DynamicTest.dynamicTest("mariadb: " + sql,
                    () -> compare(sql, mariadb, CalciteTranslator.forMariaDb())));
            tests.add(DynamicTest.dynamicTest("sqlite: " + sql,
                    () -> compare(sql, sqlite, CalciteTranslator.forSqlite())));
        }
        return tests.stream();
    }

    private static void compare(String sql, BackendFixture backend, Translator translator) throws Exception {
        String translated = translator.translate(sql).sql();
        assertThat(backend.run(translated).rows()).as(translated).isEqualTo(postgres.run(sql).rows());
    }
}
