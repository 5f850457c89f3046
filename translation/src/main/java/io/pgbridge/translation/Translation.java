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
 * @param followUps statements the proxy runs right after {@code sql}, in order, with the same parameters, in the
 *     same transaction (one it opens if the client has none), so that all stand or fall together: {@code sql}
 *     answers the client (rows, or the update count); when it returns rows, the last follow-up's update count must
 *     equal their number, else the client gets a serialization failure (40001) and the transaction is rolled back.
 *     MariaDB's UPDATE … RETURNING is a locking SELECT followed by the UPDATE; SQLite drops several tables one by one
 */
public record Translation(String sql, java.util.List<Integer> booleanColumns, boolean markedRows,
                          java.util.List<String> followUps) {
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
        followUps = java.util.List.copyOf(followUps);
    }

    /** A statement whose result columns the backend types as PostgreSQL would. */
    public Translation(String sql) {
        this(sql, java.util.List.of());
    }

    public Translation(String sql, java.util.List<Integer> booleanColumns) {
        this(sql, booleanColumns, false, java.util.List.of());
    }

    /**
     * The same result hints for another text (a cached translation filled with the client's literals); only for a
     * translation without a follow-up, whose literals would need filling too.
     */
    public Translation withSql(String otherSql) {
        if (!followUps.isEmpty()) {
            throw new IllegalStateException("a translation with follow-up statements is not a template");
        }
        return new Translation(otherSql, booleanColumns, markedRows, followUps);
    }

    /** Statements run one after the other, all or none: the first answers the client. */
    public static Translation sequence(java.util.List<String> statements) {
        return new Translation(statements.get(0), java.util.List.of(), false,
                statements.subList(1, statements.size()));
    }

    /** Whether this is {@link #NOTHING}: no backend statement at all. */
    public boolean isNothing() {
        return sql.isEmpty();
    }
}
