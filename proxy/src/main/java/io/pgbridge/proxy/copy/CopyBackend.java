package io.pgbridge.proxy.copy;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.types.TextContext;

import java.sql.Connection;

/**
 * The backend a COPY runs against when it is not PostgreSQL: its leased connection and dialect, the way to its SQL,
 * and the session's text settings (time zone) for values.
 */
public record CopyBackend(Connection connection, BackendDialect dialect, BackendSql sql, TextContext context) {
}
