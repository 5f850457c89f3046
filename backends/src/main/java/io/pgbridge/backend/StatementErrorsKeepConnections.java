package io.pgbridge.backend;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * HikariCP counts SQLSTATE {@code 0A000} among the codes that mean a broken connection and evicts the connection.
 * For a proxy it is an ordinary statement error: PostgreSQL answers it to {@code TRUNCATE} of a referenced table and
 * other unsupported requests, and the connection is fine. Evicting it would also end the client's session (its
 * transaction lives on that connection), so this code never evicts; every other code is left to HikariCP.
 */
public final class StatementErrorsKeepConnections implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return "0A000".equals(e.getSQLState()) ? SQLExceptionOverride.Override.DO_NOT_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
