package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's {@code information_schema} views through pgbridge on H2, MariaDB and SQLite: the same schema on
 * PostgreSQL 15 directly and through pgbridge, the same queries, the same rows. What legitimately differs is made
 * alike: owners (pgbridge's objects belong to the role that asks first) and the oids in the names PostgreSQL gives
 * NOT NULL constraints. H2's embedded database holds pgbridge's own {@code actors} table, hence the name filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationSchemaIT {
    static final String[] SCHEMA = {
            "drop view if exists cat_titles",
            "drop table if exists cat_books",
            "drop table if exists cat_authors",
            "create table cat_authors (id integer primary key, name varchar(100) not null, born date,"
                    + " email varchar(200))",
            "create table cat_books (id integer primary key, author_id integer not null constraint"
                    + " cat_books_author_id_fkey references cat_authors (id) on delete cascade, title text not null,"
                    + " price numeric(10,2), stock integer default 0, isbn char(13), weight double precision,"
                    + " published timestamp)",
            "create index cat_books_title_idx on cat_books (title)",
            "create view cat_titles as select a.name, b.title from cat_authors a join cat_books b on b.author_id = a.id"};
    private static final String OURS = "('cat_authors', 'cat_books', 'cat_titles')";
    /**
     * Columns whose types SQLite does not keep: pgbridge declares date, timestamp and char(n) as SQLite affinities
     * its metadata reports as text and varchar, and numeric(10,2) as numeric (sqlite-jdbc would report scale 0).
     */
    private static final String SQLITE_UNTYPED = "('born', 'price', 'isbn', 'published')";
    private static final CatalogFixture.Normaliser NORMALISE = (column, value) -> value == null ? null
            : column.endsWith("_owner") ? "owner" : value.replaceAll("^\\d+_\\d+_(\\d+_not_null)$", "nsp_rel_$1");
    private CatalogFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = new CatalogFixture(SCHEMA);
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    Stream<Arguments> queries() {
        return CatalogFixture.KINDS.stream().flatMap(kind -> queries(kind).stream().map(q -> Arguments.of(kind, q)));
    }

    private static List<String> queries(String kind) {
        return List.of(
                "select * from information_schema.schemata where schema_name in ('public', 'information_schema',"
                        + " 'pg_catalog') order by schema_name",
                "select * from information_schema.tables where table_name in " + OURS + " order by table_name",
                "select * from information_schema.columns where table_name in " + OURS + (kind.equals("sqlite")
                        ? " and column_name not in " + SQLITE_UNTYPED : "") + " order by table_name, ordinal_position",
                // view_definition left out: PostgreSQL prints its own deparse of the query, which pgbridge has not.
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
                        + " and k.column_name = c.column_name where c.table_name in " + OURS + " order by 1, 2, 3");
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
