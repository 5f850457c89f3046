package io.pgbridge.translation.schema;

import java.util.Optional;

/**
 * What a statement's rewrite may ask about the backend's tables: their columns' PostgreSQL types and their unique
 * keys. The proxy answers from the backend's JDBC metadata; translation stays free of JDBC.
 */
public interface Catalog {

    /**
     * The table {@code name} in {@code schema}, both as PostgreSQL folds them (unquoted names in lower case);
     * {@code schema} is null for an unqualified name. Empty when there is no such table (or it is a view the
     * backend does not describe).
     */
    Optional<TableShape> table(String schema, String name);

    /** A catalog that knows no table: nothing is rewritten. */
    Catalog EMPTY = (schema, name) -> Optional.empty();
}
