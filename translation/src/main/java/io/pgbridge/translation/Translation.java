package io.pgbridge.translation;

/**
 * A statement as the backend should receive it.
 *
 * @param sql the backend's SQL, still with PostgreSQL {@code $n} parameters where the client's were
 * @param booleanColumns 0-based result columns that PostgreSQL types as boolean where the backend, which has no
 *     boolean type, answers with numbers (MariaDB's {@code a = b} is 1 or 0): the proxy presents them as boolean
 * @param markedRows the backend answers rows with one more column than the client's, last, whose value 0 marks a
 *     row PostgreSQL would neither return nor count (an upsert's skipped conflict): the proxy drops that column and
 *     those rows, and for a statement without RETURNING sends the count of the other rows instead of rows
 */
public record Translation(String sql, java.util.List<Integer> booleanColumns, boolean markedRows) {
    /**
     * The statement has nothing to do on this backend (COMMENT ON where the backend keeps no comments): the proxy
     * answers with the statement's command tag and sends the backend nothing.
     */
    public static final Translation NOTHING = new Translation("");

    public Translation {
        if (sql == null) {
            throw new IllegalArgumentException("sql");
        }
        booleanColumns = java.util.List.copyOf(booleanColumns);
    }

    /** A statement whose result columns the backend types as PostgreSQL would. */
    public Translation(String sql) {
        this(sql, java.util.List.of());
    }

    public Translation(String sql, java.util.List<Integer> booleanColumns) {
        this(sql, booleanColumns, false);
    }

    /** The same result hints for another text (a cached translation filled with the client's literals). */
    public Translation withSql(String otherSql) {
        return new Translation(otherSql, booleanColumns, markedRows);
    }

    /** Whether this is {@link #NOTHING}: no backend statement at all. */
    public boolean isNothing() {
        return sql.isEmpty();
    }
}
