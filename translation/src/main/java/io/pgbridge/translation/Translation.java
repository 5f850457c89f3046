package io.pgbridge.translation;

/**
 * A statement as the backend should receive it.
 *
 * @param sql the backend's SQL, still with PostgreSQL {@code $n} parameters where the client's were
 */
public record Translation(String sql) {

    public Translation {
        if (sql == null) {
            throw new IllegalArgumentException("sql");
        }
    }
}
