package io.pgbridge.translation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A statement as the backend should receive it.
 *
 * @param sql the backend's SQL, still with PostgreSQL {@code $n} parameters where the client's were
 * @param columnTypes 0-based result columns → the PostgreSQL type ({@code pg_type.typname}: {@code bool},
 *     {@code jsonb}, {@code _text}…) that PostgreSQL gives them where the backend cannot say so itself: MariaDB and
 *     SQLite answer {@code a = b} with 1 or 0, store arrays as JSON text, and type computed JSON as text. The proxy
 *     presents these columns as the named type.
 */
public record Translation(String sql, Map<Integer, String> columnTypes) {
    /** The PostgreSQL name of the boolean type in {@link #columnTypes}. */
    public static final String BOOLEAN = "bool";

    /**
     * The statement has nothing to do on this backend (COMMENT ON where the backend keeps no comments): the proxy
     * answers with the statement's command tag and sends the backend nothing.
     */
    public static final Translation NOTHING = new Translation("");

    public Translation {
        if (sql == null) {
            throw new IllegalArgumentException("sql");
        }
        columnTypes = Map.copyOf(columnTypes);
    }

    /** A statement whose result columns the backend types as PostgreSQL would. */
    public Translation(String sql) {
        this(sql, Map.of());
    }

    /** The 0-based result columns PostgreSQL types as boolean, in order. */
    public List<Integer> booleanColumns() {
        return new TreeMap<>(columnTypes).entrySet().stream().filter(e -> e.getValue().equals(BOOLEAN))
                .map(Map.Entry::getKey).toList();
    }

    /** Whether this is {@link #NOTHING}: no backend statement at all. */
    public boolean isNothing() {
        return sql.isEmpty();
    }
}
