package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What MariaDB needs beyond a change of spelling to answer as PostgreSQL does, through the real proxy with pgjdbc
 * in front of a real MariaDB: boolean results, timestamptz text with offsets, functions MariaDB lacks.
 */
class MariaDbTranslationIT {
    private static RunningProxy proxy;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningProxy.forKind("mariadb");
        connection = proxy.connect();
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists mariadb_e2e");
            s.execute("create table mariadb_e2e (id int primary key, name text, at timestamptz, ok boolean)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table mariadb_e2e");
        }
        connection.close();
        proxy.close();
    }

    @Test
    void booleanExpressionsAnswerAsBoolean() throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select 1 = 1 as yes, not true as no, 'a' < 'b', 2 as two")) {
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.BIT);
            assertThat(rs.getMetaData().getColumnTypeName(3)).isEqualTo("bool");
            assertThat(rs.getMetaData().getColumnTypeName(4)).isEqualTo("int4");
            rs.next();
            assertThat(rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4)).isEqualTo("tft2");
        }
        try (PreparedStatement p = connection.prepareStatement("insert into mariadb_e2e (id, name) values (?, 'x')"
                + " returning id, id > 5 as big")) {
            p.setInt(1, 9);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertThat(rs.getString("big")).isEqualTo("t");
            }
        }
    }

    @Test
    void onlyColumnsDeclaredAsArraysArePresentedAsArrays() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists mariadb_mediumtext");
            // MEDIUMTEXT is MariaDB's own type name (a legacy table's column); tags is an array, stored as JSON.
            s.execute("create table mariadb_mediumtext (id int primary key, body mediumtext, tags text[])");
            s.execute("insert into mariadb_mediumtext values (1, '{\"a\": 1}', '{x,\"y z\"}')");
            try (ResultSet rs = s.executeQuery("select body, tags, tags[2] from mariadb_mediumtext")) {
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("text");
                assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("_text");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("{\"a\": 1}");
                assertThat(rs.getString(2)).isEqualTo("{x,\"y z\"}");
                assertThat(rs.getString(3)).isEqualTo("y z");
            }
            s.execute("drop table mariadb_mediumtext");
        }
    }

    @Test
    void timestampTextWithAnOffsetIsStoredAsItsInstant() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("insert into mariadb_e2e (id, at) values (1, '2024-02-29 13:15:30+01')");
            try (ResultSet rs = s.executeQuery("select id from mariadb_e2e where at = '2024-02-29 07:15:30-05'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void timestamptzColumnsAndCastsAnswerWithTheirOffsetWhateverTheJvmZone() throws Exception {
        java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
        try (Statement s = connection.createStatement()) {
            s.execute("set timezone = 'UTC'");
            s.execute("insert into mariadb_e2e (id, at) values (2, '2024-05-01 12:00:00+02')");
            // drivers read a zoneless DATETIME in the JVM's zone; the stored wall clock is UTC
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
            try (ResultSet rs = s.executeQuery("select at, timestamptz '2024-06-01 12:00:00+02' as lit, at - at"
                    + " from mariadb_e2e where id = 2")) {
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("timestamptz");
                assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("timestamptz");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2024-05-01 10:00:00+00");
                assertThat(rs.getString(2)).isEqualTo("2024-06-01 10:00:00+00");
                assertThat(rs.getString(3)).isEqualTo("00:00:00");
            }
        } finally {
            java.util.TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void functionsMariaDbLacksAnswerAsInPostgres() throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select split_part('a,b,c', ',', 2), split_part('a,b', ',', 5),"
                        + " split_part('a,b,c', ',', -1), translate('ab-ba', 'ab-', 'ba'),"
                        + " regexp_replace('a1b22', '[0-9]+', '#'), regexp_replace('a1b22', '[0-9]+', '<\\&>', 'g'),"
                        + " regexp_replace('Ab', 'a', 'x', 'i'), num_nulls(1, null, null), num_nonnulls(1, null),"
                        + " make_date(2024, 7, 4), to_date('15/03/2024', 'DD/MM/YYYY'),"
                        + " format('%s is %s, %L', 'x', null, 'it''s'), starts_with('Work', 'Wo'),"
                        + " starts_with('Work', 'wo'), jsonb_typeof('[1]'), jsonb_typeof('{\"a\": 2.5}'::jsonb -> 'a')")) {
            rs.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i == 1 ? "" : "|").append(rs.getString(i));
            }
            assertThat(row.toString()).isEqualTo("b||c|baab|a#b22|a<1>b<22>|xb|2|1|2024-07-04|2024-03-15"
                    + "|x is , 'it''s'|t|f|array|number");
        }
    }

    @Test
    void mariaDbErrorsCarryPostgresStates() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("create table if not exists mariadb_e2e_other (id int primary key, need text not null)");
            String[][] cases = {
                {"select id from mariadb_e2e join mariadb_e2e_other on true", "42702"},
                {"select id from mariadb_e2e where count(*) > 1", "42803"},
                {"insert into mariadb_e2e (id) values (3, 'extra')", "42601"},
                {"insert into mariadb_e2e_other (id) values (1)", "23502"}};
            for (String[] c : cases) {
                assertThatThrownBy(() -> s.execute(c[0])).as(c[0]).isInstanceOfSatisfying(
                        java.sql.SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(c[1]));
            }
            s.execute("drop table mariadb_e2e_other");
        }
    }

    /** MariaDB only warns about these outside INSERT and UPDATE; PostgreSQL fails the statement. */
    @Test
    void valueWarningsFailAsPostgresErrors() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("insert into mariadb_e2e (id, name) values (40, 'forty'), (41, 'forty-one')");
            String[][] cases = {
                {"select 1 / 0", "22012"},
                {"select 5 % 0", "22012"},
                {"select id, id / (id - id) from mariadb_e2e where id >= 40", "22012"},
                {"select 'abc'::integer", "22P02"},
                {"select name::integer from mariadb_e2e where id = 40", "22P02"},
                {"select '2024-02-30'::date", "22008"},
                {"select 'yesterday-ish'::timestamp", "22007"},
                {"select 40000::smallint", "22003"},
                {"select (id * 100000000)::integer from mariadb_e2e where id = 40", "22003"}};
            for (String[] c : cases) {
                assertThatThrownBy(() -> s.executeQuery(c[0]).close()).as(c[0]).isInstanceOfSatisfying(
                        java.sql.SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(c[1]));
            }
            // PostgreSQL accepts what MariaDB only notes: spaces around a number.
            try (var rs = s.executeQuery("select ' 12 '::integer as n, 32767::smallint as m")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("n")).isEqualTo(12);
                assertThat(rs.getInt("m")).isEqualTo(32767);
            }
            s.execute("delete from mariadb_e2e where id >= 40");
        }
    }

    /**
     * A DELETE whose condition divides by zero: MariaDB deletes the rows it could decide and warns. In a transaction
     * the statement fails, and the client's rollback undoes what MariaDB did; in autocommit it has been committed.
     */
    @Test
    void dataChangingStatementFailsOnWarningsInsideTransactions() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("insert into mariadb_e2e (id, name) values (50, 'a'), (51, null)");
            connection.setAutoCommit(false);
            try {
                assertThatThrownBy(() -> s.execute("delete from mariadb_e2e where id >= 50 and 1 / (id - 50) >= 0"))
                        .isInstanceOfSatisfying(java.sql.SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("22012"));
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
            try (var rs = s.executeQuery("select count(*) from mariadb_e2e where id >= 50")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            s.execute("delete from mariadb_e2e where id >= 50");
        }
    }
}
