package io.pgbridge.translation.calcite;

import io.pgbridge.translation.Translation;
import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each PostgreSQL statement on PostgreSQL 15 as written and on MariaDB and SQLite as translated, from the same
 * rows, and requires the same column names and values. A DML statement is followed by a query that reads what it
 * changed. Rows are compared in order when the statement orders them, as sets otherwise.
 */
class CalciteDifferentialIT {
    private static BackendFixture postgres;
    private static BackendFixture mariadb;
    private static BackendFixture sqlite;

    /** A statement, its parameters, and for DML the query that shows its effect (or null). */
    private record Case(String sql, String check, Object... parameters) {
    }

    private static final List<Case> QUERIES = List.of(
            q("select id, name from items where name like 'A%' order by id"),
            q("select id from items where name ilike 'a%' order by id"),
            q("select id from items where name like 'Date\\_%' order by id"),
            q("select id from items where name not ilike '%E%' order by id"),
            q("select category, count(*), sum(qty), max(price) from items group by category order by category"),
            q("select id, price from items order by price desc, id"),
            q("select id, qty from items order by qty nulls first, id"),
            q("select id, qty from items order by qty desc nulls last, id"),
            q("select 7/2, 7.0/2, -7/2, 9 % 4, (select count(*) from items)/3"),
            q("select id, qty * 2 + 1 as x from items where qty between 3 and 10 order by id"),
            q("select id, price::int, qty::text, price::float8, '42'::int, cast(qty as numeric(6,2)) from items"
                    + " order by id"),
            q("select string_agg(name, ', ' order by id) from items where category = 'fruit'"),
            q("select coalesce(name, '?'), nullif(qty, 0), greatest(qty, 5), least(price, 2) from items order by id"),
            q("select id, case when qty > 10 then 'many' when qty > 0 then 'some' else 'none' end from items"
                    + " order by id"),
            q("select upper(name), lower(name), length(name), position('a' in name), substring(name from 2 for 3),"
                    + " trim('  x  ') from items order by id"),
            q("select name || '-' || category, concat(name, '/', qty) from items order by id"),
            q("select extract(year from created), extract(month from created), extract(dow from created),"
                    + " extract(epoch from created), extract(doy from created), extract(hour from created)"
                    + " from items where created is not null order by id"),
            q("select date_trunc('month', created), date_trunc('day', created), date_trunc('hour', created),"
                    + " date_trunc('week', created), date_trunc('year', created), date_trunc('quarter', created)"
                    + " from items where created is not null order by id"),
            q("select created + interval '1 day', created - interval '2 hours 30 minutes',"
                    + " created + interval '1 month' from items where created is not null order by id"),
            q("select data->>'name', data->'tags'->>0, data->>'n' from items order by id"),
            q("select id from items where data->>'name' = $1", "red"),
            q("select distinct on (category) category, name, price from items order by category, price desc"),
            q("select id, row_number() over (partition by category order by id), sum(qty) over (order by id)"
                    + " from items order by id"),
            q("with recursive c(n) as (select 1 union all select n + 1 from c where n < 5) select n from c"),
            q("select g from generate_series(1, 5) as g"),
            q("select x from generate_series(10, 1, -3) as s(x)"),
            q("select id from items where id = any(array[1, 3, 5]) and id <> all(array[3]) order by id"),
            q("select id from items where active order by id"),
            q("select id, active is true, true, false, 1 = 1 from items order by id"),
            q("select count(*) filter (where active), count(*) from items"),
            q("select id, name from items order by id limit 3 offset 2"),
            q("select id from items order by id offset 6"),
            q("select * from items where id = $1", 3),
            q("values (1, 'a'), (2, 'b')"),
            q("select exists (select 1 from orders where item_id = items.id) from items order by id"),
            q("select i.name, sum(o.amount) from items i join orders o on o.item_id = i.id group by i.name"
                    + " order by 2 desc"),
            q("select id from items where name is distinct from 'Apple' order by id"),
            q("select e'it\\'s', $$a$b$$, 'x''y'"),
            q("select '\\xdeadbeef'::bytea"),
            q("select now() is not null, current_timestamp > '2020-01-01'"),
            q("table orders"),
            q("select id from items where created >= $1::timestamp order by id", "2024-02-01 00:00:00"),
            q("select id from only items where id in (select item_id from orders where amount > $1) order by id", 2),
            q("select 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, 'yes'::boolean"));

