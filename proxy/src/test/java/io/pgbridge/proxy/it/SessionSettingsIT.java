package io.pgbridge.proxy.it;

import io.pgbridge.proxy.it.SessionDifferential.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

import static io.pgbridge.proxy.it.SessionDifferential.ext;
import static io.pgbridge.proxy.it.SessionDifferential.q;
import static io.pgbridge.proxy.it.SessionDifferential.raw;
import static io.pgbridge.proxy.it.SessionDifferential.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session state through pgbridge on every backend, compared message by message with PostgreSQL 15: SET, SET LOCAL,
 * RESET, SHOW with transaction semantics and ParameterStatus; set_config() and current_setting(); the session
 * functions; PREPARE/EXECUTE/DEALLOCATE sharing the protocol's namespace; DISCARD.
 */
class SessionSettingsIT extends AbstractSessionDifferential {
    private static final String T = SessionDifferential.TABLE;

    static List<Scenario> scenarios() {
        return List.of(
                scenario("reported only when changed", q("set application_name = 'a'"), q("set application_name = 'a'"),
                        q("show application_name"), q("set application_name to default"), q("show application_name")),
                scenario("set undone by rollback", q("begin"), q("set application_name = 'b'"), q("rollback"),
                        q("show application_name")),
                scenario("set kept by commit", q("begin"), q("set application_name = 'b'"), q("commit"),
                        q("show application_name")),
                scenario("set local ends with the transaction", q("begin"), q("set local application_name = 'c'"),
                        q("show application_name"), q("commit"), q("show application_name")),
                scenario("set local outside a block warns", q("set local application_name = 'x'"),
                        q("show application_name"), q("set local time zone 'Europe/Paris'")),
                scenario("set then set local", q("begin"), q("set application_name = 's'"),
                        q("set local application_name = 'l'"), q("commit"), q("show application_name")),
                scenario("several sets in one query report once",
                        q("set application_name = 'a'; set application_name = 'b'"),
                        q("set application_name = 'c'; set application_name = 'b'")),
                scenario("error in a query undoes its sets", q("set application_name = 'z'; select * from pgb_no_such"),
                        q("show application_name")),
                scenario("error in a transaction undoes its sets at once", q("begin"), q("set application_name = 'e'"),
                        q("select * from pgb_no_such"), q("rollback"), q("show application_name")),
                scenario("savepoints restore settings", q("set x.y = 'a'"), q("begin"), q("set x.y = 'b'"),
                        q("savepoint s"), q("set x.y = 'c'"), q("show x.y"), q("rollback to s"), q("show x.y"),
                        q("release s"), q("rollback"), q("show x.y"), q("reset x.y"), q("show x.y")),
                scenario("error in a savepoint undoes only its sets", q("begin"), q("set application_name = 'o'"),
                        q("savepoint s"), q("set application_name = 'i'"), q("select * from pgb_no_such"),
                        q("rollback to s"), q("show application_name"), q("commit")),
                scenario("unknown settings", q("show pgb.nosuch"), q("set nosuch = 1"), q("show nosuch"),
                        q("reset nosuch"), q("set pgb.custom = 'v'"), q("show pgb.custom"), q("show Pgb.Custom")),
                scenario("time zone", q("set time zone 'europe/paris'"), q("show timezone"), q("set timezone = 'utc'"),
                        q("show time zone"), q("set time zone local"), q("show timezone")),
                scenario("reset all", q("set application_name = 'q'; set timezone = 'Asia/Tokyo'"), q("reset all"),
                        q("show timezone")),
                scenario("reset all in a rolled back transaction", q("set application_name = 'q'"), q("begin"),
                        q("reset all"), q("rollback"), q("show application_name")),
                scenario("set_config and current_setting",
                        q("select set_config('application_name', 'f', false)"),
                        q("select current_setting('application_name')"),
                        q("select current_setting('pgb.nosuch', true) as missing"),
                        q("select current_setting('work_mem'), set_config('work_mem', '16MB', false),"
                                + " current_setting('work_mem')")),
                scenario("set_config local", q("begin"), q("select set_config('application_name', 'loc', true)"),
                        q("show application_name"), q("commit"), q("show application_name"),
                        q("select set_config('application_name', 'ignored', true)"), q("show application_name")),
                scenario("session functions", q("select current_database(), current_user, session_user,"
                        + " current_catalog, user"), q("select upper(current_user) as u, current_user as me")),
                scenario("show in extended protocol", ext("set application_name = 'ext'", "show application_name")),
                scenario("prepare and execute", q("prepare p1 (int) as select $1 as v"), q("execute p1(41)"),
                        q("execute p1"), q("execute p1 (1, 2)"), q("prepare p1 as select 1 as one"),
                        q("execute nosuch"), q("deallocate nosuch"), q("deallocate prepare p1"), q("execute p1(1)")),
                scenario("prepared insert", q("prepare ins (int) as insert into " + T + " values ($1)"),
                        q("execute ins(7)"), q("execute ins(8)"), q("select id from " + T + " order by id"),
                        q("deallocate all"), q("execute ins(9)")),
                scenario("prepared statements share the protocol's namespace", raw("Parse s1, Sync", c -> {
                    c.parse("s1", "select 2 as two");
                    return c.sync();
                }), q("prepare s1 as select 1 as one"), q("execute s1"), q("prepare s2 as select 3 as three"),
                        raw("Bind s2, Execute, Sync", c -> {
                            c.bind("", "s2");
                            c.execute("");
                            return c.sync();
                        }), q("deallocate s1"), raw("Bind s1, Sync", c -> {
                            c.bind("", "s1");
                            return c.sync();
                        })),
                scenario("discard", q("discard plans"), q("discard sequences"), q("discard temp"),
                        q("prepare p as select 1 as one"), q("set application_name = 'd'"), q("discard all"),
                        q("execute p"), q("show application_name"), q("begin"), q("discard all"), q("rollback"),
                        q("select 1 as one; discard all")));
    }

