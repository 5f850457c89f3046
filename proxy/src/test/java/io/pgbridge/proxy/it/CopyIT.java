package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * COPY through pgbridge with pgjdbc's CopyManager, compared with the same COPY sent to PostgreSQL directly: the rows
 * loaded, the bytes of every COPY TO variant, and the errors (SQLSTATE, message, CONTEXT) of bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyIT {
    static final String TABLE = "pgb_copyit";
    static final String DDL = "create table " + TABLE + " (id int primary key, name varchar(40), born date, "
            + "score numeric(10,2), big bigint, note text)";
    static final String TEXT_ROWS = "1\talicé\t2000-01-02\t1.50\t9000000000\tplain\n"
            + "2\tbob\\twith tab\t\\N\t-3\t-1\tback\\\\slash\n"
            + "3\t\\N\t1999-12-31\t\\N\t\\N\tline\\nbreak\n"
            + "4\t\\x41\\101\t2024-02-29\t0\t0\t\n";
    static final String CSV_ROWS = "id,name,born,score,big,note\n"
            + "5,\"quoted, comma\",,1.25,5,\"\"\n"
            + "6,,2001-01-01,,,\n"
            + "7,\"multi\nline\",,,,\"say \"\"hi\"\"\"\n";
    static final List<String> EXPORTS = List.of(
            "COPY " + TABLE + " TO STDOUT",
            "COPY " + TABLE + " (note, id) TO STDOUT WITH (DELIMITER '|', NULL 'nil', HEADER)",
            "COPY " + TABLE + " TO STDOUT (FORMAT csv, HEADER true)",
            "COPY " + TABLE + " TO STDOUT WITH CSV HEADER FORCE QUOTE *",
            "COPY " + TABLE + " TO STDOUT (FORMAT csv, FORCE_QUOTE (name, note), DELIMITER ';', NULL 'NULL', "
                    + "QUOTE '''', ESCAPE '\\')",
            "COPY (SELECT id, name FROM " + TABLE + " WHERE id > 2 ORDER BY id) TO STDOUT (FORMAT csv)",
            "COPY " + TABLE + " TO STDOUT (FORMAT binary)",
            "COPY " + TABLE + " (id, name) TO STDOUT (FORMAT csv, ENCODING 'LATIN1')");

    private final Map<String, RunningProxy> proxies = new HashMap<>();

    /** PostgreSQL itself, in a database of its own: the proxied PostgreSQL backend uses {@code test}. */
    private String directUrl;

    @BeforeAll
    void start() throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_database where datname = 'pgb_copyit_ref'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                st.execute("create database pgb_copyit_ref");
            }
        }
        String url = TestDatabases.postgresUrl();
        int path = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', path);
        directUrl = url.substring(0, path) + "/pgb_copyit_ref" + (query < 0 ? "" : url.substring(query));
        for (String kind : List.of("h2", "postgresql", "mariadb")) {
            proxies.put(kind, RunningProxy.forKind(kind));
        }
    }

    @AfterAll
    void stop() {
        proxies.values().forEach(RunningProxy::close);
    }

    /** The table, recreated through pgbridge (kind) or on PostgreSQL directly (null). */
    private Connection fresh(String kind) throws SQLException {
        Connection c = kind == null ? DriverManager.getConnection(directUrl)
                : proxies.get(kind).connect();
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists " + TABLE);
            st.execute(DDL);
        }
        return c;
    }

    private static long copyIn(Connection c, String sql, String data, int frameBytes) throws Exception {
        return c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(sql, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)), frameBytes);
    }

    private static byte[] copyOut(Connection c, String sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        return out.toByteArray();
    }

    private static void load(Connection c, int frameBytes) throws Exception {
        assertThat(copyIn(c, "COPY " + TABLE + " FROM STDIN", TEXT_ROWS, frameBytes)).isEqualTo(4);
        assertThat(copyIn(c, "COPY " + TABLE + " FROM STDIN WITH (FORMAT csv, HEADER)", CSV_ROWS, frameBytes))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void loadsAndExportsByteForByteAsPostgres(String kind) throws Exception {
        try (Connection proxied = fresh(kind); Connection direct = fresh(null)) {
            // 5-byte CopyData frames: rows, escapes and quoted line ends are split between frames
            load(proxied, 5);
            load(direct, 65536);
            for (String export : EXPORTS) {
                assertThat(new String(copyOut(proxied, export), StandardCharsets.ISO_8859_1)).as(export)
                        .isEqualTo(new String(copyOut(direct, export), StandardCharsets.ISO_8859_1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void latin1InputIsConverted(String kind) throws Exception {
        byte[] latin1 = "1\tcafé\t\\N\t\\N\t\\N\tÿ\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Connection proxied = fresh(kind)) {
            proxied.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " FROM STDIN (ENCODING 'latin1')",
                    new ByteArrayInputStream(latin1), 3);
            try (Statement st = proxied.createStatement(); ResultSet rs = st.executeQuery("select name, note from " + TABLE)) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2))).containsExactly("café", "ÿ");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void binaryCopyInLoadsWhatBinaryCopyOutWrote(String kind) throws Exception {
        byte[] binary;
        byte[] text;
        try (Connection direct = fresh(null)) {
            load(direct, 65536);
            binary = copyOut(direct, "COPY " + TABLE + " TO STDOUT (FORMAT binary)");
            text = copyOut(direct, "COPY " + TABLE + " TO STDOUT");
        }
        try (Connection proxied = fresh(kind)) {
            CopyManager copy = proxied.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copy.copyIn("COPY " + TABLE + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(binary), 7))
                    .isEqualTo(7);
            assertThat(copyOut(proxied, "COPY " + TABLE + " TO STDOUT")).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void badRowsFailTheWholeCopyAsPostgresDoes(String kind) throws Exception {
        List<String> bad = List.of(
                "10\tx\t2000-01-01\t1\t1\tok\n11\tbad\tnot a date\t1\t1\tok\n",
                "10\tx\t2000-01-01\t1\t1\tok\n11\ttoo few\n",
                "10\tx\t2000-01-01\t1\t1\tok\textra\n",
                "10\tx\t2000-01-01\t1\t1\tok\n10\tduplicate\t2000-01-01\t1\t1\tok\n",
                "10\tx\t2000-01-01\t1\t1\tok\r\n11\tnewline style changes\t\\N\t1\t1\tok\n",
                "10\tx\t2000-01-01\t1\t99999999999999999999\tok\n",
                "10\tx\t2000-01-01\t1\t1\tok\n11\t" + "é".repeat(41) + "\t\\N\t1\t1\tok\n",
                "10\tx\t2000-01-01\t123456789012.5\t1\tok\n");
        try (Connection proxied = fresh(kind); Connection direct = fresh(null)) {
            load(proxied, 65536);
            load(direct, 65536);
            for (String data : bad) {
                PSQLException expected = copyError(direct, data);
                PSQLException actual = copyError(proxied, data);
                assertThat(actual.getSQLState()).as(data).isEqualTo(expected.getSQLState());
                boolean constraint = expected.getSQLState().equals("23505");
                if (!constraint || !kind.equals("mariadb")) {
                    // MariaDB's driver marks every row of a failed batch as failed: the line is not known there
                    assertThat(actual.getServerErrorMessage().getWhere()).as(data)
                            .isEqualTo(expected.getServerErrorMessage().getWhere());
                }
                if (!constraint) {   // backends word constraint violations their own way
                    assertThat(actual.getServerErrorMessage().getMessage()).as(data)
                            .isEqualTo(expected.getServerErrorMessage().getMessage());
                    assertThat(actual.getServerErrorMessage().getDetail()).as(data)
                            .isEqualTo(expected.getServerErrorMessage().getDetail());
                }
                assertThat(count(proxied)).as("nothing of the failed COPY is left").isEqualTo(7);
            }
        }
    }

    /** As in PostgreSQL, spaces beyond a varchar(n)'s length are cut off; other characters fail (above). */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void spacesBeyondTheLengthAreCutOff(String kind) throws Exception {
        String data = "20\t" + "é".repeat(40) + "   \t\\N\t\\N\t\\N\tz\n";
        try (Connection proxied = fresh(kind); Connection direct = fresh(null)) {
            assertThat(copyIn(proxied, "COPY " + TABLE + " FROM STDIN", data, 65536)).isEqualTo(1);
            assertThat(copyIn(direct, "COPY " + TABLE + " FROM STDIN", data, 65536)).isEqualTo(1);
            String export = "COPY " + TABLE + " TO STDOUT";
            assertThat(copyOut(proxied, export)).isEqualTo(copyOut(direct, export));
        }
    }

    private static PSQLException copyError(Connection c, String data) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> copyIn(c, "COPY " + TABLE + " FROM STDIN", data, 65536));
        assertThat(thrown).isInstanceOf(PSQLException.class);
        return (PSQLException) thrown;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void copyFailAbortsAndTheSessionGoesOn(String kind) throws Exception {
        try (Connection proxied = fresh(kind)) {
            load(proxied, 65536);
            CopyIn in = proxied.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " FROM STDIN");
            byte[] rows = "20\tx\t\\N\t\\N\t\\N\t\\N\n21\ty\t\\N\t\\N\t\\N\t\\N\n".getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(rows, 0, rows.length);
            in.flushCopy();
            in.cancelCopy();
            assertThat(count(proxied)).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void insideATransactionAFailedCopyFailsTheTransaction(String kind) throws Exception {
        try (Connection proxied = fresh(kind)) {
            proxied.setAutoCommit(false);
            assertThat(copyIn(proxied, "COPY " + TABLE + " FROM STDIN", "1\ta\t\\N\t\\N\t\\N\t\\N\n", 100)).isEqualTo(1);
            assertThatThrownBy(() -> copyIn(proxied, "COPY " + TABLE + " FROM STDIN", "2\tb\tnope\t\\N\t\\N\t\\N\n", 100))
                    .isInstanceOf(PSQLException.class).hasMessageContaining("invalid input syntax for type date");
            assertThatThrownBy(() -> count(proxied)).isInstanceOf(PSQLException.class)
                    .hasMessageContaining("current transaction is aborted");
            proxied.rollback();
            assertThat(count(proxied)).isZero();
            assertThat(copyIn(proxied, "COPY " + TABLE + " FROM STDIN", "3\tc\t\\N\t\\N\t\\N\t\\N\n", 100)).isEqualTo(1);
            proxied.commit();
            assertThat(count(proxied)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void manyRowsGoInBatches(String kind) throws Exception {
        int rows = 25_000;
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            data.append(i).append("\tname ").append(i).append("\t\\N\t").append(i % 100).append(".5\t").append(i)
                    .append("\t\\N\n");
        }
        try (Connection proxied = fresh(kind)) {
            assertThat(copyIn(proxied, "COPY " + TABLE + " FROM STDIN", data.toString(), 8192)).isEqualTo(rows);
            try (Statement st = proxied.createStatement();
                 ResultSet rs = st.executeQuery("select count(*), sum(big) from " + TABLE)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rows);
                assertThat(rs.getLong(2)).isEqualTo((long) rows * (rows + 1) / 2);
            }
            assertThat(copyOut(proxied, "COPY " + TABLE + " (id) TO STDOUT").length)
                    .isEqualTo(data.toString().lines().mapToInt(l -> l.indexOf('\t') + 1).sum());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void psqlCopiesBothWaysAsWithPostgres(String kind) throws Exception {
        Path dir = Files.createTempDirectory("pgb-copyit");
        Files.writeString(dir.resolve("rows.txt"), TEXT_ROWS);
        Files.writeString(dir.resolve("rows.csv"), CSV_ROWS);
        Path viaProxy = Files.createDirectories(dir.resolve("proxy"));
        Path direct = Files.createDirectories(dir.resolve("direct"));
        String proxied = psql(dir, viaProxy, "127.0.0.1", proxies.get(kind).port(), "tester", "test");
        String reference = psql(dir, direct, TestDatabases.postgresHost(), TestDatabases.postgresPort(), "postgres",
                "pgb_copyit_ref");
        assertThat(proxied).isEqualTo(reference).contains("COPY 4", "COPY 3", "COPY 7");
        for (String file : List.of("out.txt", "out.csv", "query.csv")) {
            assertThat(Files.readString(viaProxy.resolve(file))).as(file).isEqualTo(Files.readString(direct.resolve(file)))
                    .isNotEmpty();
        }
    }

    /** Loads both files with psql's \\copy and exports the table three ways into {@code out}; returns psql's output. */
    private static String psql(Path in, Path out, String host, int port, String user, String database)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-q", "-h", host, "-p",
                String.valueOf(port), "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1",
                "-c", "drop table if exists " + TABLE, "-c", DDL));
        for (String c : List.of("\\copy " + TABLE + " from '" + in.resolve("rows.txt") + "'",
                "\\copy " + TABLE + " from '" + in.resolve("rows.csv") + "' with (format csv, header)",
                "\\copy " + TABLE + " to '" + out.resolve("out.txt") + "'",
                "\\copy " + TABLE + " to '" + out.resolve("out.csv") + "' csv header force quote name",
                "\\copy (select note, id from " + TABLE + " order by id desc) to '" + out.resolve("query.csv")
                        + "' with (format csv, null 'NULL')")) {
            command.addAll(List.of("-c", c));
        }
        command.removeIf("-q"::equals);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("COPY")).reduce("", (a, b) -> a + b + "\n");
    }

    /**
     * What H2's direct row path must keep (H2TableRows): defaults for unlisted columns, NOT NULL, CHECK and foreign
     * keys, the failing row's line, and a failed COPY of several chunks undone by ROLLBACK TO SAVEPOINT; the
     * transcript of the same steps must be PostgreSQL's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void columnDefaultsConstraintsAndSavepointsAsPostgres(String kind) throws Exception {
        try (Connection proxied = proxies.get(kind).connect(); Connection direct = DriverManager.getConnection(directUrl)) {
            assertThat(rulesTranscript(proxied, kind)).isEqualTo(rulesTranscript(direct, kind));
        }
    }

    private static List<String> rulesTranscript(Connection c, String kind) throws Exception {
        String table = "pgb_copyit_rules";
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("drop table if exists pgb_copyit_parent");
            st.execute("create table pgb_copyit_parent (id int primary key)");
            st.execute("insert into pgb_copyit_parent values (1), (2)");
            st.execute("create table " + table + " (id int primary key, qty int not null default 7 check (qty > 0), "
                    + "parent int references pgb_copyit_parent (id), note varchar(10) default 'none')");
        }
        List<String> transcript = new java.util.ArrayList<>();
        String copy = "COPY " + table + " (id, qty, parent) FROM STDIN";
        transcript.add("defaults " + copyIn(c, "COPY " + table + " (id) FROM STDIN", "1\n2\n", 100));
        for (String bad : List.of("3\t0\t1\n", "3\t\\N\t1\n", "3\t5\t1\n4\t5\t9\n", "5\t5\t1\n1\t5\t1\n")) {
            PSQLException e = (PSQLException) org.assertj.core.api.Assertions.catchThrowable(() -> copyIn(c, copy, bad, 100));
            transcript.add(failure(e, kind));
        }
        c.setAutoCommit(false);
        transcript.add("in block " + copyIn(c, copy, "10\t1\t2\n", 100));
        try (Statement st = c.createStatement()) {
            st.execute("savepoint s");
            StringBuilder rows = new StringBuilder();
            for (int i = 11; i <= 2600; i++) {
                rows.append(i == 2400 ? 10 : i).append("\t3\t1\n");
            }
            PSQLException e = (PSQLException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> copyIn(c, copy, rows.toString(), 8192));
            transcript.add(failure(e, kind));
            st.execute("rollback to savepoint s");
            transcript.add("after savepoint " + copyIn(c, copy, "12\t4\t\\N\n", 100));
        }
        c.commit();
        c.setAutoCommit(true);
        transcript.add(new String(copyOut(c, "COPY (SELECT * FROM " + table + " ORDER BY id) TO STDOUT"),
                StandardCharsets.UTF_8));
        return transcript;
    }

    /**
     * SQLSTATE, and the CONTEXT where pgbridge gives PostgreSQL's: not for MariaDB (its driver marks every row of a
     * failed batch as failed), nor for CHECK and NOT NULL (PostgreSQL quotes the line, pgbridge gives its number) or
     * foreign keys (PostgreSQL checks them after the COPY and gives none): docs/compatibility.md.
     */
    private static String failure(PSQLException e, String kind) {
        boolean sameContext = !kind.equals("mariadb") && !List.of("23514", "23502", "23503").contains(e.getSQLState());
        return e.getSQLState() + (sameContext ? " " + e.getServerErrorMessage().getWhere() : "");
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
