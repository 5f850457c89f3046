package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The PostgreSQL functions pgbridge registers on SQLite connections, SQLite's errors as PostgreSQL's SQLSTATEs, and
 * the types and values of computed columns: each statement runs on PostgreSQL 15 directly and through pgbridge on
 * SQLite, and both must answer alike (values as text, numbers compared numerically where SQLite's storage loses
 * PostgreSQL's scale).
 */
class SqliteFunctionsIT {
    private static RunningProxy proxy;
    private static Connection viaSqlite;
    private static Connection postgres;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningProxy.forKind("sqlite");
        viaSqlite = proxy.connect();
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        String[] setup = {"drop table if exists fn_prices",
                "create table fn_prices (id integer primary key, price numeric(8,2), qty integer)",
                "insert into fn_prices values (1, 12.00, 2), (2, 7.50, 3), (3, null, 1)",
                "drop table if exists fn_labels", "create table fn_labels (id integer primary key, label varchar(5))",
                "drop table if exists fn_items", "drop table if exists fn_kinds",
                "create table fn_items (id integer primary key, kind integer, qty integer, big bigint, small smallint,"
                        + " amount numeric(10,2), price numeric(8,3), ratio float8, name text)",
                "create table fn_kinds (id integer primary key, label varchar(10), weight numeric(6,1))",
                "insert into fn_items values (1, 1, 2, 9000000000, 3, 12.50, 1.250, 0.25, 'ann'),"
                        + " (2, 1, 3, -1, 4, -3.00, 2.000, 1.5, 'bob'), (3, 2, null, null, null, null, null, null, null)",
                "insert into fn_kinds values (1, 'one', 2.5), (2, 'two', 1.0)"};
        for (Connection c : List.of(viaSqlite, postgres)) {
            try (Statement st = c.createStatement()) {
                for (String sql : setup) {
                    st.execute(sql);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement st = postgres.createStatement()) {
            st.execute("drop table if exists fn_prices");
            st.execute("drop table if exists fn_labels");
            st.execute("drop table if exists fn_items");
            st.execute("drop table if exists fn_kinds");
        }
        postgres.close();
        viaSqlite.close();
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select chr(65) as a, ascii('a') as code, initcap('hello wORLD-foo') as i",
            "select repeat('ab', 3) as r, lpad('42', 5, '0') as l, rpad('ab', 4, '.') as rp, lpad('hello', 2) as cut",
            "select translate('12-34', '-', '') as t, translate('abc', 'ab', 'x') as shorter",
            "select split_part('a.b.c', '.', 2) as s, split_part('a.b.c', '.', -1) as last, split_part('a', '.', 5) as n",
            "select md5('pgbridge') as h, count(*) as sw from fn_prices where starts_with('Workshop', 'Work')",
            "select regexp_replace('phone: 555-123-4567', '[^0-9]', '', 'g') as digits,"
                    + " regexp_replace('John Smith', '(\\w+) (\\w+)', '\\2, \\1') as swapped",
            "select trunc(2.567, 1) as t1, trunc(-2.567, 2) as t2, make_date(2024, 7, 4) as d",
            "select num_nulls(1, null, 3) as nulls, num_nonnulls(1, null, 3) as values_",
            "select encode(decode('48656c6c6f', 'hex'), 'base64') as b64, convert_from(decode('SGk=', 'base64'), 'UTF8') as t",
            "select id, price, price * qty as total from fn_prices order by id",
            "select sum(price * qty) as spent, min(price) as cheapest from fn_prices",
            "select id, 7 / 2 as half, qty % 2 as odd from fn_prices order by id",
            "select id, 'Workshop' ~ '^W.*p$' as m, 'abc' !~ 'B' as n, 2 ^ 10 as p from fn_prices order by id",
            "select count(*) as n from fn_prices where price > any (select price from fn_prices where qty > 2)"
                    + " and 8 <= all (select price from fn_prices where price is not null)",
            "select round(stddev(price), 6) as sd, round(stddev_pop(price), 6) as sp, round(variance(qty), 6) as v,"
                    + " round(var_pop(qty), 6) as vp, round(var_samp(price), 6) as vs from fn_prices",
            "select percentile_cont(0.25) within group (order by price) as p25, percentile_cont(0.5) within group"
                    + " (order by qty desc) as p50, percentile_disc(0.5) within group (order by price) as d50,"
                    + " mode() within group (order by qty) as m from fn_prices",
            "select string_agg(distinct qty::text, '-' order by qty::text desc) as q,"
                    + " count(distinct (price, qty)) as pairs from fn_prices",
            "select qty, price, count(*) as n, grouping(qty, price) as g from fn_prices"
                    + " group by cube (qty, price) order by qty nulls first, price, g",
            "select qty % 2 as odd, sum(price) as total from fn_prices group by rollup (qty % 2)"
                    + " order by odd nulls last",
            "select '2024-02-29'::date as d, ' 12 '::integer as n, 2.5::integer as r, '2024-01-31 10:00:00'::timestamp as t"})
    void answersAsPostgres(String sql) throws SQLException {
        assertThat(rows(viaSqlite, sql)).as(sql).isEqualTo(rows(postgres, sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 1 / 0", "select 10.5 / 0.0", "select 5 % 0",
            "select id / (qty - qty) from fn_prices", "select no_such_function(1)", "selec 1",
            "select id from fn_prices a join fn_prices b on a.id = b.id", "select id from fn_prices where count(*) > 1",
            "create table fn_prices (id integer)", "insert into fn_prices (id) values (9, 10)",
            "select split_part('a.b', '.', 0)", "select 'abc'::integer", "select '1.5'::integer",
            "select 40000::smallint", "select (qty * 3000000000)::integer from fn_prices",
            "select '2024-02-30'::date", "select 'yesterday-ish'::timestamp",
            "insert into fn_labels values ('x', 'a')", "insert into fn_labels values (1, 'too long')",
            "insert into fn_labels values (3000000000, 'a')"})
    void failsWithPostgresSqlState(String sql) {
        SQLException expected = catchThrowableOfType(SQLException.class, () -> rows(postgres, sql));
        SQLException actual = catchThrowableOfType(SQLException.class, () -> rows(viaSqlite, sql));
        assertThat((Object) expected).as("PostgreSQL rejects " + sql).isNotNull();
        assertThat((Object) actual).as("pgbridge on SQLite rejects " + sql).isNotNull();
        assertThat(actual.getSQLState()).as(sql + ": " + actual.getMessage()).isEqualTo(expected.getSQLState());
    }

    /**
     * SQLite stores text in a numeric column; the proxy cannot present it as numeric. The error must follow whole
     * rows: half a DataRow before the ErrorResponse left the client waiting for the rest of it.
     */
    @org.junit.jupiter.api.Test
    void valueThatCannotBePresentedFailsTheQueryCleanly() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            try (Statement st = viaSqlite.createStatement()) {
                st.execute("drop table if exists fn_loose");
                st.execute("create table fn_loose (id integer primary key, n numeric)");
                st.execute("insert into fn_loose values (1, 1.5), (2, 'abc')");
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> rows(viaSqlite, "select n from fn_loose order by id"));
                assertThat(e.getSQLState()).isEqualTo("22P02");
                assertThat(rows(viaSqlite, "select count(*) as n from fn_loose")).containsExactly("1", "n=2 ");
                st.execute("drop table fn_loose");
            }
        });
    }

    /**
     * SQLite types a computed column by its first value; one over table columns gets PostgreSQL's type from the
     * columns' declared types: at Describe, before any row, and with the rows, whose text must be the same too.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "select id, amount * 2 as twice, big + 1 as next, qty * 2 as q, small + small as s from fn_items order by id",
            "select price * qty as total, amount - price as d, amount + 1 as up, -amount as neg, ratio * qty as r"
                    + " from fn_items order by id",
            "select sum(qty) as q, sum(big) as b, sum(amount) as a, sum(price * qty) as t, sum(ratio) as r,"
                    + " min(amount) as lo, max(price) as hi, count(qty) as n from fn_items",
            "select kind, sum(amount * 2) as twice, max(qty) as most from fn_items group by kind order by kind",
            "select coalesce(qty, 0) as q, coalesce(big, 0) as b, coalesce(name, 'none') as n, upper(name) as u,"
                    + " abs(small) as a, qty % 2 as odd from fn_items order by id",
            "select i.amount * k.weight as w, weight * 2 as w2, i.qty + k.id as s from fn_items i"
                    + " join fn_kinds k on k.id = i.kind order by i.id",
            "select t.amount * 3 as x from fn_items t where t.id < 3 order by t.id"})
    void computedColumnsAsPostgres(String sql) throws SQLException {
        assertThat(TypedRows.described(viaSqlite, sql)).as("Describe: " + sql)
                .isEqualTo(TypedRows.described(postgres, sql));
        assertThat(TypedRows.rows(viaSqlite, sql)).as(sql).isEqualTo(TypedRows.rows(postgres, sql));
    }

    /** avg and division print with a scale that depends on the values: the types must agree, the values by number. */
    @ParameterizedTest
    @ValueSource(strings = {"select avg(qty) as q, avg(amount) as a, avg(ratio) as r from fn_items",
            "select amount / 4 as quarter, qty / 2 as iq from fn_items where id = 1"})
    void valueScaledColumnsAsPostgres(String sql) throws SQLException {
        assertThat(TypedRows.described(viaSqlite, sql)).as("Describe: " + sql)
                .isEqualTo(TypedRows.described(postgres, sql));
        assertThat(TypedRows.rows(viaSqlite, sql).stream().map(SqliteFunctionsIT::byNumber).toList()).as(sql)
                .isEqualTo(TypedRows.rows(postgres, sql).stream().map(SqliteFunctionsIT::byNumber).toList());
    }

    private static String byNumber(String row) {
        return java.util.Arrays.stream(row.split("\\|", -1)).map(SqliteFunctionsIT::normalised)
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /** The column count, then each row as label=value pairs, numbers by value. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            rows.add(String.valueOf(n));
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(normalised(rs.getString(i)))
                            .append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Numbers compared by value: PostgreSQL keeps numeric scale (75.50), SQLite stores a double (75.5). */
    static String normalised(String value) {
        if (value == null || !value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return value;
        }
        return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
