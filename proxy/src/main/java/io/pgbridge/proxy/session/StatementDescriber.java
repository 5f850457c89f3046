package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.catalog.BackendCatalogs;
import io.pgbridge.backend.Dialects;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.StatementKind;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Describe of a prepared statement: its parameter types and result columns, asked of the backend through JDBC
 * metadata without running it, or known by the proxy for the statements it answers itself (SHOW, EXECUTE).
 */
final class StatementDescriber {
    private final Session session;
    private final QueryRunner runner;

    StatementDescriber(Session session, QueryRunner runner) {
        this.session = session;
        this.runner = runner;
    }

    void describe(ParsedStatement statement) throws SQLException {
        StatementInfo info = statement.info();
        BackendDialect dialect = session.backendConnection().backend().dialect();
        if (info.kind() == StatementKind.EMPTY || info.kind() == StatementKind.EXECUTE
                || SessionCommands.handles(statement, dialect.isPostgres()) || statement.jdbcSql().sql().isEmpty()) {
            session.writer().send(new BackendMessage.ParameterDescription(statement.parameterTypes()));
            session.writer().send(sessionCommandColumns(statement));
            return;
        }
        ParsedStatement described = runner.withSessionFunctions(statement, false);
        int count = described.parameterCount();
        if (described.catalog()) {
            dialect = Dialects.H2;   // the catalog engine's
        }
        Connection connection = described.catalog() ? runner.catalogConnection() : session.backendConnection().get();
        try (PreparedStatement prepared = connection.prepareStatement(described.jdbcSql().sql())) {
            int[] types = new int[count];
            ParameterMetaData pmd = null;
            for (int i = 0; i < count; i++) {
                types[i] = described.parameterType(i);
                if (types[i] == 0) {
                    if (pmd == null) {
                        pmd = prepared.getParameterMetaData();
                    }
                    types[i] = dialect.parameterType(pmd, Parameters.jdbcIndexOf(described.jdbcSql(), i)).oid();
                }
            }
            session.writer().send(new BackendMessage.ParameterDescription(types));
            ResultSetMetaData md = prepared.getMetaData();
            boolean noRows = md == null || md.getColumnCount() == 0
                    || described.markedRows() && !described.info().returnsRows();
            session.writer().send(noRows ? new BackendMessage.NoData()
                    : ResultColumns.of(md, dialect, null, described.resultHints(), BackendCatalogs.of(
                            session.backendConnection().backend()).through(connection)).rowDescription());
        }
    }

    /** What Describe answers for SHOW (one column, or SHOW ALL's three), EXECUTE (its statement's), the rest. */
    private BackendMessage sessionCommandColumns(ParsedStatement statement) throws SQLException {
        if (statement.info().kind() == StatementKind.SHOW) {
            String column = session.commands().settings().showColumn(SqlWords.of(statement.sql()));
            return column == null ? ResultColumns.text("name", "setting", "description").rowDescription()
                    : ResultColumns.text(column).rowDescription();
        }
        if (statement.info().kind() == StatementKind.FETCH) {
            ResultColumns columns = session.commands().cursors().columnsOf(statement.sql());
            return columns == null ? new BackendMessage.NoData() : columns.rowDescription();
        }
        if (statement.info().kind() == StatementKind.EXECUTE) {
            ParsedStatement target = runner.statement(session.commands().prepared().executedName(statement.sql()));
            BackendDialect dialect = session.backendConnection().backend().dialect();
            try (PreparedStatement prepared = session.backendConnection().get()
                    .prepareStatement(runner.withSessionFunctions(target, false).jdbcSql().sql())) {
                ResultSetMetaData md = prepared.getMetaData();
                return md == null || md.getColumnCount() == 0
                        || target.markedRows() && !target.info().returnsRows() ? new BackendMessage.NoData()
                        : ResultColumns.of(md, dialect, null, target.resultHints(), BackendCatalogs.of(
                                session.backendConnection().backend()).through(session.backendConnection().get()))
                                .rowDescription();
            }
        }
        return new BackendMessage.NoData();
    }
}
