package io.pgbridge.proxy.it;

import io.pgbridge.proxy.it.SessionDifferential.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import java.util.List;
import java.util.stream.Stream;

import static io.pgbridge.proxy.it.SessionDifferential.ext;
import static io.pgbridge.proxy.it.SessionDifferential.q;
import static io.pgbridge.proxy.it.SessionDifferential.raw;
import static io.pgbridge.proxy.it.SessionDifferential.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's transaction blocks through pgbridge on every backend, compared message by message with PostgreSQL
 * 15: BEGIN/COMMIT/ROLLBACK and their synonyms and modes, savepoints, the failed state, implicit transactions of
 * multi-statement queries and extended-protocol batches, and the warnings and errors PostgreSQL gives.
 */
class TransactionSemanticsIT extends AbstractSessionDifferential {
    private static final String T = SessionDifferential.TABLE;
    private static final String COUNT = "select count(*) as n from " + T;
    private static final String ONE = "select 1 as one";
    private static final String INSERT = "insert into " + T + " values (1)";
    /** A statement that fails on the backend (the table does not exist). */
    private static final String FAIL = "select * from pgb_no_such_table";
    /**
     * A statement that fails when executed, not when parsed: PostgreSQL (unlike pgbridge) looks tables up at Parse,
     * so extended-protocol scenarios fail this way to compare the same messages.
     */
    private static final String FAIL_LATE = "select set_config('pgb_no_such_setting', 'x', false)";


    static List<Scenario> scenarios() {
        return List.of(
                scenario("rollback undoes", q("begin"), q(INSERT), q("rollback"), q(COUNT)),
                scenario("commit keeps", q("start transaction"), q(INSERT), q("commit"), q(COUNT)),
                scenario("synonyms", q("begin work"), q(INSERT), q("abort"), q("begin transaction"), q(INSERT),
                        q("end"), q(COUNT)),
                scenario("begin inside a transaction warns", q("begin"), q(ONE), q("begin"), q("commit")),
                scenario("commit and rollback outside warn", q("commit"), q("rollback"), q("end work")),
                scenario("savepoint commands outside a block fail", q("savepoint a"), q("release a"),
                        q("rollback to a"), q("release savepoint a")),
                scenario("unknown savepoint", q("begin"), q("release x"), q(ONE), q("rollback to x"),
                        q("commit")),
                scenario("failed transaction until rollback", q("begin"), q(INSERT), q(FAIL), q(ONE),
                        q("savepoint s"), q("show transaction_isolation"), q("commit"), q(COUNT)),
                scenario("rollback to savepoint recovers", q("begin"), q(INSERT), q("savepoint s1"),
                        q("insert into " + T + " values (2)"), q(FAIL), q(ONE), q("rollback to s1"),
                        q("insert into " + T + " values (3)"), q("release s1"), q("commit"),
                        q("select id from " + T + " order by id")),
                scenario("savepoint names stack", q("begin; savepoint a; savepoint a; release a; rollback to a;"
                        + " release a; rollback to a"), q("rollback")),
                scenario("nested savepoints", q("begin"), q("savepoint a"), q(INSERT), q("savepoint b"), q(INSERT),
                        q("rollback to savepoint a"), q("rollback to b"), q("commit"), q(COUNT)),
                scenario("multi-statement query is one transaction", q(INSERT + "; " + FAIL), q(COUNT)),
                scenario("commit inside a multi-statement query", q(INSERT + "; commit; " + INSERT + "; " + FAIL),
                        q(COUNT)),
                scenario("rollback inside a multi-statement query", q(INSERT + "; rollback; " + INSERT), q(COUNT)),
                scenario("begin takes over a multi-statement query", q(INSERT + "; begin; " + INSERT + "; " + FAIL),
                        q(ONE), q("rollback"), q(COUNT)),
                scenario("begin and commit in one query", q("begin; " + INSERT + "; commit; " + ONE), q(COUNT)),
                scenario("savepoint in an implicit transaction", q(ONE + "; savepoint a"),
                        q(ONE + "; release a")),
                scenario("isolation and read-only modes",
                        q("begin isolation level serializable, read only, deferrable"),
                        q("show transaction_isolation"), q("show transaction_read_only"),
                        q("show transaction_deferrable"), q(INSERT), q("rollback"),
                        q("show transaction_isolation")),
                scenario("read uncommitted is shown as asked",
                        q("start transaction isolation level read uncommitted read write"),
                        q("show transaction_isolation"), q("commit")),
                scenario("isolation is fixed by the first query", q("begin isolation level repeatable read"),
                        q("show transaction isolation level"), q(ONE),
                        q("set transaction isolation level serializable"), q("rollback")),
                scenario("set transaction before the first query", q("begin"),
                        q("set transaction isolation level serializable"), q("set transaction_read_only = on"),
                        q("show transaction_isolation"), q("show transaction_read_only"), q(INSERT), q("rollback")),
                scenario("read write only before the first query", q("begin"), q("set transaction read only"),
                        q(ONE), q("set transaction read write"), q("rollback")),
                scenario("set transaction outside a block warns", q("set transaction isolation level serializable"),
                        q("show transaction_isolation"), q("set transaction_isolation = 'serializable'")),
                scenario("set transaction in a multi-statement query",
                        q("set transaction read only; " + INSERT), q(COUNT)),
                scenario("session characteristics", q("set session characteristics as transaction read only"),
                        q(INSERT), q("show default_transaction_read_only"), q("begin read write"), q(INSERT),
                        q("commit"), q("set session characteristics as transaction read write, isolation level"
                                + " repeatable read"),
                        q("begin"), q("show transaction_isolation"), q("commit"),
                        q("show default_transaction_isolation"), q("reset default_transaction_isolation"), q(COUNT)),
                scenario("default_transaction_read_only by SET", q("set default_transaction_read_only = on"),
                        q(INSERT), q("reset default_transaction_read_only"), q(INSERT), q(COUNT)),
                scenario("bad transaction modes", q("begin isolation level sometimes"), q("begin read maybe")),
                scenario("extended protocol: failed transaction", ext("begin"), ext(INSERT), ext(FAIL_LATE),
                        ext(ONE), ext("commit"), ext(COUNT)),
                scenario("extended protocol: batch is one transaction", ext(INSERT, INSERT, FAIL_LATE), ext(COUNT)),
                scenario("extended protocol: begin in a batch", ext(INSERT, "begin", INSERT), ext("rollback"),
                        ext(COUNT)),
                scenario("extended protocol: savepoint", ext("begin"), ext("savepoint a"), ext(INSERT),
                        ext("rollback to a"), ext("commit"), ext(COUNT)),
                scenario("error skips to Sync", raw("P/B/E begin, P/B/E fail, P/B/E insert, Sync", c -> {
                    c.parse("", "begin");
                    c.bind("", "");
                    c.execute("");
                    c.parse("", FAIL_LATE);
                    c.bind("", "");
                    c.execute("");
                    c.parse("", INSERT);
                    c.bind("", "");
                    c.execute("");
                    return c.sync();
                }), q("rollback"), q(COUNT)));
    }

