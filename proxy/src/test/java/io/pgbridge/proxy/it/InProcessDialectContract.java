package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pgjdbc through pgbridge in front of a backend that runs in this JVM by its dialect profile (HSQLDB, DuckDB,
 * Derby): PostgreSQL DDL, parameters in both directions, types that come back as PostgreSQL's, PostgreSQL's
 * column names, errors with PostgreSQL's SQLSTATEs, and a table the backend created itself reached by
 * PostgreSQL's unquoted names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InProcessDialectContract {
    private RunningProxy proxy;
    private String url;

    /** The backend kind, for the proxy's logs. */
    abstract String backend();

    /** The JDBC URL of a new database in {@code dir}. */
    abstract String databaseUrl(Path dir);

    /** A statement the backend cannot run as PostgreSQL would, which pgbridge must refuse with 0A000. */
    abstract String untranslatable();

    @BeforeAll
    void start() throws Exception {
        url = databaseUrl(Files.createTempDirectory("pgbridge-" + backend()));
        proxy = RunningProxy.forUrl(url, backend());
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("create table items (id serial primary key, name text not null unique, price numeric(10,2))");
        }
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
    }

    @Test
    void writesReadsAndUpdatesWithParameters() throws Exception {
        try (Connection c = proxy.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("create table parts (id serial primary key, name text not null, price numeric(10,2),"
                        + " active boolean default true, added date, payload bytea)");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into parts (name, price, active, added, payload) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, "lamp");
                insert.setBigDecimal(2, new BigDecimal("12.50"));
                insert.setBoolean(3, false);
                insert.setDate(4, Date.valueOf(LocalDate.of(2024, 2, 29)));
                insert.setBytes(5, new byte[] {0, 1, (byte) 0xfe});
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement update = c.prepareStatement("update parts set price = price * ? where name = ?")) {
                update.setInt(1, 2);
                update.setString(2, "lamp");
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement(
                    "select id, name, price, active, added, payload, name || '!' from parts where name = ?")) {
                select.setString(1, "lamp");
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(labels(rs)).containsExactly("id", "name", "price", "active", "added", "payload",
                            "?column?");
                    assertThat(rs.getMetaData().getColumnTypeName(4)).isEqualTo("bool");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);   // serial starts at 1, as a PostgreSQL sequence does
                    assertThat(rs.getString(2)).isEqualTo("lamp");
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("25.00");
                    assertThat(rs.getBoolean(4)).isFalse();
                    assertThat(rs.getString(4)).isEqualTo("f");
                    assertThat(rs.getDate(5).toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getBytes(6)).containsExactly(0, 1, (byte) 0xfe);
                    assertThat(rs.getString(7)).isEqualTo("lamp!");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void aggregatesLimitsAndOrderAsPostgresDoes() throws Exception {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into items (name, price) values ('a1', 1), ('a2', null), ('a3', 3)");
            try (ResultSet rs = st.executeQuery("select name from items where name like 'a%' order by price desc"
                    + " limit 2 offset 0")) {
                assertThat(rows(rs)).containsExactly("a2", "a3");   // NULLs first when descending
            }
            try (ResultSet rs = st.executeQuery("select count(*), sum(price) from items where name ilike 'A%'")) {
                assertThat(labels(rs)).containsExactly("count", "sum");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("4");
            }
        }
    }

    @Test
    void errorsCarryPostgresSqlStates() throws Exception {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into items (name) values ('unique-one')");
            assertThatThrownBy(() -> st.executeUpdate("insert into items (name) values ('unique-one')"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("23505");
            assertThatThrownBy(() -> st.executeQuery("select * from no_such_table"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42P01");
            assertThatThrownBy(() -> st.execute(untranslatable()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("0A000");
            try (ResultSet rs = st.executeQuery("select 1 as still_usable")) {
                assertThat(rows(rs)).containsExactly("1");
            }
        }
    }

    /** A table made by the backend's own SQL, with unquoted names, answers to PostgreSQL's unquoted names. */
    @Test
    void reachesTablesTheBackendCreatedItself() throws Exception {
        try (Connection direct = DriverManager.getConnection(url); Statement st = direct.createStatement()) {
            st.execute("CREATE TABLE Legacy_Orders (Order_No INTEGER, Customer VARCHAR(20))");
            st.execute("INSERT INTO Legacy_Orders (Order_No, Customer) VALUES (7, 'ann')");
        }
        try (Connection c = proxy.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select order_no, customer from legacy_orders where order_no = 7")) {
            assertThat(labels(rs)).containsExactly("order_no", "customer");
            assertThat(rows(rs)).containsExactly("7");
        }
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            labels.add(rs.getMetaData().getColumnLabel(i));
        }
        return labels;
    }

    /** The first column of each row, as text. */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(rs.getString(1));
        }
        return rows;
    }
}
