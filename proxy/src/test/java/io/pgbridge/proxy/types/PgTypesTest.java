package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PgTypesTest extends PgTypeTestBase {

    /** Every PgOid constant is the pg_type row its name says: INT4 is int4, INT4_ARRAY is _int4. */
    @Test
    void pgOidConstantsMatchTheCatalog() throws Exception {
        int checked = 0;
        for (Field f : PgOid.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || f.getName().equals("UNSPECIFIED")) {
                continue;
            }
            String name = f.getName().toLowerCase(Locale.ROOT);
            String typname = name.endsWith("_array") ? "_" + name.substring(0, name.length() - "_array".length()) : name;
            try (PreparedStatement ps = pg.prepareStatement("SELECT typname FROM pg_type WHERE oid = ?")) {
                ps.setInt(1, f.getInt(null));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(f.getName()).isTrue();
                    assertThat(rs.getString(1)).as(f.getName()).isEqualTo(typname);
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    /** Each registered type has the catalog's name, typlen and typarray. */
    @Test
    void everyTypeMatchesPgType() throws SQLException {
        for (PgType<?> t : PgTypes.all()) {
            try (PreparedStatement ps = pg.prepareStatement(
                    "SELECT typname, typlen, typarray, typelem, format_type(oid, NULL) FROM pg_type WHERE oid = ?")) {
                ps.setInt(1, t.oid());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(t.name()).isTrue();
                    assertThat(t.name()).isEqualTo(rs.getString(1));
                    assertThat(t.typeSize()).as(t.name()).isEqualTo(rs.getShort(2));
                    assertThat(t.arrayOid()).as(t.name()).isEqualTo(rs.getInt(3));
                    if (t instanceof ArrayType<?> a) {
                        assertThat(a.element().oid()).isEqualTo(rs.getInt(4));
                    }
                    assertThat(((AbstractPgType<?>) t).displayName()).as(t.name()).isEqualTo(rs.getString(5));
                }
            }
            assertThat(PgTypes.byOid(t.oid())).isSameAs(t);
            assertThat(PgTypes.byName(t.name())).isSameAs(t);
        }
        assertThat(PgTypes.all()).hasSize(32 + 30);
    }

    @Test
    void lookups() {
        assertThat(PgTypes.byOid(123456)).isNull();
        assertThat(PgTypes.byOid(PgOid.INT4)).isSameAs(Int4Type.INSTANCE);
        assertThat(PgTypes.text()).isSameAs(TextType.INSTANCE);
        assertThat(PgTypes.arrayOf(PgOid.INT4).oid()).isEqualTo(PgOid.INT4_ARRAY);
        String[][] names = {
            {"integer", "int4"}, {"INT", "int4"}, {"bigint", "int8"}, {"smallint", "int2"}, {"boolean", "bool"},
            {"double precision", "float8"}, {"DOUBLE  PRECISION", "float8"}, {"float", "float8"},
            {"float(24)", "float4"}, {"float(25)", "float8"}, {"real", "float4"},
            {"character varying", "varchar"}, {"character varying(20)", "varchar"}, {"varchar(5)", "varchar"},
            {"character", "bpchar"}, {"char(3)", "bpchar"}, {"char", "char"}, {"\"char\"", "char"},
            {"timestamp with time zone", "timestamptz"}, {"timestamp(3) with time zone", "timestamptz"},
            {"timestamp without time zone", "timestamp"}, {"timestamp", "timestamp"},
            {"time with time zone", "timetz"}, {"time(6) without time zone", "time"}, {"decimal", "numeric"},
            {"decimal(10,2)", "numeric"}, {"numeric(10, 2)", "numeric"}, {"int4[]", "_int4"}, {"_int4", "_int4"},
            {"integer[]", "_int4"}, {"text[][]", "_text"}, {"character varying(10)[]", "_varchar"},
            {"timestamp with time zone[]", "_timestamptz"}, {"pg_catalog.int8", "int8"}, {"jsonb", "jsonb"},
            {"uuid[3]", "_uuid"}, {"unknown", "unknown"}, {"name", "name"}, {"oid", "oid"}, {"bytea", "bytea"},
        };
        for (String[] n : names) {
            assertThat(PgTypes.byName(n[0])).as(n[0]).isNotNull();
            assertThat(PgTypes.byName(n[0]).name()).as(n[0]).isEqualTo(n[1]);
        }
        assertThat(PgTypes.byName("no_such_type")).isNull();
        assertThat(PgTypes.byName("unknown[]")).isNull();
        assertThat(PgTypes.byName(null)).isNull();
    }

    /** The SQL spellings resolve to what the server resolves them to. */
    @Test
    void sqlSpellingsResolveLikeTheServer() throws SQLException {
        for (String spelling : new String[] {"integer", "bigint", "smallint", "boolean", "double precision", "real",
                "character varying", "character", "timestamp with time zone", "timestamp without time zone",
                "time with time zone", "decimal", "int4[]", "_int4", "char(3)", "float(10)", "float", "int"}) {
            try (PreparedStatement ps = pg.prepareStatement("SELECT ?::regtype::oid")) {
                ps.setString(1, spelling);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(PgTypes.byName(spelling).oid()).as(spelling).isEqualTo(rs.getInt(1));
                }
            }
        }
    }
}
