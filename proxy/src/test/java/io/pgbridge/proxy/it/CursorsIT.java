package io.pgbridge.proxy.it;

import io.pgbridge.proxy.it.SessionDifferential.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.pgbridge.proxy.it.SessionDifferential.ext;
import static io.pgbridge.proxy.it.SessionDifferential.q;
import static io.pgbridge.proxy.it.SessionDifferential.raw;
import static io.pgbridge.proxy.it.SessionDifferential.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL cursors through pgbridge on every backend, compared message by message with PostgreSQL 15: DECLARE's options
 * and where it may run, every FETCH and MOVE direction with the positions before the first and after the last row,
 * the tags and their counts, NO SCROLL refusing to go back, WITH HOLD across COMMIT and ROLLBACK, savepoints, CLOSE
 * (ALL), DISCARD ALL, BINARY rows, and errors (34000, 42P03, 55000, 25P01, 25P02, 42601) in both protocols.
 */
class CursorsIT extends AbstractSessionDifferential {
    /** Five rows, the same on PostgreSQL and on each backend, which no scenario changes. */
    private static final String ROWS = "pgb_cursor_rows";
    private static final String QUERY = "select id, t from " + ROWS + " order by id";

    @BeforeAll
    static void createRows() throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            fill(c);
        }
        for (String kind : SessionBackends.KINDS) {
            try (Connection c = BACKENDS.proxy(kind).connect()) {
                fill(c);
            }
        }
    }

    private static void fill(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists " + ROWS);
            st.execute("create table " + ROWS + " (id int, t varchar(10))");
            st.execute("insert into " + ROWS + " values (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'),"
                    + " (5, 'five')");
        }
    }



    static List<Scenario> scenarios() {
        return List.of(
                scenario("declare needs a transaction block", q("declare c cursor for " + QUERY),
                        ext("declare c cursor for " + QUERY), q("fetch c"),
                        ext("declare c cursor for " + QUERY, "fetch c"), ext("fetch c")),
                scenario("scroll cursor: every direction", q("begin"),
                        q("declare c scroll cursor for " + QUERY), q("fetch c"), q("fetch all from c"), q("fetch c"),
                        q("fetch prior c"), q("fetch backward 2 c"), q("move first in c"), q("move absolute 3 c"),
                        q("fetch relative 0 c"), q("fetch absolute -1 c"), q("fetch absolute 0 c"),
                        q("fetch absolute 10 c"), q("fetch prior c"), q("move all c"), q("move backward all c"),
                        q("fetch last c"), q("fetch forward 0 c"), q("fetch backward 0 c"), q("fetch -2 c"),
                        q("fetch c"), q("fetch next from c"), q("fetch forward c"), q("fetch backward c"),
                        q("fetch forward 2 in c"), q("fetch backward all c"), q("fetch 3 c"), q("fetch first c"),
                        q("fetch relative 3 c"), q("fetch relative -2 c"), q("fetch absolute -2 c"),
                        q("fetch absolute -7 c"), q("commit")),
                scenario("scroll cursor: moves and their counts", q("begin"),
                        q("declare c scroll cursor for " + QUERY), q("fetch 2 c"), q("move 0 c"),
                        q("move relative 0 c"), q("fetch forward 3 c"), q("fetch prior c"), q("fetch backward 4 c"),
                        q("fetch next c"), q("move forward all c"), q("move backward 2 c"), q("move absolute 0 c"),
                        q("move absolute 7 c"), q("move absolute -7 c"), q("move relative 9 c"),
                        q("move relative -2 c"), q("move last c"), q("move relative -9 c"), q("move relative 1 c"),
                        q("move prior c"), q("move next c"), q("move next c"), q("move backward all c"),
                        q("fetch backward all c"), q("move forward 3 c"), q("fetch backward all c"), q("commit")),
                scenario("fetch ends exactly at the last row", q("begin"),
                        q("declare c scroll cursor for " + QUERY), q("fetch 5 c"), q("fetch prior c"),
                        q("fetch 3 c"), q("fetch 2 c"), q("fetch backward 4 c"), q("fetch backward 1 c"),
                        q("fetch next c"), q("rollback")),
                scenario("no scroll cursor goes forward only", q("begin"),
                        q("declare n no scroll cursor for " + QUERY), q("fetch 2 n"), q("fetch absolute 3 n"),
                        q("fetch absolute 3 n"), q("fetch n"), q("rollback"), q("begin"),
                        q("declare n no scroll cursor for " + QUERY), q("fetch relative 0 n"), q("fetch 2 n"),
                        q("move backward 0 n"), q("fetch relative 0 n"), q("rollback"), q("begin"),
                        q("declare n no scroll cursor for " + QUERY), q("fetch absolute 2 n"), q("fetch first n"),
                        q("rollback"), q("begin"), q("declare n no scroll cursor for " + QUERY), q("fetch all n"),
                        q("fetch relative 0 n"), q("fetch forward 0 n"), q("move last n"), q("rollback"),
                        q("begin"), q("declare n no scroll cursor for " + QUERY), q("move last n"), q("rollback")),
                scenario("unknown and duplicate cursors", q("fetch nope"), q("move nope"), q("close nope"),
                        q("begin"), q("declare d cursor for " + QUERY), q("declare d cursor for select 1 as a"),
                        q("fetch d"), q("commit"), q("begin"), q("declare \"Mixed\" cursor for " + QUERY),
                        q("fetch next from \"Mixed\""), q("fetch in mixed"), q("rollback")),
                scenario("options", q("begin"),
                        q("declare z insensitive scroll cursor without hold for " + QUERY),
                        q("declare z2 asensitive no scroll cursor for " + QUERY), q("fetch z2"),
                        q("declare z3 scroll no scroll cursor for select 1 as a"), q("rollback"), q("begin"),
                        q("declare z4 cursor for insert into " + ROWS + " values (9, 'x')"), q("rollback"),
                        q("fetch"), q("fetch 1"), q("close"), q("fetch forward forward c")),
                scenario("row locks make a cursor forward-only", q("begin"),
                        q("declare l cursor for " + QUERY + " for update"), q("fetch 2 l"), q("fetch prior l"),
                        q("rollback"), q("begin"), q("declare l scroll cursor for " + QUERY + " for share"),
                        q("rollback"), q("begin"), q("declare l cursor with hold for " + QUERY + " for update"),
                        q("rollback"), q("begin"), q("declare l insensitive cursor for " + QUERY + " for update"),
                        q("rollback")),
                scenario("a cursor does not see later changes", q("begin"),
                        q("declare n no scroll cursor for " + QUERY), q("declare s scroll cursor for " + QUERY),
                        q("declare u no scroll cursor for select id, t from " + ROWS + " where id > 1"),
                        q("fetch n"), q("fetch 2 s"), q("fetch u"), q("insert into " + ROWS + " values (6, 'six')"),
                        q("update " + ROWS + " set t = 'changed'"), q("delete from " + ROWS + " where id = 4"),
                        q("fetch all n"), q("fetch all s"), q("fetch first s"), q("fetch all u"), q("rollback"), q("select count(*) as n,"
                                + " min(t) as t from " + ROWS)),
                scenario("close and close all", q("begin"), q("declare a cursor for " + QUERY),
                        q("declare b cursor for " + QUERY), q("close a"), q("fetch b"), q("fetch a"), q("rollback"),
                        q("begin"), q("declare a cursor for " + QUERY), q("declare b cursor for " + QUERY),
                        q("close all"), q("close all"), q("fetch b"), q("rollback"), q("close all")),
                scenario("commit closes cursors but those with hold", q("begin"),
                        q("declare c cursor for " + QUERY), q("declare h cursor with hold for " + QUERY),
                        q("fetch c"), q("fetch h"), q("commit"), q("fetch c"), q("fetch h"), q("fetch prior h"),
                        q("fetch all h"), q("close h"), q("fetch h")),
                scenario("held no scroll cursor goes on from its position", q("begin"),
                        q("declare h no scroll cursor with hold for " + QUERY), q("fetch 2 h"), q("commit"),
                        q("fetch h"), q("fetch prior h"), q("fetch h"), q("close h")),
                scenario("rollback drops the held cursor it declared", q("begin"),
                        q("declare h cursor with hold for " + QUERY), q("fetch h"), q("rollback"), q("fetch h")),
                scenario("a held cursor survives later rollbacks", q("begin"),
                        q("declare h cursor with hold for " + QUERY), q("commit"), q("begin"), q("fetch h"),
                        q("rollback"), q("fetch h"), q("begin"), q("select * from pgb_no_such_table"),
                        q("fetch h"), q("rollback"), q("fetch h"), q("close h")),
                scenario("with hold outside a block", q("declare h cursor with hold for " + QUERY),
                        q("fetch 2 h"), q("fetch backward 1 h"), q("move last h"), q("fetch prior h"),
                        q("discard all"), q("fetch h")),
                scenario("savepoints", q("begin"), q("savepoint s"), q("declare y cursor for " + QUERY),
                        q("rollback to s"), q("fetch y"), q("rollback"), q("begin"),
                        q("declare y cursor for " + QUERY), q("savepoint s"), q("fetch y"), q("rollback to s"),
                        q("fetch y"), q("savepoint t"), q("declare z cursor for " + QUERY), q("release t"),
                        q("savepoint u"), q("fetch z"), q("rollback to u"), q("fetch z"), q("rollback")),
                scenario("a multi-statement query is a block", q("declare m cursor for " + QUERY
                        + "; fetch m; fetch 2 m"), q("fetch m")),
                scenario("errors abort the block", q("begin"), q("declare c cursor for " + QUERY),
                        q("fetch x"), q("fetch c"), q("close c"), q("commit"), q("begin"),
                        q("declare c no scroll cursor for " + QUERY), q("fetch c"), q("fetch prior c"),
                        q("rollback"), q("fetch c")),
                scenario("binary cursor", q("begin"),
                        q("declare b binary cursor for select id, t from " + ROWS + " order by id"),
                        q("fetch 2 b"), q("close b"), q("rollback")),
                scenario("extended protocol", ext("begin"), ext("declare c scroll cursor for " + QUERY),
                        ext("fetch 2 c", "fetch prior c", "move last c", "fetch backward 2 c"),
                        ext("fetch nope"), ext("fetch c"), ext("rollback"),
                        ext("begin", "declare c scroll cursor for " + QUERY, "fetch c", "close c", "commit"),
                        ext("begin", "declare c cursor with hold for " + QUERY, "fetch c", "commit"),
                        ext("fetch all c"), ext("close all")),
                scenario("extended protocol with Describe", ext("begin"),
                        ext("declare c scroll cursor for " + QUERY),
                        raw("P/B/D/E fetch 2 c, P/B/D/E move 1 c, Sync", client -> {
                            client.parse("", "fetch 2 c");
                            client.bind("", "");
                            client.describe('P', "");
                            client.execute("");
                            client.parse("", "move 1 c");
                            client.bind("", "");
                            client.describe('P', "");
                            client.execute("");
                            return client.sync();
                        }), raw("P/D fetch nope, Sync", client -> {
                            client.parse("", "fetch nope");
                            client.describe('S', "");
                            return client.sync();
                        }), raw("P/D fetch c, Sync", client -> {
                            client.parse("", "fetch c");
                            client.describe('S', "");
                            return client.sync();
                        }), ext("commit")),
                scenario("extended protocol with row limits", ext("begin"),
                        ext("declare c scroll cursor for " + QUERY),
                        raw("P/B/E(2)/E(2)/E(2)/E(2) fetch 4 c, Sync", client -> {
                            client.parse("", "fetch 4 c");
                            client.bind("", "");
                            for (int i = 0; i < 4; i++) {
                                client.execute("", 2);
                            }
                            return client.sync();
                        }),
                        raw("P/B/E(1)/Close portal fetch all c, P/B/E fetch prior c, Sync", client -> {
                            client.parse("", "fetch all c");
                            client.bind("p1", "");
                            client.execute("p1", 1);
                            client.close('P', "p1");
                            client.parse("", "fetch prior c");
                            client.bind("", "");
                            client.execute("");
                            return client.sync();
                        }), ext("commit")));
    }

    static Stream<Arguments> cases() {
        return SessionBackends.cross(scenarios());
    }

    /**
     * pgjdbc's extended protocol: a DECLARE with a parameter, a FETCH prepared once and run more often than
     * prepareThreshold (a named server statement, Describe of the statement), MOVE's count as an update count, and
     * with prepareThreshold=-1 results in binary. The same calls to PostgreSQL give the same answers.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pgjdbcCases")
    void pgjdbcAsPostgres(String kind, String urlProperties) throws Exception {
        List<String> expected;
        String pgUrl = TestDatabases.postgresUrl();
        try (Connection c = DriverManager.getConnection(urlProperties.isEmpty() ? pgUrl
                : pgUrl + (pgUrl.contains("?") ? "&" : "?") + urlProperties)) {
            expected = pgjdbcSteps(c);
        }
        try (Connection c = BACKENDS.proxy(kind).connect(urlProperties)) {
            assertThat(pgjdbcSteps(c)).isEqualTo(expected);
        }
    }

    static Stream<Arguments> pgjdbcCases() {
        return SessionBackends.KINDS.stream().flatMap(kind -> Stream.of(Arguments.of(kind, ""),
                Arguments.of(kind, "prepareThreshold=-1")));
    }

    private static List<String> pgjdbcSteps(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        c.setAutoCommit(false);
        try (PreparedStatement declare = c.prepareStatement("declare p scroll cursor for select id, t from " + ROWS
                + " where id > ? order by id")) {
            declare.setInt(1, 1);
            declare.execute();
        }
        try (PreparedStatement fetch = c.prepareStatement("fetch next from p")) {
            ResultSetMetaData md = fetch.getMetaData();
            out.add("columns " + md.getColumnCount() + " " + md.getColumnName(1) + " " + md.getColumnName(2));
            for (int i = 0; i < 6; i++) {
                out.add("next " + rows(fetch.executeQuery()));
            }
        }
        try (Statement st = c.createStatement()) {
            out.add("backward " + rows(st.executeQuery("fetch backward 2 from p")));
            out.add("move " + st.executeUpdate("move absolute 1 in p"));
            out.add("all " + rows(st.executeQuery("fetch all in p")));
            try {
                st.executeQuery("fetch next from nope");
            } catch (SQLException e) {
                out.add("error " + e.getSQLState() + " " + e.getMessage());
            }
        }
        c.rollback();
        return out;
    }

    private static String rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
        }
        return rows.toString();
    }
}
