package io.pgbridge.translation.schema;

/**
 * A table column: its name as PostgreSQL folds it, and the PostgreSQL type name its values have, as written in a
 * cast ({@code bytea}, {@code boolean}, {@code int4[]}); {@code text} when the backend type has no closer match.
 */
public record ColumnShape(String name, String pgType) {
}
