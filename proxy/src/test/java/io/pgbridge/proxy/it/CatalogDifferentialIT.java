package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog queries ({@code information_schema}'s views, pg_catalog's constraints, indexes and sequences) through
 * pgbridge on H2, MariaDB and SQLite: the same schema ({@link CatalogFixture}) on PostgreSQL 15 directly and through
 * pgbridge, the same queries, the same rows. What legitimately differs is made
 * alike: owners (pgbridge's objects belong to the role that asks first) and the oids in the names PostgreSQL gives
 * NOT NULL constraints. H2's embedded database holds pgbridge's own {@code actors} table, hence the name filters.
 */
class CatalogDifferentialIT extends AbstractCatalogIT {
    private static final String OURS = "('cat_authors', 'cat_books', 'cat_titles', 'cat_serial', 'cat_parts',"
            + " 'cat_tags')";
    private static final CatalogFixture.Normaliser NORMALISE = (column, value) -> value == null ? null
            : column.endsWith("_owner") ? "owner" : value.replaceAll("^\\d+_\\d+_(\\d+_not_null)$", "nsp_rel_$1");

    Stream<Arguments> queries() {
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries(kind).stream().map(q -> Arguments.of(kind, q)));
    }

    private static List<String> queries(String kind) {
        return List.of(
                "select * from information_schema.schemata where schema_name in ('public', 'information_schema',"
                        + " 'pg_catalog') order by schema_name",
                "select * from information_schema.tables where table_name in " + OURS + " order by table_name",
                "select * from information_schema.columns where table_name in " + OURS
                        + " order by table_name, ordinal_position",
                // view_definition left out: PostgreSQL prints its own deparse of the query, pgbridge the backend's.
                "select table_catalog, table_schema, table_name, check_option, is_updatable, is_insertable_into,"
                        + " is_trigger_updatable, is_trigger_deletable, is_trigger_insertable_into"
                        + " from information_schema.views where table_schema = 'public'",
                "select * from information_schema.table_constraints where table_name in " + OURS
                        + " order by table_name, constraint_type, constraint_name",
                "select * from information_schema.key_column_usage where table_name in " + OURS
                        + " order by table_name, constraint_name, ordinal_position",
                "select * from information_schema.referential_constraints where constraint_schema = 'public'"
                        + " order by constraint_name",
                "select * from information_schema.routines where routine_schema = 'public'",
                "select * from information_schema.character_sets",
                "select c.table_name, c.column_name, k.constraint_name from information_schema.columns c"
                        + " join information_schema.key_column_usage k on k.table_name = c.table_name"
                        + " and k.column_name = c.column_name where c.table_name in " + OURS + " order by 1, 2, 3",
                "select c.relname, c.relkind, c.relchecks, c.relhasindex, i.indisunique, i.indisprimary,"
                        + " i.indkey, i.indkey[0], i.indcollation from pg_class c left join pg_index i"
                        + " on i.indexrelid = c.oid"
                        + " where c.relname like 'cat\\_%'" + withoutSequence(kind, "c.relname") + " order by 1",
                "select conname, contype, conrelid::regclass, conindid::regclass, confrelid::regclass, conkey, confkey,"
                        + " pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) from pg_constraint"
                        + " where conname like 'cat\\_%' order by 1",
                "select c.relname, s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache,"
                        + " s.seqcycle from pg_class c join pg_sequence s on s.seqrelid = c.oid where c.relname like"
                        + " 'cat\\_%'" + withoutSequence(kind, "c.relname") + " order by 1",
                "select s.relname, d.deptype, t.relname, d.refobjsubid from pg_depend d join pg_class s"
                        + " on s.oid = d.objid join pg_class t on t.oid = d.refobjid where s.relkind = 'S'"
                        + " and s.relname like 'cat\\_%' order by 1");
    }

    Stream<Arguments> typedQueries() {
        List<String> queries = Stream.of("schemata", "tables", "columns", "views", "table_constraints",
                        "key_column_usage", "referential_constraints", "routines", "character_sets")
                .map(view -> "select * from information_schema." + view).collect(java.util.stream.Collectors.toList());
        queries.add("select c.oid, c.relname, c.relnamespace, c.relkind, c.relam, n.nspname AS schema,"
                + " t.typname, t.oid as type, a.attname, a.attnum, a.atttypid from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid join pg_type t"
                + " on t.oid = a.atttypid where c.relname = 'cat_books'");
        queries.add("select * from (select conname, contype, conrelid from pg_constraint) c");
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries.stream().map(q -> Arguments.of(kind, q)));
    }

    /** The result columns' types: PostgreSQL's name, oid and "char" where its catalog has them (also aliased). */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("typedQueries")
    void typesColumnsAsPostgres(String kind, String query) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            assertThat(CatalogFixture.columnTypes(c, query)).isEqualTo(CatalogFixture.columnTypes(fixture.postgres(), query));
        }
    }

    Stream<Arguments> psqlCommands() {
        return CatalogFixture.KINDS.stream().flatMap(kind -> Stream.of("\\d+ cat_authors", "\\d+ cat_serial",
                        "\\d+ cat_books", "\\d+ cat_parts", "\\d+ cat_tags", "\\df", "\\dT", "\\d+ cat_titles")
                .map(command -> Arguments.of(kind, command)));
    }

    /**
     * psql 15's descriptions. A view's definition is left out: PostgreSQL prints a deparse of its own, pgbridge
     * the backend's text.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("psqlCommands")
    void psqlDescribesAsPostgres(String kind, String command) throws Exception {
        assertThat(withoutViewDefinition(fixture.psql(kind, command, "-P", "pager=off")))
                .isEqualTo(withoutViewDefinition(fixture.psql(null, command, "-P", "pager=off")));
    }

    private static String withoutViewDefinition(String description) {
        int definition = description.indexOf("View definition:");
        return definition < 0 ? description : description.substring(0, definition);
    }

    /**
     * psql 15's lists of PostgreSQL's own objects: extensions, languages, tablespaces, access methods, operators,
     * casts, conversions, text search objects, event triggers, per-role settings, large objects, descriptions,
     * collations, subscriptions, extended statistics, and a system table described.
     * Owners aside (the bootstrap superuser is the role that asks first, postgres on PostgreSQL).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsBuiltInObjects(String kind) throws Exception {
        for (String command : List.of("\\dx", "\\dL", "\\db", "\\dA+", "\\do+", "\\dC", "\\dcS", "\\dF",
                "\\dFd", "\\dFp", "\\dFt", "\\dy", "\\drds", "\\dl", "\\dd", "\\dO", "\\dRs", "\\dX", "\\dS+ pg_am",
                "\\dconfig work_mem", "\\dconfig+ statement_timeout")) {
            assertThat(withoutRoles(fixture.psql(kind, command, "-A", "-t"))).as(command)
                    .isEqualTo(withoutRoles(fixture.psql(null, command, "-A", "-t")));
        }
    }

    private static String withoutRoles(String listing) {
        return listing.replaceAll("(?m)(^|\\|)(postgres|tester)(?=\\||$)", "$1owner");
    }

    /** psql 15's lists of views and sequences, owners aside (pgbridge's objects belong to the role that asks first). */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsViewsAndSequences(String kind) throws Exception {
        for (String command : List.of("\\dv cat*", "\\ds cat*", "\\dt cat*", "\\di cat*")) {
            List<String> postgres = CatalogQueriesIT.withoutOwners(fixture.psql(null, command, "-A", "-t"));
            if (!CatalogFixture.hasSequences(kind)) {
                postgres.removeIf(row -> row.contains("|cat_invoice_seq|"));
            }
            assertThat(CatalogQueriesIT.withoutOwners(fixture.psql(kind, command, "-A", "-t"))).as(command)
                    .isEqualTo(postgres);
        }
    }

    /**
     * psql 15's lists of functions: the built-in ones are PostgreSQL 15's, with their signatures, properties, source
     * and descriptions (the owner is the connecting role, as for pgbridge's other objects).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsFunctions(String kind) throws Exception {
        for (String command : List.of("\\df", "\\df int4*", "\\dfS int4pl", "\\df+ now", "\\dfS+ int4*",
                "\\dfa percentile*", "\\dfS *regexp*", "\\df jsonb_path*", "\\dfw rank", "\\df+ information_schema.*")) {
            String postgres = fixture.psql(null, command, "-A");
            assertThat(postgres).as(command).doesNotContain("ERROR").contains("List of functions");
            assertThat(fixture.psql(kind, command, "-A").replace("|tester|", "|postgres|")).as(command)
                    .isEqualTo(postgres);
        }
    }

    /** psql's roles: the role pgbridge's sessions use has the attributes of PostgreSQL's bootstrap superuser. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void psqlListsTheRole(String kind) throws Exception {
        assertThat(fixture.psql(kind, "\\du tester", "-A", "-t").replace("tester|", "postgres|"))
                .isEqualTo(fixture.psql(null, "\\du postgres", "-A", "-t"));
    }

    /** On SQLite, which has no sequences, the standalone one of the schema is left out of PostgreSQL's rows too. */
    private static String withoutSequence(String kind, String column) {
        return CatalogFixture.hasSequences(kind) ? "" : " and " + column + " <> 'cat_invoice_seq'";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("queries")
    void answersAsPostgres(String kind, String query) throws Exception {
        try (Connection c = fixture.connect(kind)) {
            assertThat(CatalogFixture.rows(c, query, NORMALISE))
                    .isEqualTo(CatalogFixture.rows(fixture.postgres(), query, NORMALISE));
        }
    }
}
