package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.Dialects;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BackendCatalogs;
import io.pgbridge.proxy.catalog.CatalogResultTypes;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.StatementKind;
import io.pgbridge.translation.schema.SchemaRewrites;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;

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

    /** Sends ParameterDescription and RowDescription (or NoData); returns the parameter types it reported. */
    int[] describe(ParsedStatement statement) throws SQLException {
        StatementInfo info = statement.info();
        BackendDialect dialect = session.backendConnection().backend().dialect();
        if (info.kind() == StatementKind.EMPTY || info.kind() == StatementKind.EXECUTE
                || SessionCommands.handles(statement, dialect.isPostgres()) || statement.jdbcSql().sql().isEmpty()) {
            session.writer().send(new BackendMessage.ParameterDescription(statement.parameterTypes()));
            session.writer().send(sessionCommandColumns(statement));
            return null;
        }
        ParsedStatement described = runner.withSessionFunctions(statement, false);
        int count = described.parameterCount();
        if (described.catalog()) {
            dialect = CatalogResultTypes.INSTANCE;   // the catalog engine's H2, with PostgreSQL's catalog types
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
            if (!described.catalog()) {
                inferFromSchema(statement, types, connection);
            }
            session.writer().send(new BackendMessage.ParameterDescription(types));
            ResultSetMetaData md = prepared.getMetaData();
            boolean noRows = md == null || columnCount(md, described.info()) == 0
                    || described.markedRows() && !described.info().returnsRows();
            session.writer().send(noRows ? new BackendMessage.NoData()
                    : ResultColumns.of(md, dialect, null, described.resultHints(), BackendCatalogs.of(
                            session.backendConnection().backend()).through(connection)).rowDescription());
            return types;
        }
    }

    /**
     * The result's column count; 0 for a statement that returns no rows whose driver fails to say so (sqlite-jdbc
     * throws "column 1 out of bounds" for an INSERT once its table has been recreated on the connection).
     */
    private static int columnCount(ResultSetMetaData md, StatementInfo info) throws SQLException {
        try {
            return md.getColumnCount();
        } catch (SQLException e) {
            if (info.returnsRows()) {
                throw e;
            }
            return 0;
        }
    }

    /**
     * Fills the types the backend's driver could not describe (MariaDB's and SQLite's drivers describe none) with
     * the type of the column each parameter goes into or is compared with, as PostgreSQL infers them at Parse; what
     * is left is text, PostgreSQL's type for a parameter nothing types. A client that binds in the described types
     * (asyncpg) then sends values the backend takes.
     */
    private void inferFromSchema(ParsedStatement statement, int[] types, Connection connection) {
        boolean open = false;
        for (int type : types) {
            open |= type == PgOid.UNSPECIFIED;
        }
        if (!open) {
            return;
        }
        Map<Integer, String> inferred = SchemaRewrites.parameterTypes(statement.sql(),
                BackendCatalogs.of(session.backendConnection().backend()).through(connection));
        for (int i = 0; i < types.length; i++) {
            if (types[i] == PgOid.UNSPECIFIED) {
                int oid = oidOf(inferred.get(i + 1));
                types[i] = oid != 0 ? oid : PgOid.TEXT;
            }
        }
    }

    /** The OID of a type as {@link PgOid#castName} writes it ({@code int4}, {@code boolean}, {@code text[]}). */
    private static int oidOf(String castName) {
        if (castName == null) {
            return 0;
        }
        boolean array = castName.endsWith("[]");
        String element = array ? castName.substring(0, castName.length() - 2) : castName;
        String typname = element.equals("boolean") ? "bool" : element;
        return PgOid.forTypeName(array ? "_" + typname : typname);
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
