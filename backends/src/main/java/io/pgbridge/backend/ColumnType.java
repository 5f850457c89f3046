package io.pgbridge.backend;

/** The PostgreSQL type a backend column is presented as: its OID and the type modifier (-1 when none). */
public record ColumnType(int oid, int typeModifier) {
    public static ColumnType of(int oid) {
        return new ColumnType(oid, -1);
    }

    /** numeric(p,s), its typmod ((p << 16) | s) + 4 as PostgreSQL encodes it; the caller checks the bounds. */
    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType(PgOid.NUMERIC, ((precision << 16) | scale) + 4);
    }
}
