package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions behind the catalog engine's connections, for the engine's functions that act on sessions
 * ({@code pg_cancel_backend}, {@code pg_terminate_backend}): each session's engine connection carries a token in the
 * H2 session variable {@code @pgbridge_session} (clients cannot set H2 variables), which finds the session here.
 */
public final class CatalogSessions {
    private static final Map<Integer, Signals> BY_TOKEN = new ConcurrentHashMap<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();

    /** What a session does for the functions: signal another session of the same server. */
    public interface Signals {
        /**
         * Cancels the statement of session {@code pid} ({@code terminate} false) or ends that session; false when
         * there is no such session (after a WARNING, as PostgreSQL). Throws PostgreSQL's 42501 when not allowed.
         */
        boolean signal(int pid, boolean terminate) throws SQLException;
    }

    private CatalogSessions() {
    }

    /** Ties {@code engineConnection} to {@code signals}; returns the token to give {@link #unregister}. */
    public static int register(Connection engineConnection, Signals signals) throws SQLException {
        int token = TOKENS.incrementAndGet();
        try (PreparedStatement ps = engineConnection.prepareStatement("SET @pgbridge_session = ?")) {
            ps.setInt(1, token);
            ps.execute();
        }
        BY_TOKEN.put(token, signals);
        return token;
    }

    public static void unregister(int token) {
        BY_TOKEN.remove(token);
    }

    static void registerFunctions(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("CREATE ALIAS pgbridge_pg_cancel_backend FOR '" + CatalogSessions.class.getName()
                    + ".cancelBackend'");
            st.execute("CREATE ALIAS pgbridge_pg_terminate_backend FOR '" + CatalogSessions.class.getName()
                    + ".terminateBackend'");
        }
    }

    public static Boolean cancelBackend(Connection c, Integer pid) throws SQLException {
        return signal(c, pid, false);
    }

    /** {@code pg_terminate_backend(pid)} (PostgreSQL's optional timeout argument is not taken). */
    public static Boolean terminateBackend(Connection c, Integer pid) throws SQLException {
        return signal(c, pid, true);
    }

    private static Boolean signal(Connection c, Integer pid, boolean terminate) throws SQLException {
        if (pid == null) {
            return null;
        }
        Signals signals;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT @pgbridge_session")) {
            signals = rs.next() ? BY_TOKEN.get(rs.getInt(1)) : null;
        }
        if (signals == null) {
            throw new SQLException("no session to signal from", "XX000");
        }
        return signals.signal(pid, terminate);
    }
}
