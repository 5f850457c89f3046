package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.translation.StatementInfo;

import java.sql.SQLException;
import java.sql.Statement;

/** What the backend warned about a statement: notices for the client, or the error PostgreSQL would have raised. */
final class BackendWarnings {
    private final Session session;

    BackendWarnings(Session session) {
        this.session = session;
    }

    /**
     * The backend's notices for this statement reach the client as NoticeResponse, as PostgreSQL sends them; a
     * warning that PostgreSQL raises as an error fails the statement instead ({@link #failOnValueWarnings}).
     */
    void forward(Statement jdbc, StatementInfo info) throws SQLException {
        // Read once: MariaDB's driver answers getWarnings() from SHOW WARNINGS, and only the first time.
        java.sql.SQLWarning warnings = jdbc.getWarnings();
        failOnValueWarnings(warnings, info);
        for (java.sql.SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
            for (BackendMessage.Notice notice : ErrorMapper.notices(w)) {
                session.writer().send(new BackendMessage.NoticeResponse(notice));
            }
        }
    }

    /**
     * Throws the error PostgreSQL raises where the backend only warned (MariaDB's division by zero in a SELECT).
     * Called when the statement has finished, as the warnings arrive with its end. A statement that changed data
     * fails only inside a transaction, whose rollback undoes the change; in autocommit it is committed already,
     * and failing it would tell the client that nothing happened, so its warnings stay notices.
     */
    void failOnValueWarnings(java.sql.SQLWarning warnings, StatementInfo info) {
        boolean changesData = switch (info.kind()) {
            case INSERT, UPDATE, DELETE, MERGE -> true;
            default -> false;
        };
        if (changesData && session.transactionStatus() == TransactionStatus.IDLE
                && !session.transactions().inImplicit()) {
            return;
        }
        for (java.sql.SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
            PgException error = ErrorMapper.errorFor(w);
            if (error != null) {
                throw error;
            }
        }
    }
}
