package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BackendCatalogs;
import io.pgbridge.proxy.catalog.CatalogResultTypes;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.catalog.CatalogQueries;
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
        if (answeredByProxy(statement)) {
            session.writer().send(new BackendMessage.ParameterDescription(statement.parameterTypes()));
            session.writer().send(sessionCommandColumns(statement));
            return null;
        }
        ParsedStatement described = runner.withSessionFunctions(statement, false);
        BackendDialect dialect = dialectOf(described);
        Connection connection = connectionOf(described);
        try (PreparedStatement prepared = connection.prepareStatement(described.jdbcSql().sql())) {
            int[] types = parameterTypes(statement, described, dialect, prepared, connection);
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
     * The types PostgreSQL would have fixed at Parse for the statement's parameters, without sending anything: for a
     * Bind that sends a parameter the client left open in binary without describing the statement first
     * (node-postgres sends a Buffer so); null when the statement runs no backend query.
     */
    int[] parameterTypes(ParsedStatement statement) throws SQLException {
        if (answeredByProxy(statement)) {
            return null;
        }
        ParsedStatement described = runner.withSessionFunctions(statement, false);
        Connection connection = connectionOf(described);
        try (PreparedStatement prepared = connection.prepareStatement(described.jdbcSql().sql())) {
            return parameterTypes(statement, described, dialectOf(described), prepared, connection);
        }
    }

    /** Statements that run no backend query: empty ones, EXECUTE, session commands, translations to nothing. */
    private boolean answeredByProxy(ParsedStatement statement) {
        StatementKind kind = statement.info().kind();
        return kind == StatementKind.EMPTY || kind == StatementKind.EXECUTE
                || SessionCommands.handles(statement, session.backendConnection().backend().dialect().isPostgres())
                || statement.jdbcSql().sql().isEmpty();
    }

    /** The dialect that types the statement's parameters and columns: the catalog engine's for catalog queries. */
    private BackendDialect dialectOf(ParsedStatement described) {
        return described.catalog() ? CatalogResultTypes.INSTANCE : session.backendConnection().backend().dialect();
    }

    private Connection connectionOf(ParsedStatement described) throws SQLException {
        return described.catalog() ? runner.catalogConnection(described.sql()) : session.backendConnection().get();
    }

    private int[] parameterTypes(ParsedStatement statement, ParsedStatement described, BackendDialect dialect,
                                 PreparedStatement prepared, Connection connection) throws SQLException {
        int[] types = new int[described.parameterCount()];
        ParameterMetaData pmd = null;
        for (int i = 0; i < types.length; i++) {
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
        } else {
            CatalogQueries.parameterCasts(described.sql()).forEach((n, castName) -> {
                PgType<?> cast = PgTypes.byName(castName);
                if (n <= types.length && cast != null && statement.parameterType(n - 1) == PgOid.UNSPECIFIED) {
                    types[n - 1] = cast.oid();
                }
            });
        }
        return types;
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
        int[] fromSchema = null;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == PgOid.UNSPECIFIED) {
                fromSchema = fromSchema != null ? fromSchema : schemaTypes(statement, types.length, connection);
                types[i] = fromSchema[i] != 0 ? fromSchema[i] : PgOid.TEXT;
            }
        }
    }

    /**
     * The types of the statement's open parameters as the columns they go into or are compared with tell (0 where
     * none does), on backends that convert text otherwise than PostgreSQL: a text value such as node-postgres's
     * {@code 'true'} for a boolean or Postgres.js's {@code '2024-02-29T00:00:00.000Z'} for a date is then read as
     * PostgreSQL reads it, where MariaDB would refuse it. Null when the backend's own conversion will do.
     */
    int[] openParameterTypesFromSchema(ParsedStatement statement) throws SQLException {
        BackendConnection backend = session.backendConnection();
        if (backend.backend().dialect().convertsParameterTextLikePostgres() || statement.catalog()) {
            return null;
        }
        int[] types = schemaTypes(statement, statement.parameterCount(), backend.get());
        for (int i = 0; i < types.length; i++) {
            types[i] = statement.parameterType(i) == 0 ? types[i] : 0;
        }
        return types;
    }

    /** The type of the column each parameter meets ({@link SchemaRewrites#parameterTypes}), 0 where none. */
    private int[] schemaTypes(ParsedStatement statement, int count, Connection connection) {
        Map<Integer, String> inferred = SchemaRewrites.parameterTypes(statement.sql(),
                BackendCatalogs.of(session.backendConnection().backend()).through(connection));
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = PgOid.forCastName(inferred.get(i + 1));
        }
        return types;
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
