package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queries GUI tools and psql's tab completion send (DBeaver and pgAdmin 4 when they connect and open their
 * navigators, {@code catalog/gui-tools-connect.sql}; psql 15's completions, {@code catalog/psql15-tab-completion.sql};
 * Npgsql's type loading and regproc queries, {@code catalog/functions-and-regproc.sql};
 * Grafana's PostgreSQL data source and Metabase's PostgreSQL driver, reconstructed from their source,
 * {@code catalog/bi-tools.sql})
 * on {@link CatalogFixture}'s schema, on PostgreSQL 15 and through pgbridge on H2, MariaDB and SQLite: the same rows
 * and result column types. What legitimately differs is made alike, by the type or name PostgreSQL gives the column:
 * oids of user objects (PostgreSQL numbers them from 16384, in creation order), transaction ids, sizes and
 * statistics, the server's version string, and the connecting role's name and oid (postgres there, tester here).
 */
class GuiToolQueriesIT extends AbstractCatalogIT {
    /** PostgreSQL's FirstNormalObjectId: oids below are built-in objects', the same everywhere. */
    private static final long FIRST_USER_OID = 16384;
    private static final Set<String> STATISTICS = Set.of("relpages", "reltuples", "relallvisible", "index_rel_size",
            "index_num_scans", "estimated_row_count");
    /** Result types the engine does not model yet (docs/architecture.md, "Not yet"). */
    private static final Set<String> UNMODELLED = Set.of("anyarray");
    private static final Pattern UNORDERED = Pattern.compile("(?i)order by\\s+[\\w.]*oid\\b");
    private static final Pattern PARAMETER = Pattern.compile("^-- \\$(\\d+) (bound|inline): (.*)$");

    /** One captured query: the step that sends it, its text, and how its parameters are found and passed. */
    record Captured(String step, String sql, List<String> parameters, boolean inline, String notYet) {
        @Override
        public String toString() {
            return step;
        }
    }

    Stream<Arguments> captured() throws IOException {
        List<Captured> queries = new ArrayList<>(read("/catalog/gui-tools-connect.sql"));
        queries.addAll(read("/catalog/psql15-tab-completion.sql"));
        queries.addAll(read("/catalog/functions-and-regproc.sql"));
        queries.addAll(read("/catalog/bi-tools.sql"));
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries.stream().map(q -> Arguments.of(kind, q)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("captured")
    void answersAsPostgres(String kind, Captured query) throws Exception {
        Result postgres = results(fixture.postgres(), query, null);
        try (Connection c = fixture.connect(kind)) {
            if (query.notYet() != null) {
                // A known gap (the data file says which): it must still fail, so that it is noticed when it no longer does.
                assertThatThrownBy(() -> results(c, query, postgres.types())).as(query.notYet())
                        .isInstanceOf(SQLException.class);
                return;
            }
            Result pgbridge = results(c, query, postgres.types());
            assertThat(comparable(kind, query, pgbridge.rows())).isEqualTo(comparable(kind, query, postgres.rows()));
        }
    }

    /**
     * The result column types, where the engine has PostgreSQL's type (docs/architecture.md, "Not yet"): all but
     * the catalog's internal types {@link #UNMODELLED} (sent as text or arrays).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("captured")
    void typesColumnsAsPostgres(String kind, Captured query) throws Exception {
        Result postgres = results(fixture.postgres(), query, null);
        if (query.notYet() != null) {
            return;   // answersAsPostgres checks that it still fails
        }
        try (Connection c = fixture.connect(kind)) {
            List<String> types = results(c, query, postgres.types()).types();
            List<String> expected = new ArrayList<>(postgres.types());
            for (int i = 0; i < expected.size() && i < types.size(); i++) {
                String type = expected.get(i).substring(expected.get(i).lastIndexOf(':') + 1);
                if (UNMODELLED.contains(type)) {
                    expected.set(i, types.get(i));
                }
            }
            assertThat(types).isEqualTo(expected).isNotEmpty();
        }
    }

    Stream<Arguments> completions() {
        return CatalogFixture.KINDS.stream().flatMap(kind -> Stream.of("SELECT * FROM cat_\\t\\t", "\\d cat_\\t\\t",
                "SELECT * FROM public.cat_\\t\\t", "SELECT * FROM cat_books WHERE ti\\t", "INSERT INTO cat_books (\\t\\t",
                "\\dn \\t\\t").map(keys -> Arguments.of(kind, keys)));
    }

    /**
     * psql 15's tab completion itself, on a terminal (readline): the same candidates through pgbridge as from
     * PostgreSQL (compared as sorted words: SQLite's list lacks the sequence it cannot have).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("completions")
    void psqlCompletesAsWithPostgres(String kind, String keys) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            // the proxy's first catalog query builds its catalog engine (seconds): not while psql is being timed
            CatalogFixture.rows(c, "select count(*) from pg_catalog.pg_class", (column, value) -> value);
        }
        List<String> postgres = completion(TestDatabases.postgresPort(), "postgres", keys);
        if (kind.equals("sqlite")) {
            postgres.removeIf(word -> word.endsWith("cat_invoice_seq"));
        }
        assertThat(completion(fixture.port(kind), "tester", keys)).isEqualTo(postgres).isNotEmpty();
    }

    /** The words psql writes after {@code keys} are typed, sorted, the prompt's aside. */
    private static List<String> completion(int port, String user, String keys) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/resources/clients/psql_tab_completion.py",
                "127.0.0.1", String.valueOf(port), user, CatalogFixture.DATABASE, keys).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> words = new ArrayList<>(List.of(out.replaceAll(CatalogFixture.DATABASE + "=[#>]", "").trim().split("\\s+")));
        words.removeIf(w -> w.startsWith("actors"));   // pgbridge's own table in H2's embedded database
        words.sort(null);   // psql lays candidates out in columns, which one fewer rearranges
        return words;
    }

