package io.pgbridge.proxy.copy;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.types.TextContext;

import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The backend a COPY runs against when it is not PostgreSQL: its leased connection and dialect, the way to its SQL,
 * the session's text settings (time zone) for values, and whom to tell of each statement before it executes (so
 * that statement_timeout and cancel requests reach it).
 */
public record CopyBackend(Connection connection, BackendDialect dialect, BackendSql sql, TextContext context,
                          Consumer<Statement> statementStarted) {
}
