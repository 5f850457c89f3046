package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.proxy.catalog.BackendCatalogs;
import io.pgbridge.proxy.catalog.SkippedDdlNotices;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.StatementKind;
import io.pgbridge.translation.StatementSplitter;
import io.pgbridge.translation.schema.SchemaRewrites;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs the simple and extended query protocols of one session against its backend connection: statements, portals,
 * parameter decoding and binding, and streaming of result rows with backpressure.
 */
final class QueryRunner {
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final Session session;
    private final LimitsConfig limits;
    private final StatementDescriber describer;
    private final CopyCommand copy;
    private final BackendWarnings warnings;
    private final PortalExecution execution;
    private final SessionStatements named = new SessionStatements();
    /** The portal a session command writes its rows into (SHOW). */
    private Portal current;
    private final RunningStatement running;

    QueryRunner(Session session, LimitsConfig limits, ScheduledExecutorService timers) {
        this.session = session;
        this.limits = limits;
        this.running = new RunningStatement(timers);
        this.describer = new StatementDescriber(session, this);
        this.copy = new CopyCommand(session, limits, running);
        this.warnings = new BackendWarnings(session);
        this.execution = new PortalExecution(session, limits, running, warnings);
    }

    // ---- simple query ----

    void simpleQuery(String sql) throws Exception {
        session.running(sql);
        named.closeStatement("");
        named.closePortal("");
        List<String> parts = StatementSplitter.split(sql);
        if (parts.isEmpty()) {
            session.writer().send(new BackendMessage.EmptyQueryResponse());
            return;
        }
        List<ParsedStatement> statements = parts.stream().map(this::analyseOnce).toList();
        // Several statements in one Query run as one transaction, as in PostgreSQL; a BEGIN among them takes it over.
        TransactionCommands transactions = session.transactions();
        if (statements.size() > 1 && session.transactionStatus() == TransactionStatus.IDLE) {
            transactions.beginImplicit();
        }
        try {
            for (ParsedStatement statement : statements) {
                Portal portal = new Portal("", statement, null, NO_PARAMETERS);
                try {
                    run(portal, 0, true);
                } catch (Exception e) {
                    session.backendConnection().endStreaming(false);
                    throw e;
                } finally {
                    portal.close();
                }
                session.backendConnection().endStreaming(true);
            }
            if (transactions.inImplicit()) {
                transactions.endImplicit(true);
            }
        } catch (Exception e) {
            if (transactions.inImplicit()) {
                try {
                    transactions.endImplicit(false);
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);   // the statement's own error is what the client needs
                }
            }
            throw e;
        }
    }

    // ---- extended query ----

    void parse(FrontendMessage.Parse parse) {
        session.running(parse.sql());
        defineStatement(parse.statementName(), parse.sql(), parse.parameterTypes());
        session.writer().send(new BackendMessage.ParseComplete());
    }

    /**
     * A named statement, from Parse or from SQL's PREPARE: one namespace, as in PostgreSQL, where only the unnamed
     * statement may be replaced.
     */
    void defineStatement(String name, String sql, int[] parameterTypes) {
        named.checkStatementFree(name);
        List<String> parts = StatementSplitter.split(sql);
        if (parts.size() > 1) {
            throw new PgException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        ParsedStatement statement = analyse(name, parts.isEmpty() ? "" : parts.get(0), parameterTypes);
        checkNotFailed(statement.info());   // PostgreSQL refuses Parse (and Bind) in a failed transaction too
        named.define(name, statement);
    }

    void bind(FrontendMessage.Bind bind) throws SQLException {
        ParsedStatement parsed = statement(bind.statementName());
        session.running(parsed.sql());
        checkNotFailed(parsed.info());   // before anything reaches the backend, as PostgreSQL refuses the Bind itself
        String name = bind.portalName();
        named.checkPortalFree(name);
        int expected = parsed.parameterCount();
        if (bind.parameterValues().length != expected) {
            throw new PgException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + bind.parameterValues().length
                    + " parameters, but prepared statement \"" + parsed.name() + "\" requires " + expected);
        }
        ParsedStatement statement = withParameterTypesFixed(parsed, bind);
        Object[] values = new Object[expected];
        for (int i = 0; i < expected; i++) {
            values[i] = Parameters.decode(statement, bind, i, session.settings().textContext());
        }
        named.addPortal(new Portal(name, statement, bind, values));
        session.writer().send(new BackendMessage.BindComplete());
    }

    /**
     * The statement with types for the parameters its client left open, as PostgreSQL fixes them at Parse: binary
     * values take the types Describe reports (asyncpg, node-postgres's Buffers), and text values on backends that
     * convert text otherwise take the type of the column they meet.
     */
    private ParsedStatement withParameterTypesFixed(ParsedStatement parsed, FrontendMessage.Bind bind)
            throws SQLException {
        int[] described = named.describedParameterTypes(bind.statementName());
        if (described == null && Parameters.bindsOpenType(parsed, bind, true)) {
            described = describer.parameterTypes(parsed);
        }
        ParsedStatement statement = Parameters.withOpenTypes(parsed, described, bind, true);
        if (Parameters.bindsOpenType(statement, bind, false)) {
            statement = Parameters.withOpenTypes(statement, named.schemaParameterTypes(bind.statementName(),
                    () -> describer.openParameterTypesFromSchema(parsed)), bind, false);
        }
        return statement;
    }

    void describe(FrontendMessage.Describe describe) throws Exception {
        if (describe.kind() == 'S') {
            ParsedStatement statement = statement(describe.name());
            try {
                int[] types = describer.describe(statement);
                if (types != null) {
                    named.described(describe.name(), types);
                }
            } catch (Exception e) {
                throw StatementAnalysis.inClientTerms(e, statement);
            }
            return;
        }
        Portal portal = portal(describe.name());
        StatementKind kind = portal.statement.info().kind();
        if (kind == StatementKind.EMPTY || kind == StatementKind.COPY) {
            // COPY runs at Execute, where the CopyInResponse/CopyOutResponse says what it carries
            session.writer().send(new BackendMessage.NoData());
            return;
        }
        checkNotFailed(portal.statement.info());
        Portal described = resolveExecute(portal);
        running.timed(statementTimeout(), () -> start(described, true));
        session.writer().send(described.returnsRows() ? described.columns.rowDescription()
                : new BackendMessage.NoData());
    }

    void execute(FrontendMessage.Execute execute) throws Exception {
        Portal portal = portal(execute.portalName());
        session.running(portal.statement.sql());
        run(portal, execute.maxRows(), false);
    }

    void close(FrontendMessage.Close close) {
        if (close.kind() == 'S') {
            named.closeStatement(close.name());
        } else {
            named.closePortal(close.name());
        }
        session.writer().send(new BackendMessage.CloseComplete());
    }

    /** Ends the implicit transaction at Sync: committed when everything since the last Sync succeeded. */
    void sync(boolean success) throws SQLException {
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            // The implicit transaction ends here, and every portal with it.
            named.closePortals();
            session.backendConnection().endStreaming(success);
            if (session.transactions().inImplicit()) {
                session.transactions().endImplicit(success);
            }
        }
    }

    // ---- running a portal ----

    /** Starts the query of a cursor's DECLARE: its result set stays open in the portal, nothing is sent. */
    void open(Portal portal) throws Exception {
        start(portal, false);
    }

    /** Runs (or resumes) a portal, sending at most {@code maxRows} rows (0 = all), then its completion. */
    private void run(Portal portal, int maxRows, boolean describe) throws Exception {
        running.timed(statementTimeout(), () -> runUntimed(portal, maxRows, describe));
    }

    private void runUntimed(Portal portal, int maxRows, boolean describe) throws Exception {
        StatementInfo info = portal.statement.info();
        if (info.kind() == StatementKind.EMPTY) {
            session.writer().send(new BackendMessage.EmptyQueryResponse());
            return;
        }
        if (portal.completionTag != null && !portal.returnsRows()) {
            // Already run (by Describe, or a previous Execute that completed it).
            session.writer().send(new BackendMessage.CommandComplete(portal.completionTag));
            return;
        }
        checkNotFailed(info);
        portal = resolveExecute(portal);
        info = portal.statement.info();
        start(portal, false);
        if (portal.returnsRows()) {
            if (describe && portal.fetch == null) {   // a FETCH sends it when it reaches the cursor's rows
                session.writer().send(portal.columns.rowDescription());
            }
            long sent = stream(portal, maxRows);
            if (portal.completionTag == null) {
                session.writer().send(new BackendMessage.PortalSuspended());
                return;
            }
            // PostgreSQL counts the rows of this Execute for queries and FETCH
            session.writer().send(new BackendMessage.CommandComplete(switch (info.kind()) {
                case SELECT, VALUES, TABLE -> "SELECT " + sent;
                case FETCH -> "FETCH " + sent;
                default -> portal.completionTag;
            }));
            return;
        }
        session.writer().send(new BackendMessage.CommandComplete(portal.completionTag));
    }

    /**
     * Executes the portal's statement once; the result set stays open for streaming. {@code forDescribe}: called by
     * Describe, so that this portal's own Execute is still queued.
     */
    private void start(Portal portal, boolean forDescribe) throws Exception {
        try {
            startUnmapped(portal, forDescribe);
        } catch (Exception e) {
            throw StatementAnalysis.inClientTerms(e, portal.statement);
        }
    }

    private void startUnmapped(Portal portal, boolean forDescribe) throws Exception {
        if (portal.started) {
            return;
        }
        portal.started = true;
        ParsedStatement statement = portal.statement;
        StatementInfo info = statement.info();
        BackendConnection backend = session.backendConnection();
        BackendDialect dialect = backend.backend().dialect();
        if (SessionCommands.handles(statement, dialect.isPostgres())) {
            if (info.kind() == StatementKind.ROLLBACK || info.kind() == StatementKind.ROLLBACK_TO_SAVEPOINT) {
                BackendCatalogs.of(backend.backend()).invalidate();   // it may undo DDL (SQLite's is transactional)
            }
            current = portal;
            try {
                portal.completionTag = session.commands().run(portal);
            } finally {
                current = null;
            }
            return;
        }
        if (info.kind() == StatementKind.COPY && CopyCommand.handles(statement, dialect.isPostgres())) {
            portal.completionTag = copy.run(statement);
            return;
        }
        if (statement.jdbcSql().sql().isEmpty()) {
            // Translated to nothing (Translation.NOTHING): PostgreSQL's answer without a backend round trip.
            portal.completionTag = info.commandTag(0);
            return;
        }
        TransactionCommands transactions = session.transactions();
        if (!portal.simpleQuery && !transactions.inImplicit() && session.transactionStatus() == TransactionStatus.IDLE) {
            // Extended protocol: several Executes before one Sync are one transaction in PostgreSQL.
            int queued = session.queuedExecutesBeforeSync();
            if (queued < 0 || queued > (forDescribe ? 1 : 0)) {
                transactions.beginImplicit();
            }
        }
        portal.runAs = withSessionFunctions(statement, true);
        if (portal.runAs.catalog()) {
            execution.startCatalogQuery(portal);
            return;
        }
        if (!portal.runAs.resultHints().followUps().isEmpty() && !transactions.inImplicit()
                && session.transactionStatus() == TransactionStatus.IDLE) {
            transactions.beginImplicit();   // the statement and its follow-up stand or fall together
        }
        if (info.kind() == StatementKind.DECLARE) {
            session.commands().cursors().beforeDeclareOnPostgres(portal);   // the others were answered above
        }
        transactions.beforeBackendStatement(info);
        Connection connection = backend.get();
        if (dialect.isPostgres() && touchesSessionState(info)) {
            backend.markDirty();
        }
        portal.runAs = StatementAnalysis.withTypedLiterals(portal.runAs, connection, backend.backend());
        if (info.returnsRows() && dialect.declaresTypesInComments() && dialect.readsResultsAheadForMetadata()) {
            // Result columns may have types declared in the catalog; read the tables now, before a result is open.
            SchemaRewrites.readTablesOf(portal.runAs.sql(), BackendCatalogs.of(backend.backend()).through(connection));
        }
        List<BackendMessage.Notice> skipped = List.of();
        boolean changesCatalog = info.kind() == StatementKind.DDL || info.kind() == StatementKind.COMMENT;
        if (changesCatalog) {
            BackendCatalogs.of(backend.backend()).invalidate();
        }
        if (info.kind() == StatementKind.DDL) {
            skipped = SkippedDdlNotices.of(statement.sql(), connection, dialect);
        }
        if (info.returnsRows()) {
            boolean inClientTransaction = session.transactionStatus() != TransactionStatus.IDLE || transactions.inImplicit();
            if (!inClientTransaction && dialect.streamsOnlyInTransaction() && statement.repeatable()
                    && execution.executeBounded(portal, connection, dialect)) {
                return;
            }
            backend.beginStreamingIfNeeded(inClientTransaction);
        }
        boolean hasResultSet = execution.execute(portal, connection, dialect, ResultSet.TYPE_FORWARD_ONLY, 0);
        if (changesCatalog) {
            BackendCatalogs.of(backend.backend()).invalidate();   // again: another session may have read it meanwhile
        }
        Statement jdbc = portal.jdbc;
        for (String followUp : portal.runAs.resultHints().followUps()) {
            portal.expectedRows = execution.runFollowUp(followUp, portal, connection, dialect);
        }
        for (BackendMessage.Notice notice : skipped) {
            session.writer().send(new BackendMessage.NoticeResponse(notice));
        }
        warnings.forward(jdbc, info);
        if (hasResultSet && !info.returnsRows() && portal.runAs.markedRows()) {
            // Rows the backend returned only to be counted (an upsert without RETURNING on MariaDB).
            running.finished();
            portal.completionTag = info.commandTag(ResultColumns.countClientRows(jdbc.getResultSet()));
            portal.close();
        } else if (hasResultSet) {
            portal.resultSet = jdbc.getResultSet();
            portal.columns = ResultColumns.of(portal.resultSet.getMetaData(), dialect, portal.bind,
                    portal.runAs.resultHints(), dialect.readsResultsAheadForMetadata()
                            ? BackendCatalogs.of(backend.backend()).known()
                            : BackendCatalogs.of(backend.backend()).through(connection));
            if (info.kind() == StatementKind.FETCH && dialect.isPostgres()) {
                portal.columns = session.commands().cursors().postgresFetchColumns(portal, connection);
            }
        } else {
            running.finished();
            portal.completionTag = info.commandTag(Math.max(0, jdbc.getUpdateCount()));
            portal.close();
        }
    }

    /** Sends rows of a started portal; returns how many this call sent. Sets the completion tag at the end. */
    private long stream(Portal portal, int maxRows) throws Exception {
        ClientWriter writer = session.writer();
        var context = session.settings().textContext();
        long sent = 0;
        if (portal.fetch != null) {
            return portal.fetch.send(portal, maxRows);
        }
        if (portal.localRows != null) {
            while ((maxRows == 0 || sent < maxRows) && portal.localIndex < portal.localRows.size()) {
                portal.columns.writeRow(portal.localRows.get(portal.localIndex++), writer.buffer(), context);
                sent++;
            }
            if (portal.localIndex >= portal.localRows.size()) {
                portal.completionTag = portal.completionTag == null ? "SELECT " + sent : portal.completionTag;
            }
            return sent;
        }
        var rs = portal.resultSet;
        if (rs == null) {
            return 0;   // already ran to the end: PostgreSQL answers "SELECT 0"
        }
        try {
            while (maxRows == 0 || sent < maxRows) {
                if (!rs.next()) {
                    warnings.failOnValueWarnings(portal.jdbc.getWarnings(), portal.statement.info());
                    if (portal.expectedRows >= 0 && portal.expectedRows != portal.rowsSent) {
                        throw new PgException(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to"
                                + " concurrent update (" + portal.rowsSent + " rows locked, " + portal.expectedRows
                                + " updated)");
                    }
                    portal.completionTag = portal.statement.info().commandTag(portal.rowsSent);
                    portal.close();
                    break;
                }
                if (!portal.columns.isClientRow(rs)) {
                    continue;
                }
                int rowStart = writer.buffer().writerIndex();
                try {
                    portal.columns.writeRow(rs, writer.buffer(), context);
                } catch (SQLException | RuntimeException e) {
                    // A value that fails to read or encode must not leave half a DataRow before the ErrorResponse.
                    writer.buffer().writerIndex(rowStart);
                    throw e;
                }
                sent++;
                portal.rowsSent++;
                writer.flushIfLarge();
            }
        } finally {
            if (portal.completionTag != null) {
                running.finished();
            }
        }
        return sent;
    }

    /** EXECUTE of a prepared statement runs that statement, bound to the arguments, in a portal of its own. */
    private Portal resolveExecute(Portal portal) {
        if (portal.statement.info().kind() != StatementKind.EXECUTE) {
            return portal;
        }
        if (portal.target == null) {
            String sql = portal.statement.sql();
            PreparedStatementCommands prepared = session.commands().prepared();
            ParsedStatement target = statement(prepared.executedName(sql));
            FrontendMessage.Bind bind = prepared.execute(sql, target, portal.bind);
            Object[] values = new Object[target.parameterCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Parameters.decode(target, bind, i, session.settings().textContext());
            }
            portal.target = new Portal(portal.name, target, bind, values);
            portal.target.simpleQuery = portal.simpleQuery;
        }
        return portal.target;
    }

    /**
     * The statement with the session functions it calls replaced by their values ({@code apply}: set_config() takes
     * effect). Such statements are analysed again every time, never cached: their text depends on the session.
     */
    ParsedStatement withSessionFunctions(ParsedStatement statement, boolean apply) throws SQLException {
        if (!statement.sessionFunctions()) {
            return statement;
        }
        SessionFunctions.Substituted rewritten = SessionFunctions.substitute(statement.sql(), session.functionContext(),
                apply);
        // No call after all (a table named "users"): the statement still needs its translation.
        String sql = rewritten == null ? statement.sql() : rewritten.sql();
        ParsedStatement analysed = StatementAnalysis.rewritten(statement, sql, dialect());
        return rewritten == null ? analysed : analysed.withResultTypes(rewritten.columnTypes());
    }

    // ---- proxy-made results, lookups, cleanup ----

    /** Rows computed by a session command (SHOW) for the portal being run. */
    void sendRows(ResultColumns columns, List<Object[]> rows) {
        if (current == null) {
            throw new IllegalStateException("no portal to send rows for");
        }
        current.columns = columns;
        current.localRows = rows;
    }

    private ParsedStatement analyse(String name, String sql, int[] parameterTypes) {
        return StatementAnalysis.cached(name, sql, parameterTypes, dialect());
    }

    /** A statement of a simple Query: literals vary from one to the next, so caching would only churn. */
    private ParsedStatement analyseOnce(String sql) {
        return StatementAnalysis.once(sql, dialect());
    }

    private long statementTimeout() {
        return session.settings().milliseconds(BuiltinSettings.STATEMENT_TIMEOUT);
    }

    private BackendDialect dialect() {
        return session.backendConnection().backend().dialect();
    }

    private void checkNotFailed(StatementInfo info) {
        if (session.transactionStatus() == TransactionStatus.FAILED) {
            StatementKind kind = info.kind();
            if (kind != StatementKind.ROLLBACK && kind != StatementKind.COMMIT && kind != StatementKind.ROLLBACK_TO_SAVEPOINT) {
                throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                        "current transaction is aborted, commands ignored until end of transaction block");
            }
        }
    }

    private static boolean touchesSessionState(StatementInfo info) {
        return switch (info.kind()) {
            case SET, RESET, PREPARE, DECLARE, LISTEN, DISCARD, DDL -> true;
            default -> false;
        };
    }

    ParsedStatement statement(String name) {
        return named.statement(name);
    }

    /** The session's connection to its backend's catalog engine, brought up to date for {@code sql}. */
    Connection catalogConnection(String sql) throws SQLException {
        return execution.catalogConnection(sql);
    }

    private Portal portal(String name) {
        return named.portal(name);
    }

    void deallocate(String name) {
        named.deallocate(name);
    }

    void deallocateAll() {
        named.deallocateAll();
    }

    void closeAll() {
        session.commands().cursors().closeAll();
        named.closeAll();
    }

    /** The backend statement a cancel request stops from now on: a cursor's query while a FETCH reads it. */
    void running(Statement statement) {
        if (statement == null) {
            running.finished();
        } else {
            running.started(statement);   // so that statement_timeout stops a long FETCH too
        }
    }

    void cancelRunning() {
        running.cancel();
    }
}
