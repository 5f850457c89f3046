package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite types a computed column by its first value; pgbridge types one over table columns ({@code amount * 2},
 * {@code sum(qty)}, {@code coalesce(n, 0)}) from the columns' declared types, as PostgreSQL does. Each query runs on
 * PostgreSQL 15 and through pgbridge on SQLite: the column types (at Describe, before any row, and with the rows)
 * and the values' text must be the same.
 */
class ComputedColumnTypesIT {
    private static final String[] SETUP = {"drop table if exists types5_items", "drop table if exists types5_kinds",
            "create table types5_items (id integer primary key, kind integer, qty integer, big bigint,"
                    + " small smallint, amount numeric(10,2), price numeric(8,3), ratio float8, name text)",
            "create table types5_kinds (id integer primary key, label varchar(10), weight numeric(6,1))",
            "insert into types5_items values (1, 1, 2, 9000000000, 3, 12.50, 1.250, 0.25, 'ann'),"
                    + " (2, 1, 3, -1, 4, -3.00, 2.000, 1.5, 'bob'), (3, 2, null, null, null, null, null, null, null)",
            "insert into types5_kinds values (1, 'one', 2.5), (2, 'two', 1.0)"};
    private static RunningProxy proxy;
    private static Connection viaSqlite;
    private static Connection postgres;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningProxy.forKind("sqlite");
        viaSqlite = proxy.connect();
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        for (Connection c : List.of(viaSqlite, postgres)) {
            try (Statement st = c.createStatement()) {
                for (String sql : SETUP) {
                    st.execute(sql);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement st = postgres.createStatement()) {
            st.execute("drop table types5_items");
            st.execute("drop table types5_kinds");
        }
        postgres.close();
        viaSqlite.close();
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select id, amount * 2 as twice, big + 1 as next, qty * 2 as q, small + small as s from types5_items order by id",
            "select price * qty as total, amount - price as d, amount + 1 as up, -amount as neg, ratio * qty as r"
                    + " from types5_items order by id",
            "select sum(qty) as q, sum(big) as b, sum(amount) as a, sum(price * qty) as t, sum(ratio) as r,"
                    + " min(amount) as lo, max(price) as hi, count(qty) as n from types5_items",
            "select kind, sum(amount * 2) as twice, max(qty) as most from types5_items group by kind order by kind",
            "select coalesce(qty, 0) as q, coalesce(big, 0) as b, coalesce(name, 'none') as n, upper(name) as u,"
                    + " abs(small) as a, qty % 2 as odd from types5_items order by id",
            "select i.amount * k.weight as w, weight * 2 as w2, i.qty + k.id as s from types5_items i"
                    + " join types5_kinds k on k.id = i.kind order by i.id",
            "select t.amount * 3 as x from types5_items t where t.id < 3 order by t.id"})
    void computedColumnsAsPostgres(String sql) throws SQLException {
        assertThat(described(viaSqlite, sql)).as("Describe: " + sql).isEqualTo(described(postgres, sql));
        assertThat(rows(viaSqlite, sql)).as(sql).isEqualTo(rows(postgres, sql));
    }

    /** avg and division print with a scale that depends on the values: the types must agree, the values by number. */
    @ParameterizedTest
    @ValueSource(strings = {"select avg(qty) as q, avg(amount) as a, avg(ratio) as r from types5_items",
            "select amount / 2 as half, qty / 2 as iq from types5_items order by id"})
    void valueScaledColumnsAsPostgres(String sql) throws SQLException {
        assertThat(described(viaSqlite, sql)).as("Describe: " + sql).isEqualTo(described(postgres, sql));
        assertThat(rows(viaSqlite, sql).stream().map(ComputedColumnTypesIT::byNumber).toList()).as(sql)
                .isEqualTo(rows(postgres, sql).stream().map(ComputedColumnTypesIT::byNumber).toList());
    }

    private static List<String> described(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return types(ps.getMetaData());
        }
    }

    private static List<String> types(ResultSetMetaData md) throws SQLException {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            types.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
        }
        return types;
    }

    /** The column types, then each row's values as text. */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rows.add(String.join(" ", types(rs.getMetaData())));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    private static String byNumber(String row) {
        List<String> values = new ArrayList<>();
        for (String value : row.split("\\|", -1)) {
            values.add(value.matches("-?[0-9]+\\.[0-9]+") ? new java.math.BigDecimal(value).stripTrailingZeros()
                    .toPlainString() : value);
        }
        return String.join("|", values);
    }
}
