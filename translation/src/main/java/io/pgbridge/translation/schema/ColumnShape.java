package io.pgbridge.translation.schema;

/**
 * A table column: its name as PostgreSQL folds it, and the PostgreSQL type name its values have, as written in a
 * cast ({@code bytea}, {@code boolean}, {@code int4[]}); {@code text} when the backend type has no closer match;
 * for a numeric column, the scale it was declared with ({@code numeric(10,2)}: 2), else -1; {@code enumType} the
 * oid of the enum type pgbridge's catalog made for the column (MariaDB's ENUM columns), else 0: its values are text.
 */
public record ColumnShape(String name, String pgType, boolean generatedAlways, int numericScale, int enumType) {
    /**
     * The prefix of a column comment by which pgbridge's DDL declares the PostgreSQL type of a column the backend
     * cannot type itself ({@code pgbridge:integer[]} on a MariaDB MEDIUMTEXT that holds an array as JSON).
     */
    public static final String DECLARED_TYPE_COMMENT = "pgbridge:";
    /**
     * What follows {@link #DECLARED_TYPE_COMMENT} on an identity column declared GENERATED ALWAYS where the backend
     * cannot tell it from BY DEFAULT (MariaDB's AUTO_INCREMENT takes any value given).
     */
    public static final String GENERATED_ALWAYS = "generated always";

    /** A column whose values are given (not an identity column that refuses them). */
    public ColumnShape(String name, String pgType) {
        this(name, pgType, false);
    }

    /** A column of a built-in type. */
    public ColumnShape(String name, String pgType, boolean generatedAlways, int numericScale) {
        this(name, pgType, generatedAlways, numericScale, 0);
    }

    /** A column without a declared numeric scale. */
    public ColumnShape(String name, String pgType, boolean generatedAlways) {
        this(name, pgType, generatedAlways, -1);
    }

    /** Whether this column's type is an array. */
    public boolean isArray() {
        return pgType.endsWith("[]");
    }
}
