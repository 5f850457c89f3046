package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code pg_stat_activity} on the catalog engine: the proxy's live sessions, with PostgreSQL 15's columns in its
 * order. Each session's engine connection has a table of its own (H2's local temporary tables are private to a
 * connection), filled with a snapshot of the sessions just before a catalog query that names it. A session of
 * another user shows what PostgreSQL shows a role that is neither that user nor a member of pg_read_all_stats:
 * database, pid, user and application_name, and {@code <insufficient privilege>} as its query. Sessions waiting
 * for their client wait on {@code Client}/{@code ClientRead}, as PostgreSQL's do; pgbridge has no transaction ids
 * (backend_xid, backend_xmin are null).
 */
public final class StatActivity {
    /** What pgbridge knows of one session. {@code clientAddress} null (and port -1) for a Unix-domain socket. */
    public record Row(int pid, String database, String user, String applicationName, String clientAddress,
                      int clientPort, Instant backendStart, Instant xactStart, Instant queryStart, Instant stateChange,
                      String state, String query) {
    }

    /**
     * The declared types say PostgreSQL's (CatalogResultTypes): name varchar(63), oid numeric(10), inet
     * varchar(50), xid numeric(11).
     */
    private static final String TABLE = "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + CatalogEngine.SCHEMA
            + ".pg_stat_activity (datid numeric(10), datname varchar(63), pid int, leader_pid int,"
            + " usesysid numeric(10), usename varchar(63), application_name varchar, client_addr varchar("
            + CatalogResultTypes.INET_LENGTH + "), client_hostname varchar, client_port int,"
            + " backend_start timestamp with time zone, xact_start timestamp with time zone,"
            + " query_start timestamp with time zone, state_change timestamp with time zone, wait_event_type varchar,"
            + " wait_event varchar, state varchar, backend_xid numeric(" + CatalogResultTypes.XID_DIGITS + "),"
            + " backend_xmin numeric(" + CatalogResultTypes.XID_DIGITS + "), query_id bigint, query varchar,"
            + " backend_type varchar)";
    private static final String INSERT = "INSERT INTO " + CatalogEngine.SCHEMA + ".pg_stat_activity (datid, datname,"
            + " pid, usesysid, usename, application_name, client_addr, client_port, backend_start, xact_start,"
            + " query_start, state_change, wait_event_type, wait_event, state, query, backend_type) VALUES ((SELECT oid"
            + " FROM " + CatalogEngine.SCHEMA + ".pg_database WHERE datname = ?), ?, ?, (SELECT oid FROM "
            + CatalogEngine.SCHEMA + ".pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StatActivity() {
    }

    /** True when a catalog query reads pg_stat_activity, which must then be filled first. */
    public static boolean isNamedIn(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains("pg_stat_activity");
    }

    /** Replaces the rows of the connection's pg_stat_activity with {@code sessions}, as {@code viewer} sees them. */
    public static void fill(CatalogEngine engine, Connection engineConnection, List<Row> sessions, String viewer)
            throws SQLException {
        for (Row s : sessions) {
            engine.list(s.database(), s.user());
        }
        try (Statement st = engineConnection.createStatement()) {
            st.execute(TABLE);
            st.execute("DELETE FROM " + CatalogEngine.SCHEMA + ".pg_stat_activity");
        }
        try (PreparedStatement ps = engineConnection.prepareStatement(INSERT)) {
            for (Row s : sessions) {
                boolean visible = s.user().equals(viewer);
                ps.setString(1, s.database());
                ps.setString(2, s.database());
                ps.setInt(3, s.pid());
                ps.setString(4, s.user());
                ps.setString(5, s.user());
                ps.setString(6, s.applicationName());
                ps.setString(7, visible ? s.clientAddress() : null);
                ps.setObject(8, visible ? s.clientPort() : null);
                ps.setObject(9, visible ? time(s.backendStart()) : null);
                ps.setObject(10, visible ? time(s.xactStart()) : null);
                ps.setObject(11, visible ? time(s.queryStart()) : null);
                ps.setObject(12, visible ? time(s.stateChange()) : null);
                boolean waitsForClient = visible && !s.state().equals("active");
                ps.setString(13, waitsForClient ? "Client" : null);
                ps.setString(14, waitsForClient ? "ClientRead" : null);
                ps.setString(15, visible ? s.state() : null);
                ps.setString(16, visible ? s.query() : "<insufficient privilege>");
                ps.setString(17, visible ? "client backend" : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
