package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Dates, times, intervals, uuids and case mapping through pgbridge on MariaDB and SQLite, compared with what
 * PostgreSQL 15 answers to the same statements: values as the client reads them (getString), so that the proxy's
 * presentation of each result column is part of what is checked.
 */
class DateTimeFunctionsIT {
    private static final String[] SETUP = {"drop table if exists dt_events",
            "create table dt_events (id integer primary key, starts_at timestamp, happened_at timestamptz)",
            "insert into dt_events values (1, '2024-01-15 09:00:00', '2024-01-15 09:00:00+00'),"
                    + " (2, '2024-02-29 13:15:30', '2024-02-29 13:15:30+01')"};

    private static final Map<String, List<String>> QUERIES = Map.of(
            "both", List.of(
                    "select DATE '2024-03-01' - DATE '2024-02-01' as days, DATE '2024-03-01' + 7 as week_later",
                    "select TIMESTAMP '2024-01-15 10:30:00' - TIMESTAMP '2024-01-15 09:00:00' as d1,"
                            + " TIMESTAMP '2024-01-02 02:00:00' - TIMESTAMP '2024-01-01' as d2",
                    "select interval '15 minutes' * 4 as hour, interval '1 day' / 2 as half_day",
                    "select extract(epoch from TIMESTAMPTZ '2024-01-01 00:00:00+00') as e,"
                            + " date_part('quarter', DATE '2024-08-15') as q",
                    "select d::date as day from generate_series(TIMESTAMP '2024-02-27', TIMESTAMP '2024-03-02',"
                            + " interval '1 day') as d order by d",
                    "with recursive days (d) as (select DATE '2024-02-26' union all select d + 1 from days"
                            + " where d < DATE '2024-03-02') select d from days order by d",
                    "select 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid as u,"
                            + " CAST('{c2aabb77-0000-4000-8000-000000000033}' AS uuid) as braces",
                    "select 'abc' < 'abd' as lt, 'B' < 'a' as upper_first",
                    "select id, to_char(starts_at, 'YYYY-MM-DD HH24:MI') as f from dt_events order by id",
                    "select to_date('15/03/2024', 'DD/MM/YYYY') as parsed",
                    "select to_char(1234.5, 'FM9999990.00') as a, to_char(-12.5, '9990.00') as b,"
                            + " to_char(0.5, 'FM990.99') as c, to_char(12345, '9,999') as d,"
                            + " to_char(1234567.891, 'FM9,999,999.00') as e, to_char(5, '000') as f,"
                            + " to_char(-0.5, 'FM990.00') as g, to_char(3.0, 'FM999.99') as h,"
                            + " to_char(1234.5, '9999990.00') as i, to_char(0.004, '9.99') as j, to_char(2.5, 'FM9') as k"),
            "sqlite", List.of(
                    "select id, happened_at from dt_events order by id",
                    "select upper('straße') as up, lower('ÉCOLE') as low",
                    "select to_char(TIMESTAMP '2024-02-05 13:05:09', 'Day DD Mon YYYY FMDD Month HH12 AM') as t"));

    private static final Map<String, RunningProxy> PROXIES = new java.util.HashMap<>();
    private static final Map<String, Connection> CONNECTIONS = new java.util.HashMap<>();
    private static Connection postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = DriverManager.getConnection(TestDatabases.postgresUrl());
        run(postgres, SETUP);
        for (String kind : List.of("mariadb", "sqlite")) {
            RunningProxy proxy = RunningProxy.forKind(kind);
            PROXIES.put(kind, proxy);
            CONNECTIONS.put(kind, proxy.connect());
            run(CONNECTIONS.get(kind), SETUP);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        run(postgres, SETUP[0]);
        postgres.close();
        for (String kind : CONNECTIONS.keySet()) {
            run(CONNECTIONS.get(kind), SETUP[0]);
            CONNECTIONS.get(kind).close();
            PROXIES.get(kind).close();
        }
    }

    static Stream<Arguments> queries() {
        List<Arguments> cases = new ArrayList<>();
        for (String sql : QUERIES.get("both")) {
            cases.add(Arguments.of("mariadb", sql));
            cases.add(Arguments.of("sqlite", sql));
        }
        QUERIES.get("sqlite").forEach(sql -> cases.add(Arguments.of("sqlite", sql)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("queries")
    void answersAsPostgres(String kind, String sql) throws SQLException {
        assertThat(rows(CONNECTIONS.get(kind), sql)).as(sql).isEqualTo(rows(postgres, sql));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mariadb", "sqlite"})
    void refusesWhatItCannotAnswer(String kind) {
        SQLException invalid = catchThrowableOfType(SQLException.class,
                () -> rows(CONNECTIONS.get(kind), "select 'not-a-uuid'::uuid"));
        assertThat(invalid.getSQLState()).isEqualTo("22P02");
        SQLException unsupported = catchThrowableOfType(SQLException.class,
                () -> rows(CONNECTIONS.get(kind), "select interval '1 hour' * id from dt_events"));
        assertThat(unsupported.getSQLState()).isEqualTo("0A000");
        assertThat(unsupported.getMessage()).contains("interval");
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        return SqliteFunctionsIT.rows(c, sql);
    }
}
