package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL's storage gives each user relation in pg_class: a file node (its own oid) for tables, indexes
 * and sequences, replica identity {@code n} for all but tables, and a TOAST table for a table whose rows may
 * outgrow a page's quarter, as PostgreSQL's {@code needs_toast_table} decides: a column of unbounded variable length
 * (text, bytea, numeric without precision…), or bounded ones that may add up to more than
 * {@value #TOAST_TUPLE_THRESHOLD} bytes (a character counts 4 bytes in UTF-8).
 */
final class StorageRows {
    private static final int TOAST_TUPLE_THRESHOLD = 2032;
    private static final int PG_TOAST = 99;

    private StorageRows() {
    }

    static void fill(Connection engine, CatalogOids oids) throws SQLException {
        try (Statement st = engine.createStatement()) {
            st.execute("UPDATE pg_class SET relfilenode = oid WHERE oid >= 16384 AND relkind IN ('r', 'i', 'S', 'm')");
            st.execute("UPDATE pg_class SET relreplident = 'n' WHERE oid >= 16384 AND relkind NOT IN ('r', 'p', 'm')");
        }
        try (PreparedStatement tables = engine.prepareStatement("SELECT c.oid, n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid >= 16384 AND c.relkind = 'r'");
             ResultSet rs = tables.executeQuery()) {
            while (rs.next()) {
                int table = rs.getInt(1);
                if (needsToast(engine, table)) {
                    int toast = oids.of("toast", rs.getString(2), rs.getString(3));
                    try (PreparedStatement ps = engine.prepareStatement("INSERT INTO pg_class (oid, relname,"
                            + " relnamespace, reltype, relowner, relam, relfilenode, relhasindex, relkind, relnatts)"
                            + " VALUES (?, ?, ?, 0, ?, ?, ?, true, 't', 3)")) {
                        ps.setInt(1, toast);
                        ps.setString(2, "pg_toast_" + table);
                        ps.setInt(3, PG_TOAST);
                        ps.setInt(4, CatalogOids.BOOTSTRAP_SUPERUSER);
                        ps.setInt(5, CatalogOids.HEAP);
                        ps.setInt(6, toast);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = engine.prepareStatement("UPDATE pg_class SET reltoastrelid = ? WHERE oid = ?")) {
                        ps.setInt(1, toast);
                        ps.setInt(2, table);
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private static boolean needsToast(Connection engine, int table) throws SQLException {
        long size = 0;
        try (PreparedStatement ps = engine.prepareStatement("SELECT attlen, atttypid, atttypmod, attstorage"
                + " FROM pg_attribute WHERE attrelid = ? AND attnum > 0")) {
            ps.setInt(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int length = rs.getInt(1);
                    if (length > 0) {
                        size += length;
                        continue;
                    }
                    int maximum = maximumSize(rs.getInt(2), rs.getInt(3));
                    if (maximum < 0) {
                        if (!"p".equals(rs.getString(4))) {
                            return true;
                        }
                    } else {
                        size += maximum;
                    }
                }
            }
        }
        return size > TOAST_TUPLE_THRESHOLD;
    }

    /** PostgreSQL's type_maximum_size: the largest value of a bounded type, -1 for an unbounded one. */
    private static int maximumSize(int type, int typmod) {
        if (typmod < 0) {
            return -1;
        }
        return switch (type) {
            case 1042, 1043 -> (typmod - 4) * 4 + 4;   // varchar(n), char(n): n characters of up to 4 bytes
            case 1700 -> ((typmod - 4) >> 16) / 4 * 2 + 2 + 8;   // numeric(p, s): base-10000 digits and a header
            default -> -1;
        };
    }
}
