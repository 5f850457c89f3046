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
 * @param followUp null, or a statement the proxy runs right after {@code sql}, with the same parameters, in the
 *     same transaction (one it opens if the client has none): {@code sql} answers the client's rows, and the
 *     follow-up's update count must equal their number, else the client gets a serialization failure (40001) and
 *     the transaction is rolled back. MariaDB's UPDATE … RETURNING is a locking SELECT followed by the UPDATE.
 */
public record Translation(String sql, java.util.List<Integer> booleanColumns, boolean markedRows, String followUp) {
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
        this(sql, booleanColumns, false, null);
    }

    /**
     * The same result hints for another text (a cached translation filled with the client's literals); only for a
     * translation without a follow-up, whose literals would need filling too.
     */
    public Translation withSql(String otherSql) {
        if (followUp != null) {
            throw new IllegalStateException("a translation with a follow-up statement is not a template");
        }
        return new Translation(otherSql, booleanColumns, markedRows, null);
    }

    /** Whether this is {@link #NOTHING}: no backend statement at all. */
    public boolean isNothing() {
        return sql.isEmpty();
    }
}
