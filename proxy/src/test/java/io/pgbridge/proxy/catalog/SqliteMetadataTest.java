package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.ColumnType;
import io.pgbridge.backend.PgOid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's declared types read as PostgreSQL's, with the typmods PostgreSQL gives them. */
class SqliteMetadataTest {
    private static ColumnType declared(String declaration) {
        return SqliteMetadata.declared(declaration, PgOid.INT8);
    }

    @Test
    void pgbridgesSpellingsAreThePostgresTypes() {
        assertThat(declared("numeric(10,2)")).isEqualTo(new ColumnType(PgOid.NUMERIC, (10 << 16 | 2) + 4));
        assertThat(declared("NUMERIC(6)")).isEqualTo(new ColumnType(PgOid.NUMERIC, (6 << 16) + 4));
        assertThat(declared("numeric")).isEqualTo(new ColumnType(PgOid.NUMERIC, -1));
        assertThat(declared("char(1)")).isEqualTo(new ColumnType(PgOid.BPCHAR, 5));
        assertThat(declared("varchar")).isEqualTo(new ColumnType(PgOid.VARCHAR, -1));
        assertThat(declared("int4")).isEqualTo(new ColumnType(PgOid.INT4, -1));
        assertThat(declared("float4")).isEqualTo(new ColumnType(PgOid.FLOAT4, -1));
        assertThat(declared("double precision")).isEqualTo(new ColumnType(PgOid.FLOAT8, -1));
        assertThat(declared("timestamptz")).isEqualTo(new ColumnType(PgOid.TIMESTAMPTZ, -1));
    }

    /** SQLite takes "[]" for a word of the name, which must come before the modifiers. */
    @Test
    void arraysKeepTheirElementsTypmod() {
        assertThat(declared("varchar[](5)")).isEqualTo(new ColumnType(PgOid.VARCHAR_ARRAY, 9));
        assertThat(declared("int4[]")).isEqualTo(new ColumnType(PgOid.arrayOf(PgOid.INT4), -1));
        assertThat(declared("text[][]")).isEqualTo(new ColumnType(PgOid.TEXT_ARRAY, -1));
    }

    @Test
    void sqlitesOwnSpellingsKeepSqlitesMeaning() {
        assertThat(declared("INTEGER")).isEqualTo(new ColumnType(PgOid.INT8, -1));
        assertThat(SqliteMetadata.declared("integer", PgOid.INT4)).isEqualTo(new ColumnType(PgOid.INT4, -1));
        assertThat(declared("REAL")).isEqualTo(new ColumnType(PgOid.FLOAT8, -1));
        assertThat(declared("DATETIME")).isNull();   // no such PostgreSQL type: the JDBC metadata decides
        assertThat(declared("")).isNull();
    }
}
