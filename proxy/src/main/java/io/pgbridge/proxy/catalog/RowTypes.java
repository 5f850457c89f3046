package io.pgbridge.proxy.catalog;

import java.sql.SQLException;

/**
 * The types PostgreSQL makes for every table and view: its row type (a composite, {@code typrelid} the relation)
 * and the array of it ({@code _name}), which pg_class.reltype names and pgjdbc's getTypeInfo lists.
 */
final class RowTypes {
    private static final String INSERT = "INSERT INTO pg_type (oid, typname, typnamespace, typowner, typlen, typbyval,"
            + " typtype, typcategory, typispreferred, typdelim, typrelid, typsubscript, typelem, typarray, typinput,"
            + " typoutput, typreceive, typsend, typalign, typstorage, typnotnull, typbasetype, typtypmod, typndims,"
            + " typcollation) VALUES (?, ?, ?, ?, -1, false, ?, ?, false, ',', ?, ?, ?, ?, ?, ?, ?, ?, 'd', 'x', false,"
            + " 0, -1, 0, 0)";

    private final CatalogOids oids;
    private final EngineRows rows;

    RowTypes(CatalogOids oids, EngineRows rows) {
        this.oids = oids;
        this.rows = rows;
    }

    /** The row type of {@code relation} and its array; sets the relation's reltype. */
    void insert(int relation, String schema, String name, int namespace) throws SQLException {
        int rowType = oids.of("type", schema, name);
        int arrayType = oids.of("type", schema, "_" + name);
        rows.insert(INSERT, rowType, name, namespace, CatalogOids.BOOTSTRAP_SUPERUSER, "c", "C", relation, 0, 0,
                arrayType, oid("record_in"), oid("record_out"), oid("record_recv"), oid("record_send"));
        rows.insert(INSERT, arrayType, "_" + name, namespace, CatalogOids.BOOTSTRAP_SUPERUSER, "b", "A", 0,
                oid("array_subscript_handler"), rowType, 0, oid("array_in"),
                oid("array_out"), oid("array_recv"), oid("array_send"));
        rows.insert("UPDATE pg_class SET reltype = ? WHERE oid = ?", rowType, relation);
    }

    /** The oid of the built-in function of this name, as the engine's regproc columns hold it. */
    private static int oid(String function) {
        return BuiltinFunctions.oidOf(function);
    }
}