    private static final List<Case> CHANGES = List.of(
            dml("insert into orders (id, item_id, amount) values (10, 2, 5) returning id, amount * 2",
                    "select * from orders order by id"),
            dml("insert into orders (id, item_id, amount) values (1, 2, 5) on conflict (id) do nothing",
                    "select * from orders order by id"),
            dml("insert into orders (id, item_id, amount) values (1, 2, 5), (11, 3, 1) on conflict (id)"
                    + " do update set amount = excluded.amount + orders.amount", "select * from orders order by id"),
            dml("update items set qty = qty + 1 where category = 'veg'", "select id, qty from items order by id"),
            dml("update items set qty = o.amount from orders o where o.item_id = items.id and o.id = 3",
                    "select id, qty from items order by id"),
            dml("delete from orders using items where items.id = orders.item_id and items.category = 'veg'",
                    "select * from orders order by id"),
            dml("delete from orders where amount > 5 returning id", "select * from orders order by id"),
            dml("update items set name = upper(name) where id = $1", "select id, name from items order by id", 3),
            dml("insert into items (id, name, created, active, data) values (20, 'new', '2024-05-05 05:05:05', true,"
                    + " '{\"a\": 1}')", "select * from items where id = 20"));

    private static Case q(String sql, Object... parameters) {
        return new Case(sql, null, parameters);
    }

    private static Case dml(String sql, String check, Object... parameters) {
        return new Case(sql, check, parameters);
    }

    @BeforeAll
    static void connect() throws Exception {
        postgres = BackendFixture.postgres();
        mariadb = BackendFixture.mariadb();
        sqlite = BackendFixture.sqlite();
        for (BackendFixture fixture : List.of(postgres, mariadb, sqlite)) {
            fixture.reset();
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        for (BackendFixture fixture : List.of(postgres, mariadb, sqlite)) {
            fixture.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> queriesGiveWhatPostgresGives() {
        return cases(QUERIES);
    }

    @TestFactory
    Stream<DynamicTest> changesLeaveWhatPostgresLeaves() {
        return cases(CHANGES);
    }

    private Stream<DynamicTest> cases(List<Case> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest("mariadb: " + c.sql(),
                    () -> compare(c, mariadb, CalciteTranslator.forMariaDb())));
            tests.add(DynamicTest.dynamicTest("sqlite: " + c.sql(),
                    () -> compare(c, sqlite, CalciteTranslator.forSqlite())));
        }
        return tests.stream();
    }

    private static void compare(Case c, BackendFixture backend, Translator translator) throws Exception {
        Translation translation = translator.translate(c.sql());
        String translated = translation.sql();
        postgres.reset();
        backend.reset();
        BackendFixture.Result expected = postgres.run(c.sql(), c.parameters());
        BackendFixture.Result actual = backend.run(translated, c.parameters());
        for (String followUp : translation.followUps()) {
            backend.run(followUp, c.parameters());   // as the proxy runs them
        }
        boolean ordered = c.sql().toLowerCase(Locale.ROOT).contains("order by");
        if (!translation.markedRows()) {
            // Marked rows (MariaDB's upserts) are the proxy's to filter and count: DmlDifferentialIT compares them.
            assertThat(actual.labels()).as("column names of %s", translated).isEqualTo(expected.labels());
            assertThat(rows(actual, ordered)).as("rows of %s", translated).isEqualTo(rows(expected, ordered));
        }
        if (c.check() != null) {
            BackendFixture.Result after = backend.run(translator.translate(c.check()).sql());
            assertThat(after.rows()).as("after %s", translated).isEqualTo(postgres.run(c.check()).rows());
        }
    }

    private static List<List<String>> rows(BackendFixture.Result result, boolean ordered) {
        List<List<String>> rows = new ArrayList<>(result.rows());
        if (!ordered) {
            rows.sort(Comparator.comparing(Object::toString));
        }
        return rows;
    }
}
