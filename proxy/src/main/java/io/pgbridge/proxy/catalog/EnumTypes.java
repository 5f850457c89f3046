package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's ENUM columns as PostgreSQL's enum types: MariaDB's are anonymous, one per column, so each becomes a type
 * of its own named {@code <table>_<column>} (as a PostgreSQL schema would name the type it made for that column),
 * typtype 'e', with its array type and a pg_enum row per label in the column's order.
 */
final class EnumTypes {
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");
    private static final String INSERT_TYPE = "INSERT INTO pg_type (oid, typname, typnamespace, typowner, typlen,"
            + " typbyval, typtype, typcategory, typispreferred, typdelim, typrelid, typsubscript, typelem, typarray,"
            + " typinput, typoutput, typreceive, typsend, typalign, typstorage, typnotnull, typbasetype, typtypmod,"
            + " typndims, typcollation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ',', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " false, 0, -1, 0, 0)";

    private final Connection backend;
    private final String dialect;
    private final CatalogOids oids;
    private final EngineRows rows;

    EnumTypes(Connection backend, String dialect, CatalogOids oids, EngineRows rows) {
        this.backend = backend;
        this.dialect = dialect;
        this.oids = oids;
        this.rows = rows;
    }

    /** The oid of the enum type made for this column, or 0 when it is no ENUM column. */
    int typeOf(String backendSchema, String schema, int namespace, String table, String column, String typeName)
            throws SQLException {
        if (!isEnum(dialect, typeName)) {
            return 0;
        }
        List<String> labels = labels(backendSchema, table, column);
        String name = typeName(table, column);
        int type = oids.of("type", schema, name);
        int array = oids.of("type", schema, "_" + name);
        rows.insert(INSERT_TYPE, type, name, namespace, CatalogOids.BOOTSTRAP_SUPERUSER, 4, true, "e", "E", 0, 0,
                array, oid("enum_in"), oid("enum_out"), oid("enum_recv"), oid("enum_send"), "i", "p");
        rows.insert(INSERT_TYPE, array, "_" + name, namespace, CatalogOids.BOOTSTRAP_SUPERUSER, -1, false, "b", "A",
                oid("array_subscript_handler"), type, 0, oid("array_in"),
                oid("array_out"), oid("array_recv"), oid("array_send"), "i", "x");
        for (int i = 0; i < labels.size(); i++) {
            rows.insert("INSERT INTO pg_enum VALUES (?, ?, ?, ?)", oids.of("enum", schema, name + "." + labels.get(i)),
                    type, i + 1, labels.get(i));
        }
        return type;
    }

    /** Whether {@code typeName}, a MariaDB column's type as its JDBC metadata names it, is an ENUM. */
    static boolean isEnum(String dialect, String typeName) {
        return "mariadb".equals(dialect) && "ENUM".equalsIgnoreCase(typeName);
    }

    /** The name of the enum type of a column: MariaDB's ENUM types are anonymous. */
    static String typeName(String table, String column) {
        return table + "_" + column;
    }

    /** The labels of {@code enum('a','b')}, MariaDB's column type, in their order. */
    private List<String> labels(String backendSchema, String table, String column) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement ps = backend.prepareStatement("SELECT COLUMN_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, backendSchema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Matcher m = LABEL.matcher(rs.getString(1));
                    while (m.find()) {
                        labels.add(m.group(1).replace("''", "'"));
                    }
                }
            }
        }
        return labels;
    }

    /** The oid of the built-in function of this name, as the engine's regproc columns hold it. */
    private static int oid(String function) {
        return BuiltinFunctions.oidOf(function);
    }
}
