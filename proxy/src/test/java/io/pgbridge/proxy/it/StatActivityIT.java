package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pg_stat_activity, pg_backend_pid(), pg_cancel_backend() and pg_terminate_backend() through pgbridge on H2,
 * MariaDB and SQLite, against what PostgreSQL 15 shows for the same sessions doing the same things: two roles
 * that are not superusers ({@code stat5_a}, {@code stat5_b}), sessions idle, idle in a transaction, in a failed
 * transaction, and the viewer's own, active one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatActivityIT {
    /**
     * What the test compares of each session; times only as null or not, and in their order. Not backend_xmin:
     * pgbridge has no transaction ids, PostgreSQL shows one for sessions in a transaction.
     */
    private static final String SESSIONS = "SELECT application_name, datname, usename, state, query, backend_type,"
            + " wait_event_type, wait_event, backend_xid, client_addr, client_hostname,"
            + " client_port > 0 AS has_port, backend_start IS NOT NULL AS started, xact_start IS NOT NULL AS in_xact,"
            + " query_start >= backend_start AS query_after_start, state_change >= query_start AS change_after_query,"
            + " datid IS NOT NULL AS has_datid, usesysid IS NOT NULL AS has_usesysid, leader_pid"
            + " FROM pg_stat_activity WHERE application_name LIKE 'stat5%' ORDER BY application_name";
    private final Map<String, RunningProxy> proxies = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        try (Connection pg = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = pg.createStatement()) {
            for (String role : List.of("stat5_a", "stat5_b")) {
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " CREATE ROLE " + role + " LOGIN PASSWORD 'stat5'; END IF; END $$");
            }
        }
        for (String kind : List.of("h2", "mariadb", "sqlite")) {
            proxies.put(kind, RunningProxy.forKind(kind));
        }
    }

    @AfterAll
    void stop() {
        proxies.values().forEach(RunningProxy::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void sessionsAsPostgresShowsThem(String kind) throws Exception {
        RunningProxy proxy = proxies.get(kind);
        assertThat(scenario(app -> proxyUrl(proxy, "stat5_a", app), app -> proxyUrl(proxy, "stat5_b", app)))
                .isEqualTo(scenario(app -> postgresUrl("stat5_a", app), app -> postgresUrl("stat5_b", app)));
    }

    /**
     * A running statement is active to the others; pg_cancel_backend stops it as a cancel request does, and
     * pg_terminate_backend ends its session.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void aRunningStatementIsActiveAndCanBeCanceled(String kind) throws Exception {
        RunningProxy proxy = proxies.get(kind);
        // MariaDB's generate_series stops at 1000 rows (its recursion limit): three of them make a long count.
        String longQuery = kind.equals("mariadb") ? "SELECT count(*) FROM generate_series(1, 1000) a,"
                + " generate_series(1, 1000) b, generate_series(1, 1000) c"
                : "SELECT count(*) FROM generate_series(1, 20000) a, generate_series(1, 20000) b";
        assertThat(cancelScenario(app -> proxyUrl(proxy, "stat5_a", app), longQuery))
                .isEqualTo(cancelScenario(app -> postgresUrl("stat5_a", app), longQuery));
    }

    private List<String> cancelScenario(IntFunction<String> asA, String longQuery) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Connection busy = DriverManager.getConnection(asA.apply(6));
             Connection viewer = DriverManager.getConnection(asA.apply(7))) {
            int busyPid = pid(busy);
            try (Statement st = busy.createStatement()) {
                st.execute("SET statement_timeout = 60000");   // so that a failed run leaves nothing running
            }
            for (String signal : List.of("pg_cancel_backend", "pg_terminate_backend")) {
                var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return rows(busy, longQuery).toString();
                    } catch (SQLException e) {
                        return e.getSQLState() + " " + e.getMessage();
                    }
                });
                String activity = "SELECT state, query = '" + longQuery.replace("'", "''") + "', wait_event_type,"
                        + " xact_start <= query_start, state_change >= query_start FROM pg_stat_activity WHERE pid = ";
                List<String> active = List.of();
                for (int i = 0; i < 500 && (active.isEmpty() || !active.get(0).startsWith("active")); i++) {
                    Thread.sleep(10);
                    active = rows(viewer, activity + busyPid);
                }
                seen.addAll(active);
                // Active is reported from Parse on; PostgreSQL ignores a cancel that comes while it reads the next
                // message of the statement: let it be executing.
                Thread.sleep(1000);
                seen.addAll(rows(viewer, "SELECT " + signal + "(" + busyPid + ")"));
                seen.add(running.get(60, java.util.concurrent.TimeUnit.SECONDS));
                if (signal.equals("pg_cancel_backend")) {
                    seen.addAll(rows(busy, "SELECT 'still usable'"));
                    // Not wait_event: PostgreSQL reports ClientRead only once its backend waits for the next message.
                    seen.addAll(rows(viewer, "SELECT state, query FROM pg_stat_activity WHERE pid = " + busyPid));
                }
            }
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void columnsAndTypesArePostgres15s(String kind) throws Exception {
        try (Connection bridge = DriverManager.getConnection(proxyUrl(proxies.get(kind), "stat5_a", "stat5_cols"));
             Connection pg = DriverManager.getConnection(postgresUrl("stat5_a", "stat5_cols"))) {
            assertThat(resultColumns(bridge)).isEqualTo(resultColumns(pg)).hasSize(22);
        }
    }

    /** Two sessions see each other; then one cancels, is refused, and terminates, as PostgreSQL allows. */
    private List<String> scenario(IntFunction<String> asA, IntFunction<String> asB) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Connection idle = DriverManager.getConnection(asA.apply(1));
             Connection inTransaction = DriverManager.getConnection(asA.apply(2));
             Connection failed = DriverManager.getConnection(asA.apply(3));
             Connection other = DriverManager.getConnection(asB.apply(4));
             Connection viewer = DriverManager.getConnection(asA.apply(5))) {
            rows(idle, "SELECT 1 AS one");
            inTransaction.setAutoCommit(false);
            rows(inTransaction, "SELECT 2 AS two");
            failed.setAutoCommit(false);
            assertThatThrownBy(() -> rows(failed, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            rows(other, "SELECT 4 AS four");
            for (int i = 0; i < 100 && !rows(viewer, "SELECT count(*) FROM pg_stat_activity WHERE application_name"
                    + " IN ('stat5_1', 'stat5_2', 'stat5_3') AND wait_event = 'ClientRead'").equals(List.of("3")); i++) {
                Thread.sleep(20);   // a busy PostgreSQL backend may not wait for its next message yet
            }
            seen.addAll(rows(viewer, SESSIONS));
            int own = Integer.parseInt(rows(viewer, "SELECT pg_backend_pid()").get(0));
            seen.addAll(rows(viewer, "SELECT application_name, state FROM pg_stat_activity WHERE pid = " + own));
            seen.addAll(rows(viewer, "SELECT state, query FROM pg_stat_activity WHERE pid = pg_backend_pid()"));

            int otherPid = pid(other);
            assertThatThrownBy(() -> rows(viewer, "SELECT pg_cancel_backend(" + otherPid + ")"))
                    .isInstanceOfSatisfying(SQLException.class, e -> seen.add(e.getSQLState() + " " + e.getMessage()));
            assertThatThrownBy(() -> rows(viewer, "SELECT pg_terminate_backend(" + otherPid + ")"))
                    .isInstanceOfSatisfying(SQLException.class, e -> seen.add(e.getSQLState() + " " + e.getMessage()));
            try (Statement st = viewer.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_cancel_backend(2147483000)")) {
                rs.next();
                seen.add(rs.getString(1));
                for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                    seen.add(w.getSQLState() + " " + w.getMessage());
                }
            }
            seen.addAll(rows(viewer, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name"
                    + " = 'stat5_1'"));
            seen.addAll(rows(viewer, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name"
                    + " = 'stat5_1'"));
            assertThatThrownBy(() -> rows(idle, "SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                    e -> seen.add(e.getSQLState() + " " + e.getMessage()));
            for (int i = 0; i < 100 && !rows(viewer, "SELECT count(*) FROM pg_stat_activity WHERE application_name"
                    + " = 'stat5_1'").equals(List.of("0")); i++) {
                Thread.sleep(20);   // PostgreSQL's terminated backend leaves the view once it has exited
            }
            seen.addAll(rows(viewer, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'stat5%'"));
            inTransaction.rollback();
            failed.rollback();
        }
        return seen;
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(rows(c, "SELECT pg_backend_pid()").get(0));
    }

    private static List<String> resultColumns(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM pg_stat_activity")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
            }
        }
        return columns;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String proxyUrl(RunningProxy proxy, String user, Object app) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=" + user + "&password=stat5"
                + "&ApplicationName=stat5_" + app;
    }

    private static String postgresUrl(String user, Object app) {
        return "jdbc:postgresql://" + TestDatabases.postgresHost() + ":" + TestDatabases.postgresPort()
                + "/test?user=" + user + "&password=stat5&ApplicationName=stat5_" + app;
    }
}
