package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.PostgresKeywords;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rows every PostgreSQL 15 database has: the built-in functions ({@link FunctionRows}), the built-in types
 * with their real oids (from {@code pg_type.psv}, exported from PostgreSQL 15's own pg_type; information_schema's
 * domains, its views' row types and their arrays from {@code information_schema_types.psv}), the schemas and their
 * descriptions, the predefined roles, access methods, languages, tablespaces, the default collation and the settings
 * drivers read ({@code pg_settings.psv}, likewise).
 */
final class BuiltinRows {
    private BuiltinRows() {
    }

    static void insert(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO pg_namespace VALUES (" + CatalogOids.PG_CATALOG + ", 'pg_catalog', 10, NULL), ("
                    + CatalogOids.PUBLIC + ", 'public', 6171, ARRAY['pg_database_owner=UC/pg_database_owner',"
                    + " '=U/pg_database_owner']), (" + CatalogOids.INFORMATION_SCHEMA
                    + ", 'information_schema', 10, NULL), (99, 'pg_toast', 10, NULL)");
            // PostgreSQL 15's predefined roles, and the grants among them
            st.execute("INSERT INTO pg_roles (oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,"
                    + " rolreplication, rolconnlimit, rolpassword, rolbypassrls) SELECT oid, rolname, false, true, false,"
                    + " false, false, false, -1, '********', false FROM (VALUES (3373, 'pg_monitor'),"
                    + " (3374, 'pg_read_all_settings'), (3375, 'pg_read_all_stats'), (3377, 'pg_stat_scan_tables'),"
                    + " (4200, 'pg_signal_backend'), (4544, 'pg_checkpoint'), (4569, 'pg_read_server_files'),"
                    + " (4570, 'pg_write_server_files'), (4571, 'pg_execute_server_program'), (6171, 'pg_database_owner'),"
                    + " (6181, 'pg_read_all_data'), (6182, 'pg_write_all_data')) AS r(oid, rolname)");
            st.execute("INSERT INTO pg_auth_members VALUES (3374, 3373, 10, false), (3375, 3373, 10, false),"
                    + " (3377, 3373, 10, false)");
            st.execute("INSERT INTO pg_description VALUES (11, 2615, 0, 'system catalog schema'),"
                    + " (99, 2615, 0, 'reserved schema for TOAST tables'), (2200, 2615, 0, 'standard public schema')");
            // amhandler: the handler function's oid (regproc)
            st.execute("INSERT INTO pg_am VALUES (2, 'heap', 3, 't'), (403, 'btree', 330, 'i'), (405, 'hash', 331, 'i'),"
                    + " (783, 'gist', 332, 'i'), (2742, 'gin', 333, 'i'), (4000, 'spgist', 334, 'i'), (3580, 'brin', 335, 'i')");
            st.execute("INSERT INTO pg_language VALUES (12, 'internal', 10, false, false, 0, 0, 2246, NULL),"
                    + " (13, 'c', 10, false, false, 0, 0, 2247, NULL), (14, 'sql', 10, false, true, 0, 0, 2248, NULL),"
                    + " (13563, 'plpgsql', 10, true, true, 13560, 13561, 13562, NULL)");
            st.execute("INSERT INTO pg_extension VALUES (13559, 'plpgsql', 10, 11, false, '1.0', NULL, NULL)");
            st.execute("INSERT INTO pg_tablespace VALUES (1663, 'pg_default', 10, NULL, NULL), (1664, 'pg_global', 10, NULL, NULL)");
            st.execute("INSERT INTO pg_collation (oid, collname, collnamespace, collowner, collprovider,"
                    + " collisdeterministic, collencoding, collcollate, collctype) VALUES (100, 'default', 11, 10, 'd', true, -1, NULL, NULL),"
                    + " (950, 'C', 11, 10, 'c', true, -1, 'C', 'C'), (951, 'POSIX', 11, 10, 'c', true, -1, 'POSIX', 'POSIX')");
        }
        FunctionRows.insert(c);
        insertTypes(c, "pg_type.psv", CatalogOids.PG_CATALOG);
        insertTypes(c, "information_schema_types.psv", CatalogOids.INFORMATION_SCHEMA);
        insertRanges(c);
        insertSettings(c);
        insertRows(c, "pg_class.psv", "INSERT INTO pg_class (oid, relname, relnamespace, reltype, relam, relhasindex,"
                + " relisshared, relkind, relnatts, relhasrules, relowner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 10)");
        insertRows(c, "pg_attribute.psv", "INSERT INTO pg_attribute (attrelid, attname, atttypid, attstattarget, attlen,"
                + " attnum, attndims, atttypmod, attbyval, attalign, attstorage, attnotnull, attcollation, atthasdef)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)");
        SystemIndexes.insert(c);
        try (Statement st = c.createStatement()) {   // shared catalogs and their indexes live in pg_global
            st.execute("UPDATE pg_class SET reltablespace = 1664 WHERE relisshared");
            // System relations have no replica identity, but for information_schema's four tables.
            st.execute("UPDATE pg_class SET relreplident = 'n' WHERE NOT (relnamespace = "
                    + CatalogOids.INFORMATION_SCHEMA + " AND relkind = 'r')");
        }
        insertRows(c, "pg_type_descriptions.psv", "INSERT INTO pg_description VALUES (?, 1247, 0, ?)");
        try (Statement st = c.createStatement()) {   // information_schema.time_stamp's default, as PostgreSQL keeps it
            st.execute("UPDATE pg_type SET typdefault = 'CURRENT_TIMESTAMP(2)', typdefaultbin = '{SQLVALUEFUNCTION :op 4"
                    + " :type 1184 :typmod 2 :location 105}' WHERE oid = 13232");
        }
        insertRows(c, "pg_type_functions.psv", "UPDATE pg_type SET typsubscript = ?, typmodin = ?, typmodout = ?,"
                + " typanalyze = ? WHERE oid = ?", 4);
        insertKeywords(c);
        BuiltinTables.insert(c);
    }

    /** pg_get_keywords()'s rows ({@link PostgresKeywords}). */
    private static void insertKeywords(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pgbridge_keywords VALUES (?, ?, ?, ?, ?)")) {
            for (PostgresKeywords.Keyword k : PostgresKeywords.all()) {
                ps.setString(1, k.word());
                ps.setString(2, String.valueOf(k.category()));
                ps.setBoolean(3, k.bareLabel());
                ps.setString(4, k.categoryDescription());
                ps.setString(5, k.bareLabelDescription());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The rows of resource {@code name} (fields separated by '|', t and f booleans as H2 reads them) by
     * {@code insert}: pg_catalog's and information_schema's tables and views in pg_class and their columns in
     * pg_attribute, the built-in types' descriptions and their subscript, modifier and analyze functions, exported
     * from PostgreSQL 15. Lines starting with '#' say how a file was exported.
     */
    private static void insertRows(Connection c, String name, String insert) throws SQLException {
        insertRows(c, name, insert, 0);
    }

    /** As above, the first {@code functions} fields names of built-in functions, written as their oids (regproc). */
    private static void insertRows(Connection c, String name, String insert, int functions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (String line : CatalogEngine.resource(name).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                for (int i = 0; i < f.length; i++) {
                    ps.setString(i + 1, i < functions ? String.valueOf(BuiltinFunctions.oidOf(f[i]))
                            : f[i].equals("t") ? "true" : f[i].equals("f") ? "false" : f[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The types of resource {@code resource}, exported from PostgreSQL 15's pg_type, in schema {@code namespace}. */
    private static void insertTypes(Connection c, String resource, int namespace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pg_type (oid, typname, typnamespace, typowner, typlen,"
                + " typbyval, typtype, typcategory, typispreferred, typdelim, typrelid, typelem, typarray, typinput,"
                + " typoutput, typreceive, typsend, typalign, typstorage, typnotnull, typbasetype, typtypmod, typndims,"
                + " typcollation) VALUES (?, ?, " + namespace + ", 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String line : CatalogEngine.resource(resource).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                for (int i = 0; i < f.length; i++) {
                    ps.setString(i + 1, isBoolean(i) ? String.valueOf(f[i].equals("t"))
                            : isFunction(i) ? String.valueOf(BuiltinFunctions.oidOf(f[i])) : f[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The settings pgbridge has, from {@code pg_settings.psv} (PostgreSQL 15.20's rows with their defaults; empty
     * fields NULL, {@code ""} the empty string); each session's pg_settings shows them with its own values
     * ({@link CatalogSettings}).
     */
    private static void insertSettings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CatalogSettings.BUILTIN + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)")) {
            for (String line : CatalogEngine.resource("pg_settings.psv").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                for (int i = 0; i < f.length; i++) {
                    String value = f[i].isEmpty() ? null : f[i].equals("\"\"") ? "" : f[i];
                    if (i == 11 && value != null) {
                        ps.setArray(i + 1, c.createArrayOf("VARCHAR", value.substring(1, value.length() - 1).split(",")));
                    } else if (i == 16) {
                        ps.setBoolean(i + 1, "t".equals(value));
                    } else {
                        ps.setString(i + 1, value);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** PostgreSQL 15's built-in range types, their subtypes, multiranges, operator classes and functions. */
    private static void insertRanges(Connection c) throws SQLException {
        Object[][] ranges = {{3904, 23, 4451, 1978, "int4range_canonical", "int4range_subdiff"},
            {3906, 1700, 4532, 3125, "-", "numrange_subdiff"}, {3908, 1114, 4533, 3128, "-", "tsrange_subdiff"},
            {3910, 1184, 4534, 3127, "-", "tstzrange_subdiff"},
            {3912, 1082, 4535, 3122, "daterange_canonical", "daterange_subdiff"},
            {3926, 20, 4536, 3124, "int8range_canonical", "int8range_subdiff"}};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pg_range VALUES (?, ?, ?, 0, ?, ?, ?)")) {
            for (Object[] range : ranges) {
                for (int i = 0; i < 4; i++) {
                    ps.setInt(i + 1, (Integer) range[i]);
                }
                ps.setInt(5, BuiltinFunctions.oidOf((String) range[4]));
                ps.setInt(6, BuiltinFunctions.oidOf((String) range[5]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The regproc columns of pg_type.psv, written as names: typinput, typoutput, typreceive, typsend. */
    private static boolean isFunction(int field) {
        return field >= 11 && field <= 14;
    }

    /** The boolean columns of pg_type.psv: typbyval, typispreferred, typnotnull. */
    private static boolean isBoolean(int field) {
        return field == 3 || field == 6 || field == 17;
    }
}
