package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.PgOid;
import io.pgbridge.translation.schema.ColumnShape;
import io.pgbridge.translation.schema.TableShape;
import io.pgbridge.translation.schema.UniqueKey;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntBiFunction;

/** Reads one table's {@link TableShape} from a backend's {@link DatabaseMetaData}. */
final class TableShapes {
    private TableShapes() {
    }

    /**
     * The table {@code name} in {@code schema} (null: the connection's current schema; on MariaDB a schema is a
     * database); empty when the backend has no such table. {@code enums} gives the oid of the enum type of an
     * ENUM column (table, column) in the current schema.
     */
    static Optional<TableShape> read(Connection connection, BackendDialect dialect, String schema, String name,
                                     ToIntBiFunction<String, String> enums) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        boolean schemasAreCatalogs = "mariadb".equals(dialect.name());
        String catalog = schemasAreCatalogs ? (schema != null ? schema : connection.getCatalog()) : null;
        // the catalog lists the current schema's objects only (CatalogLoader), so only its enums have types
        boolean current = schemasAreCatalogs && (schema == null || schema.equals(connection.getCatalog()));
        String schemaName = schemasAreCatalogs ? null : (schema != null ? schema : currentSchema(connection));
        String table = exactName(md, catalog, schemaName, name);
        if (table == null) {
            return Optional.empty();
        }
        List<ColumnShape> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, escape(md, schemaName), escape(md, table), "%")) {
            TreeMap<Integer, ColumnShape> byPosition = new TreeMap<>();
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String declared = declaredType(rs.getString("REMARKS"));
                boolean always = ColumnShape.GENERATED_ALWAYS.equals(declared);
                int oid = declaredOid(dialect, declared);
                int scale = -1;
                if (oid == 0) {
                    io.pgbridge.backend.ColumnType type = ColumnDefaults.withDeclaredModifier(dialect.tableColumnType(
                            rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                            rs.getInt("DECIMAL_DIGITS")), rs.getString("TYPE_NAME"));
                    oid = type.oid();
                    scale = oid == PgOid.NUMERIC && type.typeModifier() >= 4 ? (type.typeModifier() - 4) & 0xFFFF : -1;
                }
                String castName = PgOid.castName(oid);
                int enumType = current && EnumTypes.isEnum(dialect.name(), rs.getString("TYPE_NAME"))
                        ? enums.applyAsInt(table, rs.getString("COLUMN_NAME")) : 0;
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new ColumnShape(rs.getString("COLUMN_NAME"),
                        castName == null ? "text" : castName, always, scale, enumType));
            }
            columns.addAll(byPosition.values());
        }
        List<UniqueKey> keys = new ArrayList<>();
        boolean keysKnown = readKeys(md, catalog, schemaName, table, keys);
        return Optional.of(new TableShape(table, columns, keys, keysKnown));
    }

    /**
     * What a column comment of pgbridge's DDL declares ({@code integer[]}, {@code jsonb}…: its first line), null for
     * other comments.
     */
    static String declaredType(String remarks) {
        if (remarks == null || !remarks.startsWith(ColumnShape.DECLARED_TYPE_COMMENT)) {
            return null;
        }
        int lineEnd = remarks.indexOf('\n');
        return remarks.substring(ColumnShape.DECLARED_TYPE_COMMENT.length(), lineEnd < 0 ? remarks.length() : lineEnd);
    }

    /** The user's comment on a column (COMMENT ON): after the declaring line if there is one; null for none. */
    static String userComment(String remarks) {
        if (declaredType(remarks) == null) {
            return remarks == null || remarks.isEmpty() ? null : remarks;
        }
        int lineEnd = remarks.indexOf('\n');
        return lineEnd < 0 ? null : remarks.substring(lineEnd + 1);
    }

    /** The oid of a type a column comment declared ({@link #declaredType}), 0 when it declares none. */
    static int declaredOid(BackendDialect dialect, String declared) {
        if (declared == null || ColumnShape.GENERATED_ALWAYS.equals(declared)) {
            return 0;
        }
        return declared.endsWith("[]") ? dialect.tableColumnType(java.sql.Types.ARRAY, declared, 0, 0).oid()
                : PgOid.forTypeName(declared);
    }

    /** The backend's spelling of table {@code name}: exactly as PostgreSQL folds it, else the one that differs in case. */
    private static String exactName(DatabaseMetaData md, String catalog, String schema, String name) throws SQLException {
        String[] types = {"TABLE", "BASE TABLE"};
        try (ResultSet rs = md.getTables(catalog, escape(md, schema), escape(md, name), types)) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    return name;
                }
            }
        }
        List<String> sameIgnoringCase = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, escape(md, schema), "%", types)) {
            while (rs.next()) {
                String found = rs.getString("TABLE_NAME");
                if (name.equalsIgnoreCase(found)) {
                    sameIgnoringCase.add(found);
                }
            }
        }
        return sameIgnoringCase.size() == 1 ? sameIgnoringCase.getFirst() : null;
    }

    /** Fills {@code keys} with the primary key and unique indexes; false when the backend could not list them. */
    private static boolean readKeys(DatabaseMetaData md, String catalog, String schema, String table, List<UniqueKey> keys) {
        try {
            Map<Integer, String> pkColumns = new TreeMap<>();
            String pkName = null;
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
                while (rs.next()) {
                    pkColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    pkName = rs.getString("PK_NAME");
                }
            }
            if (!pkColumns.isEmpty()) {
                // MariaDB names every primary key PRIMARY, SQLite none: a name the user did not give is no name.
                boolean named = pkName != null && !pkName.isEmpty() && !"PRIMARY".equals(pkName);
                keys.add(new UniqueKey(named ? pkName : null, List.copyOf(pkColumns.values()), true));
            }
            Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
            try (ResultSet rs = md.getIndexInfo(catalog, schema, table, true, true)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index == null || rs.getBoolean("NON_UNIQUE") || "PRIMARY".equals(index)) {
                        continue;
                    }
                    if (column == null) {
                        indexes.put(index, null);   // an expression index: its columns cannot be told
                        continue;
                    }
                    TreeMap<Integer, String> columns = indexes.computeIfAbsent(index, k -> new TreeMap<>());
                    if (columns != null) {
                        columns.put((int) rs.getShort("ORDINAL_POSITION"), column);
                    }
                }
            }
            for (var e : indexes.entrySet()) {
                if (e.getValue() != null) {
                    keys.add(new UniqueKey(e.getKey(), List.copyOf(e.getValue().values()), false));
                }
            }
            return true;
        } catch (SQLException e) {
            keys.clear();
            return false;
        }
    }

    static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    /** {@code name} as a metadata search pattern that matches only itself ({@code _} and {@code %} escaped). */
    static String escape(DatabaseMetaData md, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
