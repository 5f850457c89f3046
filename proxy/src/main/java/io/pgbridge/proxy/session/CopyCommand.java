package io.pgbridge.proxy.session;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.BackendDialect;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.copy.BackendSql;
import io.pgbridge.proxy.copy.CopyBackend;
import io.pgbridge.proxy.copy.CopyClient;
import io.pgbridge.proxy.copy.CopyStatement;
import io.pgbridge.proxy.copy.CopyStatementParser;
import io.pgbridge.proxy.copy.JdbcCopyIn;
import io.pgbridge.proxy.copy.JdbcCopyOut;
import io.pgbridge.proxy.copy.PostgresCopy;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import org.postgresql.core.BaseConnection;

import java.sql.Connection;

/**
 * COPY … FROM STDIN and COPY … TO STDOUT for the session: PostgreSQL backends run the client's statement through
 * pgjdbc's CopyManager; other backends get rows inserted or selected by {@code io.pgbridge.proxy.copy}. COPY FROM
 * runs in one transaction: the client's, the implicit one of its Query, or one opened here, which the query
 * protocol commits or rolls back as it does for any statement.
 */
final class CopyCommand implements CopyClient {
    private final Session session;
    private final LimitsConfig limits;
    private final RunningStatement running;

    CopyCommand(Session session, LimitsConfig limits, RunningStatement running) {
        this.session = session;
        this.limits = limits;
        this.running = running;
    }

    /** Whether pgbridge runs this COPY itself; file and program COPY on PostgreSQL backends go there unchanged. */
    static boolean handles(ParsedStatement statement, boolean postgresBackend) {
        if (!postgresBackend) {
            return true;
        }
        try {
            return CopyStatementParser.parse(statement.sql()).stdio();
        } catch (PgException e) {
            return false;   // PostgreSQL reports its own syntax errors
        }
    }

    /** Runs the COPY and returns its command tag. */
    String run(ParsedStatement statement) throws Exception {
        CopyStatement copy = CopyStatementParser.parse(statement.sql());
        BackendConnection backend = session.backendConnection();
        BackendDialect dialect = backend.backend().dialect();
        if (!copy.stdio()) {
            throw new PgException("ERROR", SqlState.FEATURE_NOT_SUPPORTED.code(),
                    "COPY to or from a file or program is not supported by pgbridge", null,
                    "Use psql's \\copy, which sends the data through the connection.", 0, null);
        }
        TransactionCommands transactions = session.transactions();
        transactions.beforeBackendStatement(statement.info());
        Connection connection = backend.get();
        long rows;
        if (dialect.isPostgres()) {
            PostgresCopy postgres = new PostgresCopy(statement.sql(), this, connection);
            // CopyManager has no statement: pgjdbc cancels whatever its connection runs.
            running.started(connection.unwrap(BaseConnection.class)::cancelQuery);
            try {
                rows = copy.from() ? postgres.copyIn() : postgres.copyOut();
            } finally {
                running.finished();
            }
        } else {
            if (copy.from() && session.transactionStatus() == TransactionStatus.IDLE && !transactions.inImplicit()) {
                transactions.beginImplicit();
            }
            try {
                rows = copy.from() ? new JdbcCopyIn(copy, this, jdbcBackend(connection, dialect)).run()
                        : new JdbcCopyOut(copy, this, jdbcBackend(connection, dialect), limits.fetchSize()).run();
            } finally {
                running.finished();
            }
        }
        return "COPY " + rows;
    }

    private CopyBackend jdbcBackend(Connection connection, BackendDialect dialect) {
        return new CopyBackend(connection, dialect, this::translate, session.settings().textContext(),
                running::started);
    }

    private BackendSql.Translated translate(String postgresSql) {
        ParsedStatement statement = StatementAnalysis.once(postgresSql, session.backendConnection().backend().dialect());
        return new BackendSql.Translated(statement.jdbcSql(), statement.booleanColumns());
    }

    // ---- the client's side, through the session ----

    @Override
    public FrontendMessage nextMessage() throws InterruptedException {
        return session.nextMessage();
    }

    @Override
    public void send(BackendMessage message) {
        session.writer().send(message);
    }

    @Override
    public ByteBuf buffer() {
        return session.writer().buffer();
    }

    @Override
    public void flush() {
        session.writer().flush();
    }

    @Override
    public void flushIfLarge() throws InterruptedException {
        session.writer().flushIfLarge();
    }
}
