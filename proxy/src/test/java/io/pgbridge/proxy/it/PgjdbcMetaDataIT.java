package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pgjdbc's DatabaseMetaData through pgbridge on H2, MariaDB and SQLite against PostgreSQL 15 directly, for the same
 * schema ({@link CatalogFixture}): the same rows, statistics (an index's CARDINALITY and PAGES) aside. Also runs the
 * queries pgjdbc sent for these calls when they were captured ({@code catalog/pgjdbc-42.7.14-metadata.sql}), so a
 * pgjdbc upgrade that changes them cannot hide that the captured ones stopped working.
 */
class PgjdbcMetaDataIT extends AbstractCatalogIT {
    private static final Set<String> STATISTICS = Set.of("CARDINALITY", "PAGES");
    private static final CatalogFixture.Normaliser NORMALISE = (column, value) ->
            STATISTICS.contains(column.toUpperCase(java.util.Locale.ROOT)) ? "statistic" : value;

    private interface Call {
        ResultSet on(DatabaseMetaData md) throws SQLException;
    }

    Stream<Arguments> calls() {
        Map<String, Call> calls = Map.ofEntries(
                Map.entry("getPrimaryKeys", md -> md.getPrimaryKeys(null, "public", "cat_books")),
                Map.entry("getPrimaryKeys serial", md -> md.getPrimaryKeys(null, "public", "cat_serial")),
                Map.entry("getImportedKeys", md -> md.getImportedKeys(null, "public", "cat_books")),
                Map.entry("getExportedKeys", md -> md.getExportedKeys(null, "public", "cat_authors")),
                Map.entry("getCrossReference", md -> md.getCrossReference(null, "public", "cat_authors", null,
                        "public", "cat_books")),
                Map.entry("getIndexInfo", md -> md.getIndexInfo(null, "public", "cat_books", false, true)),
                Map.entry("getIndexInfo unique", md -> md.getIndexInfo(null, "public", "cat_serial", true, true)),
                Map.entry("getSchemas", DatabaseMetaData::getSchemas),
                Map.entry("getSchemas pattern", md -> md.getSchemas(null, "pub%")),
                Map.entry("getColumns", md -> md.getColumns(null, "public", "cat\\_%", "%")),
                Map.entry("getFunctions", md -> md.getFunctions(null, "pg_catalog", "int4%")),
                Map.entry("getFunctions public", md -> md.getFunctions(null, "public", "%")),
                Map.entry("getProcedures", md -> md.getProcedures(null, "pg_catalog", "now")),
                Map.entry("getFunctionColumns", md -> md.getFunctionColumns(null, "pg_catalog", "int4pl", "%")),
                Map.entry("getProcedureColumns", md -> md.getProcedureColumns(null, "information_schema",
                        "_pg_expandarray", null)),
                Map.entry("getTables", md -> md.getTables(null, "public", "cat\\_%", new String[] {"TABLE", "VIEW",
                        "INDEX"})));
        return CatalogFixture.KINDS.stream().flatMap(kind -> calls.keySet().stream().sorted()
                .map(name -> Arguments.of(kind, name, calls.get(name))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("calls")
    void answersAsPostgres(String kind, String name, Call call) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            assertThat(comparable(kind, CatalogFixture.rows(call.on(c.getMetaData()), NORMALISE)))
                    .isEqualTo(comparable(kind, CatalogFixture.rows(call.on(fixture.postgres().getMetaData()),
                            NORMALISE)));
        }
    }

    /** Sequences: not SQLite, which has none. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void listsSequences(String kind) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            Call sequences = md -> md.getTables(null, "public", "cat\\_%", new String[] {"SEQUENCE"});
            assertThat(CatalogFixture.rows(sequences.on(c.getMetaData()), NORMALISE))
                    .isEqualTo(CatalogFixture.rows(sequences.on(fixture.postgres().getMetaData()), NORMALISE))
                    .hasSize(3);
        }
    }

    /**
     * Every type of pg_catalog, and the array types of the schema's tables, as PostgreSQL lists them. PostgreSQL also
     * lists the array types of information_schema's views, which pgbridge has not; pgjdbc resolves
     * the name {@code _pg_user_mappings} to that schema's view of that name there, to pg_catalog's array here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void listsTypes(String kind) throws Exception {
        Set<String> names = new HashSet<>();
        for (List<String> row : CatalogFixture.rows(fixture.postgres(), "select typname from pg_type where typnamespace"
                + " in ('pg_catalog'::regnamespace, 'public'::regnamespace) and typname <> '_pg_user_mappings'", NORMALISE)) {
            names.add(row.getFirst());
        }
        try (Connection c = fixture.connect(kind)) {
            List<List<String>> postgres = CatalogFixture.rows(fixture.postgres().getMetaData().getTypeInfo(), NORMALISE);
            List<List<String>> pgbridge = CatalogFixture.rows(c.getMetaData().getTypeInfo(), NORMALISE);
            postgres.removeIf(row -> !names.contains(row.getFirst()));
            pgbridge.removeIf(row -> !names.contains(row.getFirst()));
            // In no particular order: pgjdbc lists them as its query finds them (PostgreSQL's heap order).
            assertThat(pgbridge).containsExactlyInAnyOrderElementsOf(postgres).hasSizeGreaterThan(300);
        }
    }

    /** pgbridge lists the databases its clients asked for, PostgreSQL all of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void listsTheDatabase(String kind) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            List<List<String>> pgbridge = CatalogFixture.rows(c.getMetaData().getCatalogs(), NORMALISE);
            assertThat(pgbridge).contains(List.of(CatalogFixture.DATABASE));
            assertThat(CatalogFixture.rows(fixture.postgres().getMetaData().getCatalogs(), NORMALISE))
                    .containsAll(pgbridge);
        }
    }

    Stream<Arguments> capturedQueries() throws Exception {
        List<String[]> queries = new ArrayList<>();
        String method = null;
        try (InputStream in = PgjdbcMetaDataIT.class.getResourceAsStream("/catalog/pgjdbc-42.7.14-metadata.sql")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- ")) {
                    method = line.substring(3);
                } else if (!line.isBlank() && !method.equals("getTypeInfo") && !method.equals("getCatalogs")) {
                    queries.add(new String[] {method, line});   // getTypeInfo and getCatalogs: see above
                }
            }
        }
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries.stream().map(q -> Arguments.of(kind, q[0], q[1])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("capturedQueries")
    void runsTheCapturedQueries(String kind, String method, String query) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            assertThat(comparable(kind, CatalogFixture.rows(c, query, NORMALISE)))
                    .isEqualTo(comparable(kind, CatalogFixture.rows(fixture.postgres(), query, NORMALISE)));
        }
    }

    /**
     * On H2, rows of pgbridge's own table; on SQLite, rows of the columns whose types SQLite does not keep ({@link CatalogDifferentialIT}) and of the
     * sequence it cannot have are left out.
     */
    private static List<List<String>> comparable(String kind, List<List<String>> rows) {
        if (kind.equals("h2")) {
            rows.removeIf(row -> row.contains("actors"));   // pgbridge's own table in its embedded database
        }
        if (kind.equals("sqlite")) {
            rows.removeIf(row -> row.contains("cat_invoice_seq") || row.contains("cat_books") && (row.contains("price")
                    || row.contains("isbn") || row.contains("published")) || row.contains("cat_authors")
                    && row.contains("born") || row.contains("cat_serial") && row.contains("id") && row.size() > 20);
        }
        return rows;
    }
}