    static Stream<Arguments> cases() {
        return SessionBackends.cross(scenarios());
    }

    /** pg_backend_pid() is the process id the client got in BackendKeyData, so it can cancel its own queries. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite", "postgresql"})
    void backendPidAndVersionAreThisSessions(String kind) throws Exception {
        RunningProxy proxy = BACKENDS.proxy(kind);
        try (RawPgClient client = new RawPgClient("127.0.0.1", proxy.port())) {
            List<RawPgClient.Message> startup = client.startup(3, 0, SessionDifferential.startupParameters());
            RawPgClient.Message keyData = startup.stream().filter(m -> m.type() == 'K').findFirst().orElseThrow();
            int pid = ByteBuffer.wrap(keyData.body()).getInt();
            List<String> answer = client.query("select pg_backend_pid(), version()").stream()
                    .map(SessionDifferential::normalise).toList();
            assertThat(answer).hasSize(4);
            assertThat(answer.get(0)).isEqualTo("T pg_backend_pid,version");
            assertThat(answer.get(1)).startsWith("D '" + pid + "','PostgreSQL ").contains("pgbridge");
            assertThat(answer.get(2)).isEqualTo("C SELECT 1");
        }
    }

    /**
     * current_setting() of an unknown setting fails with PostgreSQL's SQLSTATE and text. (PostgreSQL sends the
     * RowDescription first, since it fails while executing; pgbridge fails before, so this is not differential.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite", "postgresql"})
    void unknownCurrentSettingFails(String kind) throws Exception {
        try (RawPgClient client = new RawPgClient("127.0.0.1", BACKENDS.proxy(kind).port())) {
            client.startup(3, 0, SessionDifferential.startupParameters());
            List<String> answer = client.query("select current_setting('pgb.nosuch')").stream()
                    .map(SessionDifferential::normalise).toList();
            assertThat(answer).contains("E ERROR 42704 unrecognized configuration parameter \"pgb.nosuch\"", "Z I");
        }
    }

    /** On PostgreSQL backends a time zone set with set_config() reaches PostgreSQL too, whose functions use it. */
    @org.junit.jupiter.api.Test
    void setConfigReachesPostgres() throws Exception {
        try (RawPgClient client = new RawPgClient("127.0.0.1", BACKENDS.proxy("postgresql").port())) {
            client.startup(3, 0, SessionDifferential.startupParameters());
            client.query("select set_config('TimeZone', 'Asia/Tokyo', false)");
            List<String> answer = client.query("select extract(timezone_hour from now())::int as h").stream()
                    .map(SessionDifferential::normalise).toList();
            assertThat(answer).contains("D '9'");
        }
    }

    /** SHOW ALL lists every setting with PostgreSQL's three columns, sorted by name ignoring case. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void showAllListsSettings(String kind) throws Exception {
        try (RawPgClient client = new RawPgClient("127.0.0.1", BACKENDS.proxy(kind).port())) {
            client.startup(3, 0, SessionDifferential.startupParameters());
            List<String> answer = client.query("show all").stream().map(SessionDifferential::normalise).toList();
            assertThat(answer.get(0)).isEqualTo("T name,setting,description");
            List<String> names = answer.stream().filter(l -> l.startsWith("D ")).map(l -> l.split("'")[1]).toList();
            assertThat(names).contains("application_name", "DateStyle", "TimeZone", "transaction_isolation")
                    .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        }
    }
}
