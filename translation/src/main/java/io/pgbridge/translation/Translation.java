package io.pgbridge.translation;

/**
 * A statement as the backend should receive it.
 *
 * @param sql the backend's SQL, still with PostgreSQL {@code $n} parameters where the client's were
 */
public record Translation(String sql) {
    /**
     * The statement has nothing to do on this backend (COMMENT ON where the backend keeps no comments): the proxy
     * answers with the statement's command tag and sends the backend nothing.
     */
    public static final Translation NOTHING = new Translation("");

    public Translation {
        if (sql == null) {
            throw new IllegalArgumentException("sql");
        }
    }

    /** Whether this is {@link #NOTHING}: no backend statement at all. */
    public boolean isNothing() {
        return sql.isEmpty();
    }
}
