package io.pgbridge.proxy.catalog;

import java.sql.SQLException;

/** Writes rows into the catalog engine: one INSERT or UPDATE with its values ({@link CatalogLoader}'s). */
@FunctionalInterface
interface EngineRows {
    void insert(String sql, Object... values) throws SQLException;
}
