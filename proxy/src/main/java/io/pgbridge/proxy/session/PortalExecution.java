package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.Dialects;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.proxy.catalog.CatalogEngine;
import io.pgbridge.proxy.catalog.CatalogResultTypes;
import io.pgbridge.proxy.catalog.CatalogSettings;
import io.pgbridge.proxy.catalog.StatActivity;
import io.pgbridge.translation.JdbcSql;
import io.pgbridge.translation.ParameterRewriter;
import io.pgbridge.translation.TypeNameRewriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JDBC side of running a portal: the statement created, bound and executed on the backend (or on the catalog
 * engine), the first bounded attempt of a repeatable query, and the translation's follow-up statements.
 */
final class PortalExecution {
    /** Rows a repeatable query may return and still be answered from its first, non-streamed attempt. */
    private static final int OPTIMISTIC_ROWS = 256;

    private final Session session;
    private final LimitsConfig limits;
    private final RunningStatement running;
    private final BackendWarnings warnings;

    PortalExecution(Session session, LimitsConfig limits, RunningStatement running, BackendWarnings warnings) {
        this.session = session;
        this.limits = limits;
        this.running = running;
        this.warnings = warnings;
    }

    /** Runs one of the translation's follow-up statements with the portal's parameters; returns its update count. */
    long runFollowUp(String statement, Portal portal, Connection connection, BackendDialect dialect)
            throws SQLException {
        String sql = TypeNameRewriter.rewrite(statement, dialect.typeNameAliases());
        JdbcSql followUp = ParameterRewriter.rewrite(sql, dialect.isPostgres());
        if (portal.bind == null) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.setEscapeProcessing(false);
                return jdbc.executeLargeUpdate(followUp.sql());
            }
        }
        try (PreparedStatement prepared = connection.prepareStatement(followUp.sql())) {
            Parameters.bind(prepared, portal, followUp, dialect, session.settings().textContext());
            return prepared.executeLargeUpdate();
        }
    }

    /** A catalog query of a non-PostgreSQL backend, run on the backend's catalog engine. */
    void startCatalogQuery(Portal portal) throws SQLException {
        execute(portal, catalogConnection(portal.runAs.sql()), Dialects.H2, ResultSet.TYPE_FORWARD_ONLY, 0);
        portal.resultSet = portal.jdbc.getResultSet();
        portal.columns = ResultColumns.of(portal.resultSet.getMetaData(), CatalogResultTypes.INSTANCE, portal.bind,
                portal.runAs.resultHints());
    }

    /**
     * The session's connection to its backend's catalog engine, brought up to date; with pg_stat_activity and
     * pg_settings filled when {@code sql} reads them.
     */
    Connection catalogConnection(String sql) throws SQLException {
        var context = session.functionContext();
        BackendConnection backend = session.backendConnection();
        Connection c = backend.catalog(context.database(), context.user(), context.processId(), session);
        if (StatActivity.isNamedIn(sql)) {
            StatActivity.fill(CatalogEngine.of(backend.backend()), c, session.sessions().activity(), context.user());
        }
        if (CatalogSettings.isNamedIn(sql)) {
            SessionSettings settings = session.settings();
            CatalogSettings.fill(c, new CatalogSettings.SessionValues(settings.all(), settings.resetValues(),
                    settings.sources()));
        }
        return c;
    }

    /**
     * For drivers that stream only inside a transaction (pgjdbc): runs a repeatable read-only query in autocommit
     * with a small row limit, which costs one round trip and no COMMIT. True when the whole result fitted; false
     * (nothing sent) when it did not, and the caller runs it again, streamed.
     */
    boolean executeBounded(Portal portal, Connection connection, BackendDialect dialect) throws SQLException {
        int limit = Math.min(limits.fetchSize(), OPTIMISTIC_ROWS);
        execute(portal, connection, dialect, ResultSet.TYPE_SCROLL_INSENSITIVE, limit + 1);
        ResultSet rs = portal.jdbc.getResultSet();
        if (rs != null && rs.last() && rs.getRow() > limit) {
            portal.close();
            return false;
        }
        if (rs == null) {
            portal.completionTag = portal.statement.info().commandTag(Math.max(0, portal.jdbc.getUpdateCount()));
            portal.close();
            return true;
        }
        warnings.forward(portal.jdbc, portal.statement.info());
        rs.beforeFirst();
        portal.resultSet = rs;
        portal.columns = ResultColumns.of(rs.getMetaData(), dialect, portal.bind, portal.runAs.resultHints());
        return true;
    }

    /** Creates the JDBC statement for the portal, binds its parameters and executes it. */
    boolean execute(Portal portal, Connection connection, BackendDialect dialect, int resultSetType, int maxRows)
            throws SQLException {
        ParsedStatement statement = portal.runAs;
        Statement jdbc;
        if (portal.bind == null) {
            jdbc = connection.createStatement(resultSetType, ResultSet.CONCUR_READ_ONLY);
            jdbc.setEscapeProcessing(false);
        } else {
            jdbc = connection.prepareStatement(statement.jdbcSql().sql(), resultSetType, ResultSet.CONCUR_READ_ONLY);
        }
        portal.jdbc = jdbc;
        jdbc.setFetchSize(dialect.fetchSize(limits.fetchSize()));
        if (maxRows > 0) {
            jdbc.setMaxRows(maxRows);
        }
        running.started(jdbc);
        if (jdbc instanceof PreparedStatement prepared) {
            Parameters.bind(prepared, portal, dialect, session.settings().textContext());
            return prepared.execute();
        }
        return jdbc.execute(dialect.isPostgres() ? statement.sql() : statement.jdbcSql().sql());
    }
}
