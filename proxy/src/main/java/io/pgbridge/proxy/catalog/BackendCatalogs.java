package io.pgbridge.proxy.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pgbridge.backend.Backend;
import io.pgbridge.translation.schema.Catalog;
import io.pgbridge.translation.schema.TableShape;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The tables of each backend as statement rewrites need them, read from JDBC metadata on first use and kept until
 * DDL through pgbridge may have changed them (or, for changes made outside pgbridge, for at most half a minute).
 */
public final class BackendCatalogs {
    private static final Cache<Backend, BackendCatalogs> BY_BACKEND = Caffeine.newBuilder().weakKeys().build();
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private record TableKey(String schema, String name) {
    }

    private final Backend backend;
    private final Cache<TableKey, Optional<TableShape>> tables =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(STALE_AFTER).build();

    private BackendCatalogs(Backend backend) {
        this.backend = backend;
    }

    public static BackendCatalogs of(Backend backend) {
        return BY_BACKEND.get(backend, BackendCatalogs::new);
    }

    /**
     * The catalog as seen through {@code connection} (the session's own, so that its open transaction sees its own
     * tables). A table the backend cannot describe is unknown, and rewrites leave its statements alone.
     */
    public Catalog through(Connection connection) {
        return (schema, name) -> {
            TableKey key = new TableKey(schema, name);
            Optional<TableShape> known = tables.getIfPresent(key);
            if (known != null) {
                return known;
            }
            try {
                Optional<TableShape> read = TableShapes.read(connection, backend.dialect(), schema, name,
                        (table, column) -> CatalogEngine.of(backend).enumTypeOid(table, column));
                tables.put(key, read);
                return read;
            } catch (SQLException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * The tables already read, without reading more: for use while a result set is open on the session's
     * connection, where a metadata query would make a streaming driver (MariaDB's) read the rest of the result
     * into memory first.
     */
    public Catalog known() {
        return (schema, name) -> {
            Optional<TableShape> known = tables.getIfPresent(new TableKey(schema, name));
            return known != null ? known : Optional.empty();
        };
    }

    /** Forgets every table: after DDL, or a rollback that may have undone some. */
    public void invalidate() {
        tables.invalidateAll();
        CatalogEngine.invalidateIfCreated(backend);
    }
}
