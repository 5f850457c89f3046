package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlTarget;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A possibly schema-qualified object name ({@code public.orders}). MariaDB has no schemas inside a database and
 * SQLite's are attached files, so PostgreSQL's default schema {@code public} is dropped for them; other
 * qualifiers are kept and left to the backend to resolve.
 */
record ObjectName(List<Name> parts) {

    ObjectName {
        parts = List.copyOf(parts);
    }

    /** The last part: the object's own name without its schema. */
    Name last() {
        return parts.get(parts.size() - 1);
    }

    String render(SqlTarget target) {
        List<Name> written = parts;
        if (target != SqlTarget.H2 && parts.size() == 2 && parts.get(0).value().equals("public")) {
            written = parts.subList(1, 2);
        }
        return written.stream().map(Name::quoted).collect(Collectors.joining("."));
    }
}
