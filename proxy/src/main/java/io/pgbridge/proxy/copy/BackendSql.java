package io.pgbridge.proxy.copy;

import io.pgbridge.translation.JdbcSql;

import java.util.List;

/** The backend's form of a PostgreSQL statement that COPY builds: translated for its dialect, {@code $n} as {@code ?}. */
public interface BackendSql {

    Translated translate(String postgresSql);

    /** @param booleanColumns 0-based result columns PostgreSQL types as boolean where the backend answers integers */
    record Translated(JdbcSql jdbc, List<Integer> booleanColumns) {
    }
}