    /** Rows (each result's header of labels first) and the label:type of each column of every result. */
    record Result(List<List<String>> rows, List<String> types) {
    }

    /**
     * Every result of {@code query} on {@code c}, its values normalised by the types PostgreSQL gives the columns
     * ({@code postgresTypes}, null when {@code c} is PostgreSQL's).
     */
    private static Result results(Connection c, Captured query, List<String> postgresTypes) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (String lookup : query.parameters()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(lookup)) {
                rs.next();
                values.add(rs.getObject(1));
            }
        }
        Session session = Session.of(c);
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        if (query.inline() || values.isEmpty()) {
            String sql = query.sql();
            for (int i = values.size(); i >= 1; i--) {
                sql = sql.replace("$" + i, String.valueOf(values.get(i - 1)));
            }
            try (Statement st = c.createStatement()) {
                boolean isResult = st.execute(sql);
                while (isResult || st.getUpdateCount() != -1) {
                    if (isResult) {
                        read(st.getResultSet(), session, postgresTypes, result);
                    }
                    isResult = st.getMoreResults();
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(query.sql().replaceAll("\\$\\d+", "?"))) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                read(ps.executeQuery(), session, postgresTypes, result);
            }
        }
        return result;
    }

    /**
     * The connecting role (postgres on PostgreSQL, tester through pgbridge) and, on PostgreSQL, the databases and
     * roles other tests and the server's setup made there, which pgbridge cannot know.
     */
    private record Session(String user, long userOid, Set<String> otherDatabases, Set<String> otherRoles) {
        static Session of(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("select current_user, oid from pg_catalog.pg_roles where rolname = current_user");
                rs.next();
                String user = rs.getString(1);
                long oid = rs.getLong(2);
                return new Session(user, oid, names(st, "select datname from pg_catalog.pg_database"
                        + " where datname <> current_database()"), names(st, "select rolname from pg_catalog.pg_roles"
                        + " where rolname <> current_user and rolname !~ '^pg_'"));
            }
        }

        private static Set<String> names(Statement st, String sql) throws SQLException {
            Set<String> names = new java.util.HashSet<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private static void read(ResultSet rs, Session session, List<String> postgresTypes, Result result)
            throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            int first = result.types().size();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
                result.types().add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
            }
            result.rows().add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                boolean others = false;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    String value = rs.getString(i);
                    others |= label.equals("datname") && session.otherDatabases().contains(value)
                            || label.equals("rolname") && session.otherRoles().contains(value);
                    String type = postgresTypes == null || first + i - 1 >= postgresTypes.size()
                            ? md.getColumnTypeName(i) : postgresTypes.get(first + i - 1).replaceFirst("^.*:", "");
                    row.add(normalise(label, type, value, session.user(), session.userOid()));
                }
                if (!others) {
                    result.rows().add(row);
                }
            }
        }
    }

    /** {@code value} of column {@code label} of PostgreSQL type {@code type}, with what legitimately differs made alike. */
    static String normalise(String label, String type, String value, String user, long userOid) {
        if (value == null) {
            return null;
        }
        if (STATISTICS.contains(label)) {
            return "statistic";
        }
        if (type.equals("xid")) {
            return "xid";
        }
        if (label.equals("attoptions")) {
            // This server's PostgreSQL build stamps every column with an option of its own; PostgreSQL 15 has none.
            return value.replaceAll("\\{pg_attver=\\d+}", "{}").equals("{}") ? null : value;
        }
        if (type.equals("pg_node_tree")) {
            return "node tree";   // the planner's form of an expression: pgbridge keeps the expression's text
        }
        if (label.equals("version")) {
            return value.replaceFirst("^PostgreSQL .*", "PostgreSQL");
        }
        if (type.equals("oid") && value.matches("\\d+")) {
            long oid = Long.parseLong(value);
            return oid == userOid ? "user's oid" : oid >= FIRST_USER_OID ? "user object's oid" : value;
        }
        return value.equals(user) ? "user" : value.replace(user + "=", "user=").replace("/" + user, "/user");
    }

    /**
     * On H2, rows naming pgbridge's own table (in its embedded database); on SQLite, the sequence it cannot
     * have.
     */
    private static List<List<String>> comparable(String kind, Captured query, List<List<String>> rows) {
        if (kind.equals("h2")) {
            rows.removeIf(row -> row.stream().anyMatch(v -> v != null && v.startsWith("actors")));
        }
        if (kind.equals("sqlite")) {
            rows.removeIf(row -> row.contains("cat_invoice_seq"));   // the sequence SQLite cannot have
        }
        if (UNORDERED.matcher(query.sql()).find() || !query.sql().toLowerCase(Locale.ROOT).contains("order by")) {
            // in no order, or in the order of oids, which pgbridge gives objects otherwise than PostgreSQL
            rows.subList(1, rows.size()).sort(java.util.Comparator.comparing(String::valueOf));
        }
        return rows;
    }

    /** The queries of a captured-query resource, in its order. */
    private static List<Captured> read(String resource) throws IOException {
        List<Captured> queries = new ArrayList<>();
        String text;
        try (InputStream in = GuiToolQueriesIT.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String block : text.split("\n\n(?=-- )")) {
            String step = null;
            List<String> parameters = new ArrayList<>();
            boolean inline = false;
            String notYet = null;
            StringBuilder sql = new StringBuilder();
            for (String line : block.split("\n")) {
                Matcher p = PARAMETER.matcher(line);
                if (line.startsWith("-- not yet: ")) {
                    notYet = line.substring("-- not yet: ".length());
                } else if (p.matches()) {
                    parameters.add(p.group(3));
                    inline = p.group(2).equals("inline");
                } else if (line.startsWith("-- ") && sql.isEmpty()) {
                    step = line.substring(3);
                } else {
                    sql.append(sql.isEmpty() ? "" : "\n").append(line);
                }
            }
            if (step != null && !sql.isEmpty()) {
                queries.add(new Captured(step, sql.toString().replaceAll("\\n+$", ""), parameters, inline, notYet));
            }
        }
        return queries;
    }
}
