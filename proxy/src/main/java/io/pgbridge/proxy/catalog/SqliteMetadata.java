package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.ColumnType;
import io.pgbridge.backend.PgOid;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sqlite-jdbc's {@code DatabaseMetaData} loses, read from SQLite's pragmas: the order of an index's keys
 * ({@code PRAGMA index_xinfo}; getIndexInfo reports none descending), and the PostgreSQL types of a table's columns
 * from the types its CREATE TABLE declared ({@code PRAGMA table_info}): sqlite-jdbc's {@code getColumns} drops a
 * type's modifiers from its name and reports numeric(10,2) as 12 digits. pgbridge's DDL declares PostgreSQL's names
 * ({@code int4}, {@code float4}, {@code numeric(10,2)}, {@code char(1)}, {@code varchar[](20)}); SQLite's own
 * spellings keep SQLite's meaning ({@code INTEGER} and {@code REAL} are 64 bits), except that a serial, which must be
 * declared INTEGER to be the rowid, is integer or smallint when pgbridge gave it that type's range check.
 */
final class SqliteMetadata {
    /** A name, then {@code []} per dimension before or after the modifiers: {@code varchar[](20)}, {@code int4[]}. */
    private static final Pattern DECLARED = Pattern.compile(
            "([a-z_][a-z0-9_ ]*?)\\s*((?:\\[\\s*])*)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*((?:\\[\\s*])*)");
    private static final String RANGE_CHECK = "pgbridge_22003_";

    private final Connection backend;
    private final BackendConstraints constraints;
    /** Index name → whether each of its keys, in order, is descending; read once per load. */
    private final Map<String, List<Boolean>> descendingKeys = new HashMap<>();

    SqliteMetadata(Connection backend, BackendConstraints constraints) {
        this.backend = backend;
        this.constraints = constraints;
    }

    /** Whether key {@code position} (1-based) of {@code index} is descending. */
    boolean isDescending(String index, int position) throws SQLException {
        List<Boolean> keys = descendingKeys.get(index);
        if (keys == null) {
            keys = new java.util.ArrayList<>();
            try (Statement st = backend.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA index_xinfo(" + quoted(index) + ")")) {
                while (rs.next()) {
                    if (rs.getInt("key") == 1) {
                        keys.add(rs.getInt("desc") == 1);
                    }
                }
            }
            descendingKeys.put(index, keys);
        }
        return position <= keys.size() && keys.get(position - 1);
    }

    /** Column name → the PostgreSQL type its declaration names; columns declared otherwise are left out. */
    Map<String, ColumnType> columnTypes(String schema, String table) throws SQLException {
        Map<String, ColumnType> types = new HashMap<>();
        List<BackendConstraints.Check> ranges = constraints.ownChecks(schema, table);
        try (Statement st = backend.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quoted(table) + ")")) {
            while (rs.next()) {
                String column = rs.getString("name");
                ColumnType type = declared(rs.getString("type"), rangeOf(ranges, column));
                if (type != null) {
                    types.put(column, type);
                }
            }
        }
        return types;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The oid of the integer type whose range the column is checked against, int8 (SQLite's own) when none. */
    private static int rangeOf(List<BackendConstraints.Check> ranges, String column) {
        for (BackendConstraints.Check check : ranges) {
            if (check.name().equals(RANGE_CHECK + column)) {
                return check.clause().contains("2147483647") ? PgOid.INT4
                        : check.clause().contains("32767") ? PgOid.INT2 : PgOid.INT8;
            }
        }
        return PgOid.INT8;
    }

    /**
     * The PostgreSQL type a SQLite declaration names, or null when PostgreSQL has no such type (the JDBC metadata
     * decides then). {@code integerType} is what {@code INTEGER} stands for.
     */
    static ColumnType declared(String declaration, int integerType) {
        if (declaration == null) {
            return null;
        }
        Matcher m = DECLARED.matcher(declaration.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        int oid = switch (name) {
            case "integer", "int" -> integerType;
            case "real", "double", "float" -> PgOid.FLOAT8;
            default -> PgOid.forTypeName(TypeNames.typname(name));
        };
        if (oid == 0) {
            return null;
        }
        int typmod = typmod(oid, m.group(3), m.group(4));
        boolean array = !m.group(2).isEmpty() || !m.group(5).isEmpty();
        if (!array) {
            return new ColumnType(oid, typmod);
        }
        int arrayOid = PgOid.arrayOf(oid);
        return arrayOid == 0 ? null : new ColumnType(arrayOid, typmod);
    }

    /** PostgreSQL's typmod of the modifiers written, -1 for none. */
    private static int typmod(int oid, String first, String second) {
        if (first == null) {
            return -1;
        }
        int n = Integer.parseInt(first);
        if (oid == PgOid.NUMERIC) {
            return ColumnType.numeric(n, second == null ? 0 : Integer.parseInt(second)).typeModifier();
        }
        if (oid == PgOid.VARCHAR || oid == PgOid.BPCHAR) {
            return n + 4;
        }
        if (oid == PgOid.TIMESTAMP || oid == PgOid.TIMESTAMPTZ || oid == PgOid.TIME || oid == PgOid.TIMETZ) {
            return n;
        }
        return -1;
    }
}
