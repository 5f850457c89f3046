package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Catalog tables that hold only PostgreSQL 15's built-in objects on a non-PostgreSQL backend, filled from
 * {@code <table>.tsv} (written by {@code bin/export-pg-catalog-rows.sh}: a {@code # columns:} line, then tab-separated
 * rows), and the descriptions of those objects and of access methods, languages, extensions and collations
 * ({@code pg_catalog_descriptions.psv}). psql's {@code \do}, {@code \dC}, {@code \dc}, {@code \dF}, {@code \dd} and
 * tools that list operators or casts read them.
 */
final class BuiltinTables {
    static final List<String> TABLES = List.of("pg_operator", "pg_opclass", "pg_opfamily", "pg_conversion",
            "pg_ts_config", "pg_ts_config_map", "pg_ts_parser", "pg_ts_dict", "pg_ts_template", "pg_cast");
    private static final String COLUMNS = "# columns: ";

    private BuiltinTables() {
    }

    static void insert(Connection c) throws SQLException {
        for (String table : TABLES) {
            insertTable(c, table);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pg_description VALUES (?, ?, ?, ?)")) {
            for (String line : CatalogEngine.resource("pg_catalog_descriptions.psv").split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", 4);
                for (int i = 0; i < 3; i++) {
                    ps.setString(i + 1, f[i]);
                }
                ps.setString(4, BuiltinFunctions.unescape(f[3]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertTable(Connection c, String table) throws SQLException {
        String[] lines = CatalogEngine.resource(table + ".tsv").split("\n");
        String columns = Arrays.stream(lines).filter(l -> l.startsWith(COLUMNS)).findFirst()
                .orElseThrow(() -> new IllegalStateException(table + ".tsv names no columns"))
                .substring(COLUMNS.length()).strip();
        int count = columns.split(",").length;
        boolean[] bool = new boolean[count];   // t and f are booleans there only: pg_cast's castmethod 'f' is a "char"
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT " + columns + " FROM " + table + " WHERE false")) {
            for (int i = 0; i < count; i++) {
                bool[i] = rs.getMetaData().getColumnType(i + 1) == java.sql.Types.BOOLEAN;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")")) {
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                for (int i = 0; i < count; i++) {
                    ps.setString(i + 1, bool[i] ? String.valueOf(f[i].equals("t")) : f[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
