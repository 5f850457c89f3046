package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real psql binary against pgbridge in front of each backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsqlIT {
    private final Map<String, RunningProxy> proxies = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        for (String kind : List.of("h2", "postgresql", "mariadb", "postgresql-passthrough", "sqlite")) {
            proxies.put(kind, RunningProxy.forKind(kind));
        }
    }

    @AfterAll
    void stop() {
        proxies.values().forEach(RunningProxy::close);
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result psql(int port, String... args) throws IOException, InterruptedException {
        return psql("127.0.0.1", port, "tester", args);
    }

    static Result psql(String host, int port, String user, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", host, "-p", String.valueOf(port),
                "-U", user, "-d", "test", "-v", "ON_ERROR_STOP=1"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        pb.environment().put("PGSSLMODE", "prefer");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "postgresql-passthrough"})
    void psqlRunsAScriptAndPrintsResults(String kind) throws Exception {
        int port = proxies.get(kind).port();
        String table = "pgb_psql_" + kind.replace('-', '_');
        Result r = psql(port, "-q", "-A", "-t", "-c", "drop table if exists " + table,
                "-c", "create table " + table + " (id int primary key, name varchar(20))",
                "-c", "insert into " + table + " values (1, 'one'), (2, 'two'), (3, NULL)",
                "-c", "update " + table + " set name = 'deux' where id = 2",
                "-c", "select id, coalesce(name, '<null>') from " + table + " order by id",
                "-c", "delete from " + table + " where id > 1",
                "-c", "drop table " + table);
        assertThat(r.err()).doesNotContain("ERROR");
        if (!kind.equals("h2")) {
            // DROP TABLE IF EXISTS of a missing table: PostgreSQL's NOTICE (MariaDB's note) reaches psql
            assertThat(r.err()).containsIgnoringCase("pgb_psql_").contains("NOTICE:");
        }
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("1|one", "2|deux", "3|<null>");
    }

    /**
     * A migration script's {@code IF EXISTS}/{@code IF NOT EXISTS} statements that skip print PostgreSQL's NOTICEs,
     * one per object, whatever the backend: compared line by line with psql against PostgreSQL itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void skippedIfExistsStatementsNoticeAsPostgresDoes(String kind) throws Exception {
        String suffix = kind.replace('-', '_');
        List<String> script = new ArrayList<>();
        for (String sql : List.of(
                "drop table if exists pgb_ifx_a_S, pgb_ifx_b_S",
                "create table if not exists pgb_ifx_t_S (id int)",
                "create table if not exists pgb_ifx_t_S (id int)",
                "create index if not exists pgb_ifx_i_S on pgb_ifx_t_S (id)",
                "create index if not exists pgb_ifx_i_S on pgb_ifx_t_S (id)",
                "drop view if exists pgb_ifx_v_S",
                "drop sequence if exists pgb_ifx_s_S",
                "drop table pgb_ifx_t_S")) {
            if (kind.equals("sqlite") && sql.contains("sequence")) {
                continue;   // SQLite has no sequences: pgbridge refuses sequence DDL there with 0A000
            }
            script.add("-c");
            script.add(sql.replace("_S", "_" + suffix));
        }
        Result expected = psqlAgainstPostgres(script.stream().map(a -> a.replace("_" + suffix, "_pg")).toList());
        RunningProxy proxy = proxies.computeIfAbsent(kind, k -> {
            try {
                return RunningProxy.forKind(k);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Result actual = psql(proxy.port(), script.toArray(String[]::new));
        assertThat(actual.exitCode()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err().replace("_" + suffix, "_pg")).isEqualTo(expected.err());
    }

    private static Result psqlAgainstPostgres(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", TestDatabases.postgresHost(), "-p",
                String.valueOf(TestDatabases.postgresPort()), "-U", "postgres", "-d", "test", "-v", "ON_ERROR_STOP=1"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Result r = new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "postgresql-passthrough"})
    void psqlShowsCommandTagsAndErrors(String kind) throws Exception {
        int port = proxies.get(kind).port();
        String table = "pgb_psql_tags_" + kind.replace('-', '_');
        Result r = psql(port, "-c", "drop table if exists " + table,
                "-c", "create table " + table + " (id int)",
                "-c", "insert into " + table + " values (1), (2)",
                "-c", "update " + table + " set id = id + 10",
                "-c", "delete from " + table,
                "-c", "drop table " + table);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("DROP TABLE", "CREATE TABLE", "INSERT 0 2", "UPDATE 2",
                "DELETE 2", "DROP TABLE");

        Result bad = psql(port, "-c", "select * from pgb_missing_table");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("ERROR:").containsIgnoringCase("pgb_missing_table");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "postgresql-passthrough"})
    void psqlTransactionsAndVariables(String kind) throws Exception {
        int port = proxies.get(kind).port();
        Result r = psql(port, "-A", "-t", "-c", "begin", "-c", "select 1 + 1", "-c", "commit",
                "-c", "show server_encoding");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("BEGIN", "2", "COMMIT", "UTF8");
    }

    /**
     * psql's FETCH_COUNT (which reads a query through DECLARE … NO SCROLL CURSOR and FETCH FORWARD n) and a script of
     * cursor statements print exactly what they print against PostgreSQL itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void psqlCursorsAsPostgres(String kind) throws Exception {
        String table = "pgb_psql_cursor";
        String[] setup = {"-q", "-c", "drop table if exists " + table, "-c", "create table " + table
                + " (id int, t varchar(10))", "-c", "insert into " + table + " values (1, 'one'), (2, 'two'),"
                + " (3, 'three'), (4, NULL), (5, 'five')"};
        Path script = Files.createTempFile("pgb-cursors", ".sql");
        Files.writeString(script, String.join("\n",
                "\\set FETCH_COUNT 2",
                "select id, t from " + table + " order by id;",
                "\\unset FETCH_COUNT",
                "begin;",
                "declare c scroll cursor for select id, t from " + table + " order by id;",
                "fetch 2 from c;",
                "move last in c;",
                "fetch backward 2 c;",
                "fetch absolute 9 c;",
                "close c;",
                "fetch c;",
                "rollback;",
                "declare h binary cursor with hold for select t from " + table + " order by id;",
                "fetch forward 2 h;",
                "fetch all h;",
                "close all;",
                ""));
        try {
            Result direct = psql(TestDatabases.postgresHost(), TestDatabases.postgresPort(), "postgres", setup);
            assertThat(direct.exitCode()).as(direct.err()).isZero();
            Result viaProxy = psql(proxies.get(kind).port(), setup);
            assertThat(viaProxy.exitCode()).as(viaProxy.err()).isZero();
            String[] run = {"-e", "-v", "ON_ERROR_STOP=0", "-P", "pager=off", "-f", script.toString()};
            Result expected = psql(TestDatabases.postgresHost(), TestDatabases.postgresPort(), "postgres", run);
            Result actual = psql(proxies.get(kind).port(), run);
            assertThat(expected.err()).contains("cursor \"c\" does not exist");
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(actual.err()).isEqualTo(expected.err());
        } finally {
            Files.delete(script);
        }
    }
}
