package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rows every PostgreSQL 15 database has: the built-in types with their real oids (from {@code pg_type.psv},
 * exported from PostgreSQL 15's own pg_type), the schemas, access methods, tablespaces, the default collation and
 * the settings drivers read.
 */
final class BuiltinRows {
    private BuiltinRows() {
    }

    static void insert(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO pg_namespace VALUES (" + CatalogOids.PG_CATALOG + ", 'pg_catalog', 10, NULL), ("
                    + CatalogOids.PUBLIC + ", 'public', 6171, NULL), (" + CatalogOids.INFORMATION_SCHEMA
                    + ", 'information_schema', 10, NULL), (99, 'pg_toast', 10, NULL)");
            st.execute("INSERT INTO pg_roles VALUES (6171, 'pg_database_owner', false, true, false, false, false, false,"
                    + " -1, '********', NULL, false, NULL)");
            st.execute("INSERT INTO pg_am VALUES (2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'),"
                    + " (405, 'hash', 'hashhandler', 'i'), (783, 'gist', 'gisthandler', 'i'), (2742, 'gin', 'ginhandler', 'i'),"
                    + " (4000, 'spgist', 'spghandler', 'i'), (3580, 'brin', 'brinhandler', 'i')");
            st.execute("INSERT INTO pg_tablespace VALUES (1663, 'pg_default', 10, NULL, NULL), (1664, 'pg_global', 10, NULL, NULL)");
            st.execute("INSERT INTO pg_collation VALUES (100, 'default', 11, 10, 'd', true, -1, NULL, NULL),"
                    + " (950, 'C', 11, 10, 'c', true, -1, 'C', 'C'), (951, 'POSIX', 11, 10, 'c', true, -1, 'POSIX', 'POSIX')");
            st.execute("INSERT INTO pg_settings (name, setting, vartype, source, boot_val, reset_val) VALUES"
                    + " ('max_index_keys', '32', 'integer', 'default', '32', '32'),"
                    + " ('max_identifier_length', '63', 'integer', 'default', '63', '63'),"
                    + " ('server_encoding', 'UTF8', 'string', 'default', 'UTF8', 'UTF8'),"
                    + " ('server_version_num', '150000', 'integer', 'default', '150000', '150000')");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pg_type (oid, typname, typnamespace, typowner, typlen,"
                + " typbyval, typtype, typcategory, typispreferred, typdelim, typrelid, typelem, typarray, typinput,"
                + " typoutput, typreceive, typsend, typalign, typstorage, typnotnull, typbasetype, typtypmod, typndims,"
                + " typcollation) VALUES (?, ?, 11, 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String line : CatalogEngine.resource("pg_type.psv").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                for (int i = 0; i < f.length; i++) {
                    ps.setString(i + 1, isBoolean(i)
                            ? String.valueOf(f[i].equals("t")) : f[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The boolean columns of pg_type.psv: typbyval, typispreferred, typnotnull. */
    private static boolean isBoolean(int field) {
        return field == 3 || field == 6 || field == 17;
    }
}
