package io.pgbridge.proxy.session;

import io.pgbridge.proxy.catalog.StatActivity;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;

/**
 * What pg_stat_activity shows of one session: written by the session's own thread as it takes messages and answers
 * ReadyForQuery, read by any session's catalog query. Plain volatile fields, no lock: a reader may see a query with
 * the previous query's start, which PostgreSQL's readers can see too.
 */
final class SessionActivity {
    private final int processId;
    private final Instant backendStart = Instant.now();
    private final String clientAddress;
    private final int clientPort;
    private volatile String database;
    private volatile String user;
    private volatile String applicationName = "";
    private volatile String state;
    private volatile String query = "";
    private volatile Instant queryStart;
    private volatile Instant stateChange;
    private volatile Instant xactStart;

    SessionActivity(int processId, SocketAddress client) {
        this.processId = processId;
        if (client instanceof InetSocketAddress inet && inet.getAddress() != null) {
            this.clientAddress = inet.getAddress().getHostAddress().replaceFirst("%.*$", "");
            this.clientPort = inet.getPort();
        } else {
            this.clientAddress = null;   // a Unix-domain socket, as PostgreSQL shows it
            this.clientPort = -1;
        }
    }

    /** After authentication: the session appears idle, as PostgreSQL's does before its first query. */
    void started(String database, String user, String applicationName) {
        this.database = database;
        this.user = user;
        this.applicationName = applicationName == null ? "" : applicationName;
        this.stateChange = Instant.now();
        this.state = "idle";
    }

    /** A statement starts (Query, Parse, Bind, Execute): active, with its text; its transaction starts with it. */
    void running(String sql) {
        Instant now = Instant.now();
        query = sql;
        queryStart = now;
        if (xactStart == null) {
            xactStart = now;
        }
        state = "active";
        stateChange = now;   // as PostgreSQL: each report of a state, changed or not
    }

    /** ReadyForQuery: idle, in a transaction block or not; the last query stays shown. */
    void idle(TransactionStatus status, String applicationName) {
        String next = switch (status) {
            case IDLE -> "idle";
            case IN_TRANSACTION -> "idle in transaction";
            case FAILED -> "idle in transaction (aborted)";
        };
        if (status != TransactionStatus.IN_TRANSACTION) {
            xactStart = null;   // an aborted transaction has no start time in PostgreSQL either
        }
        if (applicationName != null) {
            this.applicationName = applicationName;
        }
        state = next;
        stateChange = Instant.now();
    }

    /** The row, or null before the session is started; an idle session waits for its client (ClientRead). */
    StatActivity.Row row() {
        String s = state;
        if (s == null) {
            return null;
        }
        return new StatActivity.Row(processId, database, user, applicationName, clientAddress, clientPort,
                backendStart, xactStart, queryStart, stateChange, s, query);
    }
}
