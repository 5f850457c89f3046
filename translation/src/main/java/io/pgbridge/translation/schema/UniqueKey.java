package io.pgbridge.translation.schema;

import java.util.List;

/** A primary key or unique index of a table: the backend's name for it and its columns in key order. */
public record UniqueKey(String name, List<String> columns, boolean primary) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
