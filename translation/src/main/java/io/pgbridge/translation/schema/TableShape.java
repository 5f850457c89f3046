package io.pgbridge.translation.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A backend table as far as rewrites need it: columns in declaration order and unique keys. {@code keysKnown} is
 * false when the backend could not list its keys, so that no rewrite concludes there are none.
 */
public record TableShape(String name, List<ColumnShape> columns, List<UniqueKey> uniqueKeys, boolean keysKnown) {
    public TableShape {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
    }

    public Optional<ColumnShape> column(String columnName) {
        for (ColumnShape c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The unique key a client names {@code constraintName}: by the backend's own name, or by the name PostgreSQL
     * would have given it ({@code t_pkey}, {@code t_a_b_key}), since backends name unnamed constraints their own way;
     * else the primary key, if the backend does not keep its name (a null name: MariaDB calls every one PRIMARY).
     */
    public Optional<UniqueKey> constraintNamed(String constraintName) {
        for (UniqueKey key : uniqueKeys) {
            if (key.name() != null && key.name().equalsIgnoreCase(constraintName)) {
                return Optional.of(key);
            }
        }
        for (UniqueKey key : uniqueKeys) {
            if (postgresDefaultName(key).equals(constraintName)) {
                return Optional.of(key);
            }
        }
        // A backend that does not keep primary key names (MariaDB): an unknown name is taken to be the primary key.
        return uniqueKeys.stream().filter(k -> k.primary() && k.name() == null).findFirst();
    }

    /** Whether some unique key has exactly these columns, in any order (what ON CONFLICT (cols) needs). */
    public boolean hasUniqueKeyOn(Set<String> columnNames) {
        for (UniqueKey key : uniqueKeys) {
            if (new HashSet<>(key.columns()).equals(columnNames)) {
                return true;
            }
        }
        return false;
    }

    private String postgresDefaultName(UniqueKey key) {
        return key.primary() ? name + "_pkey"
                : (name + "_" + String.join("_", key.columns()) + "_key").toLowerCase(Locale.ROOT);
    }
}
