package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursors over large results: a forward-only cursor reads its backend's rows only as FETCH asks for them (the proxy
 * does not run the query to the end), and a scrollable cursor over 200,000 rows, which the proxy keeps partly on
 * disk, answers every direction as PostgreSQL does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CursorStreamingIT {
    private static final int ROWS = 200_000;
    /** 200,000 numbered rows, made the same way on every backend (MariaDB limits recursive queries to 1000 levels). */
    private static final String SERIES = "select g, 'row ' || g as label from (select 1 + a.n + 10 * b.n + 100 * c.n"
            + " + 1000 * e.n + 10000 * f.n + 100000 * h.n as g from (" + digits(10) + ") a cross join (" + digits(10)
            + ") b cross join (" + digits(10) + ") c cross join (" + digits(10) + ") e cross join (" + digits(10)
            + ") f cross join (" + digits(2) + ") h) s order by g";
    /** Counts the rows H2 computes for {@link #forwardOnlyCursorReadsTheBackendAsFetchAsks}. */
    private static final AtomicLong COMPUTED = new AtomicLong();
    /** Counts the rows H2 computes, slowly, for {@link #cancelStopsALongFetch}. */
    private static final AtomicLong SLOW = new AtomicLong();
    private final Map<String, RunningProxy> proxies = new HashMap<>();

    private synchronized RunningProxy proxy(String kind) throws Exception {
        RunningProxy proxy = proxies.get(kind);
        if (proxy == null) {
            proxy = RunningProxy.forKind(kind);
            proxies.put(kind, proxy);
        }
        return proxy;
    }

    private static String digits(int n) {
        StringBuilder sql = new StringBuilder("select 0 as n");
        for (int i = 1; i < n; i++) {
            sql.append(" union all select ").append(i);
        }
        return sql.toString();
    }

    /** Called by H2 for each row it computes (a deterministic function, so H2 still computes rows lazily). */
    public static long counted(long value) {
        COMPUTED.incrementAndGet();
        return value;
    }

    /** Called by H2 for each row of {@link #cancelStopsALongFetch}'s cursor: a millisecond per row. */
    public static long slow(long value) throws InterruptedException {
        SLOW.incrementAndGet();
        Thread.sleep(1);
        return value;
    }

    @AfterAll
    void stop() {
        proxies.values().forEach(RunningProxy::close);
    }

    /**
     * pgbridge in front of an in-memory H2 database of its own that has this class's static {@code method} as the
     * deterministic function {@code pgb_<method>} (deterministic, so that H2 still computes rows lazily).
     */
    private RunningProxy h2WithFunction(String method) throws Exception {
        String url = "jdbc:h2:mem:pgb_cursor_" + method + ";DB_CLOSE_DELAY=-1";
        RunningProxy proxy = RunningProxy.forUrl(url, "h2");
        proxies.put("h2-" + method, proxy);
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            st.execute("select 1");   // the backend database now exists
        }
        try (Connection h2 = DriverManager.getConnection(url); Statement direct = h2.createStatement()) {
            direct.execute("create alias if not exists pgb_" + method + " deterministic for '"
                    + CursorStreamingIT.class.getName() + "." + method + "'");
        }
        return proxy;
    }

    /**
     * H2 runs in this JVM and calls {@link #counted} for each row it computes: after DECLARE and a FETCH of 100 rows
     * of 200,000, it has computed only those the FETCH needed (and what its driver reads ahead), so the proxy streams
     * rather than reading the result to the end; FETCH ALL then brings the rest, in order.
     */
    @Test
    void forwardOnlyCursorReadsTheBackendAsFetchAsks() throws Exception {
        RunningProxy proxy = h2WithFunction("counted");
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("declare big no scroll cursor for select pgb_counted(g) as g, g as same"
                    + " from generate_series(1, " + ROWS + ") g");
            COMPUTED.set(0);
            assertThat(values(st, "fetch forward 100 from big")).hasSize(100).startsWith(1L).endsWith(100L);
            assertThat(COMPUTED.get()).as("rows H2 computed for FETCH 100").isBetween(100L, ROWS / 4L);
            long count = 0;
            try (ResultSet rs = st.executeQuery("fetch all from big")) {
                while (rs.next()) {
                    count++;
                    assertThat(rs.getLong(1)).isEqualTo(100 + count);
                }
            }
            assertThat(count).isEqualTo(ROWS - 100);
            assertThat(COMPUTED.get()).isEqualTo(ROWS);
            c.commit();
        }
    }

    /**
     * A cancel request stops a FETCH that reads a slow cursor (20,000 rows at a millisecond each) once its rows
     * flow, also when another statement ran since DECLARE: the FETCH fails with 57014, and after ROLLBACK the
     * session goes on.
     */
    @Test
    void cancelStopsALongFetch() throws Exception {
        RunningProxy proxy = h2WithFunction("slow");
        try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("declare slow no scroll cursor for select pgb_slow(g) as g from generate_series(1, 20000) g");
            assertThat(values(st, "select 7 as a, 8 as b")).containsExactly(7L);   // the last statement is another
            SLOW.set(0);
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    while (SLOW.get() < 100) {
                        Thread.sleep(5);
                    }
                    st.cancel();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> st.executeQuery("fetch all from slow"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            canceller.join();
            assertThat(SLOW.get()).isLessThan(20_000);
            c.rollback();
            assertThat(values(st, "select 7 as a, 8 as b")).containsExactly(7L);
        }
    }

    private static List<Long> values(Statement st, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** A scrollable cursor over 200,000 rows, moved around on PostgreSQL and through pgbridge: the same answers. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite", "postgresql"})
    void scrollCursorOverALargeResultAsPostgres(String kind) throws Exception {
        List<String> steps = List.of("begin", "declare s scroll cursor for " + SERIES, "fetch 3 s", "fetch last s",
                "fetch absolute 150000 s", "fetch backward 3 s", "move absolute 199998 s", "fetch 5 s",
                "fetch prior s", "fetch absolute 5 s", "fetch relative 1000 s", "move forward all s",
                "fetch backward 2 s", "move backward all s", "fetch s", "close s",
                "declare h no scroll cursor with hold for " + SERIES, "fetch forward 2 h", "commit",
                "move forward 100000 h", "fetch h", "fetch forward all h", "close h");
        List<String> direct;
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            direct = run(c, steps);
        }
        List<String> proxied;
        try (Connection c = proxy(kind).connect()) {
            proxied = run(c, steps);
        }
        assertThat(proxied).isEqualTo(direct);
    }

    /** Each statement's rows (the first and last few and how many), update count, or SQLSTATE. */
    private static List<String> run(Connection c, List<String> steps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String sql : steps) {
                try {
                    if (st.execute(sql)) {
                        List<String> rows = new ArrayList<>();
                        String last = null;
                        long count = 0;
                        try (ResultSet rs = st.getResultSet()) {
                            while (rs.next()) {
                                last = rs.getString(1) + "|" + rs.getString(2);
                                if (count++ < 3) {
                                    rows.add(last);
                                }
                            }
                        }
                        rows.add("last " + last);
                        out.add(sql + " -> " + count + " rows " + rows);
                    } else {
                        out.add(sql + " -> " + st.getUpdateCount());
                    }
                } catch (SQLException e) {
                    out.add(sql + " -> " + e.getSQLState());
                }
            }
        }
        return out;
    }
}
