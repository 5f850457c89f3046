package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What pgjdbc users rely on, run through a real pgbridge against one real backend per subclass, in the three ways
 * pgjdbc talks: simple protocol, extended protocol with text results, and server-prepared statements in binary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PgjdbcContract {
    static final String SIMPLE = "preferQueryMode=simple";
    static final String EXTENDED_TEXT = "preferQueryMode=extended&binaryTransfer=false";
    static final String PREPARED_BINARY = "prepareThreshold=-1&binaryTransfer=true";

    RunningProxy proxy;
    final String table = "pgb_it_" + getClass().getSimpleName().toLowerCase().replace("it", "");

    abstract String backend();

    /** The backend's spelling of a byte-string column type. */
    abstract String bytesType();

    /** The backend's spelling of PostgreSQL's {@code timestamp} (microseconds, no time zone). */
    String timestampType() {
        return "timestamp";
    }

    /** A statement that runs for many seconds unless cancelled. */
    abstract String slowQuery();

    @BeforeAll
    void start() throws Exception {
        proxy = RunningProxy.forKind(backend());
    }

    @AfterAll
    void stop() throws Exception {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("drop table if exists " + table);
        }
        proxy.close();
    }

    private void createTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (id int primary key, name varchar(50), amount numeric(12,2),"
                    + " flag boolean, born date, seen " + timestampType() + ", data " + bytesType() + ")");
        }
    }

    /** The pgjdbc query modes this backend is tested in. */
    java.util.stream.Stream<String> queryModes() {
        return java.util.stream.Stream.of(SIMPLE, EXTENDED_TEXT, PREPARED_BINARY);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("queryModes")
    void writesAndReadsBackEveryCommonType(String mode) throws Exception {
        try (Connection c = proxy.connect(mode)) {
            createTable(c);
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, i == 2 ? null : "name ünï " + i);
                    ps.setBigDecimal(3, new BigDecimal("1234.5" + i));
                    ps.setBoolean(4, i % 2 == 0);
                    ps.setDate(5, Date.valueOf("2024-02-2" + i));
                    ps.setTimestamp(6, Timestamp.valueOf("2024-03-04 05:06:0" + i + ".123456"));
                    ps.setBytes(7, new byte[]{0, (byte) i, (byte) 0xff});
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where id >= ? order by id")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 1; i <= 3; i++) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt("id")).isEqualTo(i);
                        assertThat(rs.getString("name")).isEqualTo(i == 2 ? null : "name ünï " + i);
                        assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1234.5" + i);
                        assertThat(rs.getBoolean("flag")).isEqualTo(i % 2 == 0);
                        assertThat(rs.getDate("born")).isEqualTo(Date.valueOf("2024-02-2" + i));
                        assertThat(rs.getTimestamp("seen")).isEqualTo(Timestamp.valueOf("2024-03-04 05:06:0" + i + ".123456"));
                        assertThat(rs.getBytes("data")).containsExactly(0, i, 0xff);
                    }
                    assertThat(rs.next()).isFalse();
                }
            }
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("update " + table + " set flag = true where id <= 2")).isEqualTo(2);
                assertThat(st.executeUpdate("delete from " + table + " where id = 3")).isEqualTo(1);
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SIMPLE, EXTENDED_TEXT, PREPARED_BINARY})
    void errorsKeepTheSessionUsable(String mode) throws Exception {
        try (Connection c = proxy.connect(mode); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("select * from pgb_no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> st.executeQuery("selec 1"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
            try (ResultSet rs = st.executeQuery("select 41 + 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SIMPLE, PREPARED_BINARY})
    void failedTransactionRefusesStatementsUntilRollback(String mode) throws Exception {
        try (Connection c = proxy.connect(mode)) {
            createTable(c);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("insert into " + table + " (id, name) values (1, 'kept?')");
                assertThatThrownBy(() -> st.executeUpdate("insert into " + table + " (id, name) values (1, 'dup')"))
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
                assertThatThrownBy(() -> st.executeQuery("select 1"))
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
                c.rollback();
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isZero();
                }
                st.executeUpdate("insert into " + table + " (id, name) values (2, 'committed')");
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select name from " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed");
            }
        }
    }

    @Test
    void fetchSizeStreamsAPortalInBatches() throws Exception {
        try (Connection c = proxy.connect(PREPARED_BINARY)) {
            createTable(c);
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (id, name) values (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertThat(counts).hasSize(5000).containsOnly(1);
            }
            // Autocommit reads of every size: small results may be answered without a streaming transaction,
            // large ones must still arrive whole and in order.
            for (String mode : queryModes().toList()) {
                try (Connection other = proxy.connect(mode)) {
                    for (int size : new int[]{0, 3, 256, 257, 5000}) {
                        try (PreparedStatement ps = other.prepareStatement(
                                "select id, name from " + table + " where id < ? order by id")) {
                            ps.setInt(1, size);
                            int rows = 0;
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    assertThat(rs.getInt(1)).isEqualTo(rows);
                                    rows++;
                                }
                            }
                            assertThat(rows).as("rows below %d in %s", size, mode).isEqualTo(size);
                        }
                    }
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select id, name from " + table + " order by id")) {
                ps.setFetchSize(100);
                long sum = 0;
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getString(2)).isEqualTo("row " + rs.getInt(1));
                        sum += rs.getInt(1);
                        rows++;
                    }
                }
                assertThat(rows).isEqualTo(5000);
                assertThat(sum).isEqualTo(4999L * 5000 / 2);
            }
            c.commit();
        }
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(700);
                    st.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long start = System.nanoTime();
            assertThatThrownBy(() -> st.executeQuery(slowQuery()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
            cancel.get();
            try (ResultSet rs = st.executeQuery("select 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void simpleQueryWithSeveralStatementsReturnsEachResult() throws Exception {
        try (Connection c = proxy.connect(SIMPLE); Statement st = c.createStatement()) {
            assertThat(st.execute("select 1; select 2")).isTrue();
            try (ResultSet rs = st.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(st.getMoreResults()).isTrue();
            try (ResultSet rs = st.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void severalStatementsInOneQueryAreOneTransaction() throws Exception {
        try (Connection c = proxy.connect(SIMPLE); Statement st = c.createStatement()) {
            createTable(c);
            assertThatThrownBy(() -> st.execute("insert into " + table + " (id) values (100); insert into " + table
                    + " (id) values (101); insert into " + table + " (id) values (100)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
            try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("rows left by the failed multi-statement query").isZero();
            }
            st.execute("insert into " + table + " (id) values (1); insert into " + table + " (id) values (2)");
            try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    /** Extended-protocol modes only: in simple mode pgjdbc sends each batch entry as its own Query, and
     *  PostgreSQL commits each (the pass-through run shows it), so there is nothing to roll back together. */
    java.util.stream.Stream<String> extendedModes() {
        return queryModes().filter(m -> !m.equals(SIMPLE));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("extendedModes")
    void aBatchBeforeOneSyncIsOneTransaction(String mode) throws Exception {
        try (Connection c = proxy.connect(mode)) {
            createTable(c);
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (id) values (?)")) {
                for (int id : new int[]{1, 2, 1, 3}) {
                    ps.setInt(1, id);
                    ps.addBatch();
                }
                assertThatThrownBy(ps::executeBatch).isInstanceOf(java.sql.BatchUpdateException.class);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("rows left by the failed batch in %s", mode).isZero();
            }
        }
    }

    @Test
    void settingsAreSetShownAndReported() throws Exception {
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("set application_name = 'it-check'");
            try (ResultSet rs = st.executeQuery("show application_name")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("it-check");
            }
            assertThat(c.getClientInfo("ApplicationName")).isEqualTo("it-check");
        }
    }
}
