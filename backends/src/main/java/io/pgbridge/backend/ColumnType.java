package io.pgbridge.backend;

/** The PostgreSQL type a backend column is presented as: its OID and the type modifier (-1 when none). */
public record ColumnType(int oid, int typeModifier) {
    public static ColumnType of(int oid) {
        return new ColumnType(oid, -1);
    }
}
