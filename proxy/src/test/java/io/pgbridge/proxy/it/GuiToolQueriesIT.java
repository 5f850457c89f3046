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

/**
 * The queries GUI tools and psql's tab completion send (DBeaver and pgAdmin 4 when they connect and open their
 * navigators, {@code catalog/gui-tools-connect.sql}; psql 15's completions, {@code catalog/psql15-tab-completion.sql})
 * on {@link CatalogFixture}'s schema, on PostgreSQL 15 and through pgbridge on H2, MariaDB and SQLite: the same rows
 * and result column types. What legitimately differs is made alike, by the type or name PostgreSQL gives the column:
 * oids of user objects (PostgreSQL numbers them from 16384, in creation order), transaction ids, sizes and
 * statistics, the server's version string, and the connecting role's name and oid (postgres there, tester here).
 */
class GuiToolQueriesIT extends AbstractCatalogIT {
    /** PostgreSQL's FirstNormalObjectId: oids below are built-in objects', the same everywhere. */
    private static final long FIRST_USER_OID = 16384;
    private static final Set<String> STATISTICS = Set.of("relpages", "reltuples", "relallvisible", "index_rel_size",
            "index_num_scans");
    private static final Pattern PARAMETER = Pattern.compile("^-- \\$(\\d+) (bound|inline): (.*)$");

    /** One captured query: the step that sends it, its text, and how its parameters are found and passed. */
    record Captured(String step, String sql, List<String> parameters, boolean inline) {
        @Override
        public String toString() {
            return step;
        }
    }

    Stream<Arguments> captured() throws IOException {
        List<Captured> queries = new ArrayList<>(read("/catalog/gui-tools-connect.sql"));
        queries.addAll(read("/catalog/psql15-tab-completion.sql"));
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries.stream().map(q -> Arguments.of(kind, q)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("captured")
    void answersAsPostgres(String kind, Captured query) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            assertThat(comparable(kind, results(c, query))).isEqualTo(comparable(kind, results(fixture.postgres(), query)));
        }
    }

    /** Every result of {@code query} on {@code c}: a header of label:type, then the rows, values normalised. */
    private static List<List<String>> results(Connection c, Captured query) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (String lookup : query.parameters()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(lookup)) {
                rs.next();
                values.add(rs.getObject(1));
            }
        }
        String user;
        long userOid;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_user, oid from pg_catalog.pg_roles where rolname = current_user")) {
            rs.next();
            user = rs.getString(1);
            userOid = rs.getLong(2);
        }
        List<List<String>> rows = new ArrayList<>();
        if (query.inline() || values.isEmpty()) {
            String sql = query.sql();
            for (int i = values.size(); i >= 1; i--) {
                sql = sql.replace("$" + i, String.valueOf(values.get(i - 1)));
            }
            try (Statement st = c.createStatement()) {
                boolean isResult = st.execute(sql);
                while (true) {
                    if (isResult) {
                        read(st.getResultSet(), user, userOid, rows);
                    } else if (st.getUpdateCount() == -1) {
                        break;
                    }
                    isResult = st.getMoreResults();
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(query.sql().replaceAll("\\$\\d+", "?"))) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                read(ps.executeQuery(), user, userOid, rows);
            }
        }
        return rows;
    }

    private static void read(ResultSet rs, String user, long userOid, List<List<String>> rows) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
            }
            rows.add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(normalise(md.getColumnLabel(i), md.getColumnTypeName(i), rs.getString(i), user, userOid));
                }
                rows.add(row);
            }
        }
    }

    /** {@code value} of column {@code label} of type {@code type}, with what legitimately differs made alike. */
    static String normalise(String label, String type, String value, String user, long userOid) {
        if (value == null) {
            return null;
        }
        String column = label.toLowerCase(Locale.ROOT);
        if (STATISTICS.contains(column)) {
            return "statistic";
        }
        if (type.equals("xid")) {
            return "xid";
        }
        if (column.equals("version")) {
            return value.replaceFirst("^(PostgreSQL \\d+)\\..*", "$1");
        }
        if (type.equals("oid") && value.matches("\\d+")) {
            long oid = Long.parseLong(value);
            return oid == userOid ? "user's oid" : oid >= FIRST_USER_OID ? "user object's oid" : value;
        }
        return value.equals(user) ? "user" : value.replace(user + "=", "user=").replace("/" + user, "/user");
    }

    /**
     * On H2, rows naming pgbridge's own table (in its embedded database); on SQLite, the columns whose types SQLite
     * does not keep ({@link CatalogDifferentialIT}) and the sequence it cannot have.
     */
    private static List<List<String>> comparable(String kind, List<List<String>> rows) {
        if (kind.equals("h2")) {
            rows.removeIf(row -> row.stream().anyMatch(v -> v != null && v.startsWith("actors")));
        }
        if (kind.equals("sqlite")) {
            rows.removeIf(row -> row.contains("cat_invoice_seq"));
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
        for (String block : text.split("\n\n")) {
            String step = null;
            List<String> parameters = new ArrayList<>();
            boolean inline = false;
            StringBuilder sql = new StringBuilder();
            for (String line : block.split("\n")) {
                Matcher p = PARAMETER.matcher(line);
                if (p.matches()) {
                    parameters.add(p.group(3));
                    inline = p.group(2).equals("inline");
                } else if (line.startsWith("-- ") && sql.isEmpty()) {
                    step = line.substring(3);
                } else {
                    sql.append(sql.isEmpty() ? "" : "\n").append(line);
                }
            }
            if (step != null && !sql.isEmpty()) {
                queries.add(new Captured(step, sql.toString(), parameters, inline));
            }
        }
        return queries;
    }
}