    static Stream<Arguments> cases() {
        return SessionBackends.cross(scenarios());
    }

    /** pgjdbc's own transaction API goes through the same statements (SET SESSION CHARACTERISTICS, BEGIN READ ONLY). */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite", "postgresql"})
    void pgjdbcTransactionApi(String kind) throws Exception {
        try (Connection c = BACKENDS.proxy(kind).connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute(INSERT)).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("25006"));
            }
            c.rollback();
            c.setReadOnly(false);
            try (Statement st = c.createStatement()) {
                st.execute(INSERT);
                Savepoint savepoint = c.setSavepoint();
                st.execute(INSERT);
                c.rollback(savepoint);
            }
            c.commit();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*) as n from " + T + " where id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
        }
    }

    /**
     * The isolation level reaches the backend: a repeatable-read transaction keeps its snapshot while another session
     * commits, a read-committed one sees the commit. (SQLite is serializable with database locks, so not here.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void isolationLevelReachesTheBackend(String kind) throws Exception {
        RunningProxy proxy = BACKENDS.proxy(kind);
        try (Connection reader = proxy.connect(); Connection writer = proxy.connect()) {
            try (Statement w = writer.createStatement()) {
                w.execute("delete from " + T);
            }
            assertThat(countsSeenAcrossACommit(reader, writer, "repeatable read")).containsExactly(0L, 0L);
            assertThat(countsSeenAcrossACommit(reader, writer, "read committed")).containsExactly(1L, 2L);
        }
    }

    private static List<Long> countsSeenAcrossACommit(Connection reader, Connection writer, String level)
            throws SQLException {
        try (Statement r = reader.createStatement(); Statement w = writer.createStatement()) {
            r.execute("begin isolation level " + level);
            long before = count(r);
            w.execute(INSERT);
            long after = count(r);
            r.execute("commit");
            return List.of(before, after);
        }
    }

    private static long count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(COUNT)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
