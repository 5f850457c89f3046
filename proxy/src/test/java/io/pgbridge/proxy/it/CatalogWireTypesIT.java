package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the wire says of catalog and session-function results, byte for byte as PostgreSQL 15 says it for the same
 * query on {@link CatalogFixture}'s schema: each RowDescription field (name, type oid, typlen, typmod, format) and
 * each DataRow value, in text and in binary. "char" columns that may be empty, int2vector and oidvector columns
 * (with 0-based subscripts), aclitem[] and pg_node_tree columns, the session functions (name and text) on the
 * backend and in catalog queries, and a UNION of a name column with NULL::text as psql's tab completion sends it.
 */
class CatalogWireTypesIT extends AbstractCatalogIT {
    /** Queries whose results have the same bytes in text and in binary. */
    private static final List<String> QUERIES = List.of(
            "SELECT current_schema(), current_user, session_user, current_database(), current_catalog,"
                    + " current_setting('search_path'), set_config('application_name', 'wt_app', false),"
                    + " current_user AS who, version() v",
            "SELECT current_user, current_database() db, id FROM cat_authors WHERE id < 0",
            "SELECT current_user, current_schema, version(), nspname FROM pg_catalog.pg_namespace"
                    + " WHERE nspname = 'public'",
            "SELECT c.relname, c.relkind, c.relpersistence, c.relreplident FROM pg_catalog.pg_class c"
                    + " WHERE c.relname IN ('cat_books', 'cat_books_pkey', 'cat_titles') ORDER BY 1",
            "SELECT a.attname, a.attidentity, a.attgenerated, a.attcompression, a.attstorage, a.attalign"
                    + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                    + " WHERE c.relname = 'cat_books' AND a.attname IN ('id', 'author_id', 'title', 'stock')"
                    + " ORDER BY a.attnum",
            "SELECT t.typname, t.typtype, t.typcategory, t.typalign, t.typstorage, t.typdelim FROM pg_catalog.pg_type t"
                    + " WHERE t.typname IN ('int4', '_int4', 'cat_books', 'name') ORDER BY 1",
            "SELECT conname, contype, confupdtype, confdeltype, confmatchtype FROM pg_catalog.pg_constraint"
                    + " WHERE conrelid = 'cat_books'::regclass ORDER BY conname",
            "SELECT ci.relname, i.indkey, i.indclass, i.indcollation, i.indoption, i.indkey[0],"
                    + " i.indkey[1] AS second_key, i.indkey[2] AS none, i.indoption[0] + 1, i.indexprs, i.indpred FROM pg_catalog.pg_index i"
                    + " JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid WHERE i.indrelid = 'cat_parts'::regclass"
                    + " ORDER BY ci.relname",
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relname LIKE 'cat\\_b%'"
                    + " UNION ALL SELECT NULL::pg_catalog.text, n.nspname FROM pg_catalog.pg_namespace n"
                    + " WHERE n.nspname = 'public' ORDER BY 1");
    /** aclitem has no binary form: text only. Owners aside (the catalog's are the first user's: tester). */
    private static final List<String> TEXT_QUERIES = List.of(
            "SELECT nspname, nspacl FROM pg_catalog.pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema')"
                    + " ORDER BY 1",
            "SELECT c.relname, c.relacl, a.attacl FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a"
                    + " ON a.attrelid = c.oid WHERE c.relname = 'cat_books' AND a.attnum = 1");

    Stream<Arguments> queries() {
        return CatalogFixture.KINDS.stream().flatMap(kind -> Stream.concat(
                QUERIES.stream().map(q -> Arguments.of(kind, q, true)),
                TEXT_QUERIES.stream().map(q -> Arguments.of(kind, q, false))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("queries")
    void sendsWhatPostgresSends(String kind, String query, boolean binaryToo) throws Exception {
        List<String> postgres = wire(TestDatabases.postgresHost(), TestDatabases.postgresPort(), query, (short) 0);
        assertThat(wire("127.0.0.1", fixture.port(kind), query, (short) 0)).as("text").isEqualTo(postgres)
                .isNotEmpty().noneMatch(line -> line.startsWith("error"));
        if (binaryToo) {
            assertThat(wire("127.0.0.1", fixture.port(kind), query, (short) 1)).as("binary")
                    .isEqualTo(wire(TestDatabases.postgresHost(), TestDatabases.postgresPort(), query, (short) 1));
        }
    }

    /**
     * The RowDescription and DataRows of {@code query} run as role postgres in the fixture's database, in the simple
     * protocol ({@code format} 0) or the extended one with binary results (1); a value that names the server's
     * version is cut to "PostgreSQL", the catalog's owner tester named postgres.
     */
    private static List<String> wire(String host, int port, String query, short format) throws IOException {
        try (RawPgClient c = new RawPgClient(host, port)) {
            c.startup("postgres", CatalogFixture.DATABASE);
            List<String> out = new ArrayList<>();
            for (RawPgClient.Message m : format == 0 ? c.query(query) : c.extended(query, format)) {
                switch (m.type()) {
                    case 'T' -> out.add(fields(m.body()));
                    case 'D' -> out.add(values(m.body(), format));
                    case 'E' -> out.add("error " + m.fields().get('M'));
                    default -> {
                    }
                }
            }
            return out;
        }
    }

    /** Each field as name:type oid:typlen:typmod:format. */
    private static String fields(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int n = in.readShort();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = cstring(in);
            in.readInt();     // table oid: 0 through pgbridge
            in.readShort();   // column number: likewise
            fields.add(name + ":" + in.readInt() + ":" + in.readShort() + ":" + in.readInt() + ":" + in.readShort());
        }
        return String.join(" ", fields);
    }

    private static String values(byte[] body, short format) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int n = in.readShort();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = in.readInt();
            if (length < 0) {
                values.add("NULL");
                continue;
            }
            byte[] value = in.readNBytes(length);
            String text = new String(value, StandardCharsets.UTF_8);
            values.add(text.startsWith("PostgreSQL ") ? "PostgreSQL"
                    : format == 0 ? text.replace("tester", "postgres") : HexFormat.of().formatHex(value));
        }
        return String.join("|", values);
    }

    private static String cstring(DataInputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b > 0; b = in.read()) {
            s.append((char) b);
        }
        return s.toString();
    }
}
