package io.pgbridge.proxy.session;

import io.pgbridge.backend.Backend;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.auth.BackendLogin;
import io.pgbridge.proxy.catalog.CatalogEngine;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.catalog.CatalogSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The session's connection to its backend: leased on first use and kept for the session (session pooling), with the
 * transaction state the proxy put it in. Transaction pooling comes with proxy-side session state.
 */
final class BackendConnection {
    private static final Logger log = LoggerFactory.getLogger(BackendConnection.class);

    private final Backend backend;
    private final String logPrefix;
    private Connection connection;
    /** The session's connection to the backend's catalog engine, opened with its first catalog query. */
    private Connection catalogConnection;
    /** The token that ties {@link #catalogConnection} to the session ({@link CatalogSessions}). */
    private int catalogToken;
    /** A transaction pgbridge opened itself so that pgjdbc streams a result; committed when the result ends. */
    private boolean streamingTransaction;
    /** The session changed backend state that must not reach the next user of the connection. */
    private boolean dirty;
    /** The JDBC isolation level the connection is at; the pool leases connections at READ COMMITTED. */
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    /** Whether the connection is in JDBC read-only mode (used for PostgreSQL only). */
    private boolean readOnly;

    BackendConnection(Backend backend, String logPrefix) {
        this.backend = backend;
        this.logPrefix = logPrefix;
    }

    /**
     * The session's own connection, logged in with the client's credentials (the passthrough method) instead of
     * leased from the pool: one per session, closed when it ends, so a connection never serves another user and no
     * password outlives the login. A refused login waits out {@code failureDelay} and is 28P01 for the client.
     */
    static BackendConnection loggedIn(Backend backend, BackendLogin login, Duration failureDelay, String logPrefix) {
        BackendConnection session = new BackendConnection(backend, logPrefix);
        try {
            session.connection = backend.connectAs(login.user(), login.password());
            return session;
        } catch (SQLException e) {
            // The driver's words name the user, never the password; the client gets PostgreSQL's words.
            log.info("{} - backend {} refused the login of user {}: {} {}", logPrefix, backend.name(), login.user(),
                    e.getSQLState(), e.getMessage());
            if (BackendLogin.refusedBy(e.getSQLState())) {
                pause(failureDelay);
                throw AuthenticationException.passwordFailed(login.user());
            }
            if (e.getSQLState() != null && e.getSQLState().startsWith("53") || "08004".equals(e.getSQLState())) {
                throw AuthenticationException.refused(SqlState.TOO_MANY_CONNECTIONS, "backend " + backend.name()
                        + " accepts no more connections: " + e.getMessage());
            }
            throw AuthenticationException.refused(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                    "could not connect to backend " + backend.name() + ": " + e.getMessage());
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Backend backend() {
        return backend;
    }

    Connection get() throws SQLException {
        if (connection == null) {
            connection = backend.lease();
            isolation = Connection.TRANSACTION_READ_COMMITTED;
            readOnly = false;
        }
        return connection;
    }

    /**
     * Puts the connection into the isolation level (PostgreSQL's name) and read-only mode the next transaction
     * needs, before its first statement. A JDBC call is made only when something changes. READ UNCOMMITTED runs as
     * READ COMMITTED, as in PostgreSQL. Only PostgreSQL gets JDBC's read-only mode (pgjdbc sends BEGIN READ ONLY);
     * other drivers ignore it or refuse it on an open connection, so the session refuses writes itself.
     */
    void prepareTransaction(String pgIsolation, boolean readOnlyTransaction) throws SQLException {
        if (backend.dialect().supportsIsolationLevels()) {
            int level = switch (pgIsolation) {
                case "serializable" -> Connection.TRANSACTION_SERIALIZABLE;
                case "repeatable read" -> Connection.TRANSACTION_REPEATABLE_READ;
                default -> Connection.TRANSACTION_READ_COMMITTED;
            };
            if (level != isolation) {
                get().setTransactionIsolation(level);
                isolation = level;
            }
        }
        if (backend.dialect().isPostgres() && readOnlyTransaction != readOnly) {
            get().setReadOnly(readOnlyTransaction);
            readOnly = readOnlyTransaction;
        }
    }

    /**
     * The connection catalog queries of this session run on ({@link CatalogEngine}), with the engine's copy of the
     * backend's objects brought up to date through the session's own backend connection.
     */
    Connection catalog(String database, String user, int processId, CatalogSessions.Signals session)
            throws SQLException {
        CatalogEngine engine = CatalogEngine.of(backend);
        engine.refreshIfNeeded(get(), database, user);
        if (catalogConnection == null) {
            catalogConnection = engine.connect(database, processId);
            catalogToken = CatalogSessions.register(catalogConnection, session);
        }
        return catalogConnection;
    }

    boolean isLeased() {
        return connection != null;
    }

    void markDirty() {
        dirty = true;
    }

    /** Opens a transaction for streaming when the driver needs one and the client is not in its own. */
    void beginStreamingIfNeeded(boolean inClientTransaction) throws SQLException {
        if (!inClientTransaction && !streamingTransaction && backend.dialect().streamsOnlyInTransaction()) {
            get().setAutoCommit(false);
            streamingTransaction = true;
        }
    }

    /** Ends the transaction opened for streaming: committed on success, rolled back after an error. */
    void endStreaming(boolean success) throws SQLException {
        if (!streamingTransaction) {
            return;
        }
        streamingTransaction = false;
        endOwnTransaction(success);
    }

    /** Ends a transaction pgbridge opened itself (not the client): commit or rollback, then back to autocommit. */
    void endOwnTransaction(boolean commit) throws SQLException {
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * True when the leased connection no longer works (the backend closed it, crashed or was restarted); asked
     * only after an error, since the check may cost a round trip.
     */
    boolean isBroken() {
        if (connection == null) {
            return false;
        }
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Gives the connection back to the pool, rolled back and, for PostgreSQL, with session state discarded. */
    void release() {
        closeCatalog();
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (dirty && backend.dialect().isPostgres()) {
                try (Statement st = c.createStatement()) {
                    st.execute("DISCARD ALL");
                }
            }
        } catch (SQLException e) {
            log.debug("{} - backend connection reset failed, evicting it: {}", logPrefix, e.getMessage());
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closing below returns or evicts it
            }
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("{} - backend connection close failed: {}", logPrefix, e.getMessage());
            }
        }
    }

    private void closeCatalog() {
        Connection c = catalogConnection;
        catalogConnection = null;
        CatalogSessions.unregister(catalogToken);
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("{} - catalog engine connection close failed: {}", logPrefix, e.getMessage());
            }
        }
    }
}
