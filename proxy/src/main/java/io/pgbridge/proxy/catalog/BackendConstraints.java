package io.pgbridge.proxy.catalog;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unique and check constraints of a backend's table, which JDBC metadata does not describe: H2 and MariaDB
 * list them in their {@code information_schema}, SQLite keeps them in the CREATE TABLE text and names the index of
 * a UNIQUE constraint {@code sqlite_autoindex_…}. The checks pgbridge's own DDL adds (named {@code pgbridge_…}, which
 * give SQLite PostgreSQL's type errors) are left out. One query per schema and kind, for all its tables at once.
 */
final class BackendConstraints {
    /** A CHECK constraint: its name as PostgreSQL would have it, its condition as the backend prints it. */
    record Check(String name, String clause) {
    }

    private static final String OWN_PREFIX = "pgbridge_";

    private final Connection backend;
    private final String dialect;
    /** Per schema ("" for SQLite's none), read once per load: table → index name → UNIQUE constraint name. */
    private final Map<String, Map<String, Map<String, String>>> uniqueBySchema = new HashMap<>();
    /** Per schema, read once per load: table → its CHECK constraints. */
    private final Map<String, Map<String, List<Check>>> checksBySchema = new HashMap<>();
    /** Per schema: table → the checks pgbridge's DDL added for what the columns' types refuse. */
    private final Map<String, Map<String, List<Check>>> ownChecksBySchema = new HashMap<>();

    BackendConstraints(Connection backend, String dialect) {
        this.backend = backend;
        this.dialect = dialect;
    }

    /** Index name → constraint name of the table's UNIQUE constraints (MariaDB names both alike). */
    Map<String, String> uniqueConstraintIndexes(String schema, String table) throws SQLException {
        if (dialect.equals("sqlite")) {
            return Map.of();
        }
        Map<String, Map<String, String>> byTable = uniqueBySchema.get(key(schema));
        if (byTable == null) {
            byTable = new HashMap<>();
            String sql = "SELECT table_name, constraint_name, " + (dialect.equals("h2") ? "index_name" : "constraint_name")
                    + " FROM information_schema.table_constraints WHERE constraint_type = 'UNIQUE' AND table_schema = ?";
            for (String[] row : query(sql, schema)) {
                byTable.computeIfAbsent(row[0], t -> new HashMap<>()).put(row[2], row[1]);
            }
            uniqueBySchema.put(key(schema), byTable);
        }
        return byTable.getOrDefault(table, Map.of());
    }

    /** The table's CHECK constraints, in the order the backend lists them. */
    List<Check> checks(String schema, String table) throws SQLException {
        readChecksOnce(schema);
        return checksBySchema.get(key(schema)).getOrDefault(table, List.of());
    }

    /** The checks pgbridge's DDL gave the table's columns ({@code pgbridge_22003_n}: n's range as int4). */
    List<Check> ownChecks(String schema, String table) throws SQLException {
        readChecksOnce(schema);
        return ownChecksBySchema.get(key(schema)).getOrDefault(table, List.of());
    }

    private void readChecksOnce(String schema) throws SQLException {
        if (checksBySchema.containsKey(key(schema))) {
            return;
        }
        Map<String, List<Check>> byTable = readChecks(schema);
        Map<String, List<Check>> own = new HashMap<>();
        for (Map.Entry<String, List<Check>> e : byTable.entrySet()) {
            own.put(e.getKey(), e.getValue().stream().filter(c -> c.name().startsWith(OWN_PREFIX)).toList());
            e.getValue().removeIf(c -> c.name().startsWith(OWN_PREFIX));
        }
        checksBySchema.put(key(schema), byTable);
        ownChecksBySchema.put(key(schema), own);
    }

    private Map<String, List<Check>> readChecks(String schema) throws SQLException {
        Map<String, List<Check>> byTable = new HashMap<>();
        switch (dialect) {
            case "sqlite" -> {
                for (String[] row : query("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
                    byTable.put(row[0], new ArrayList<>(sqliteChecks(row[0], row[1])));
                }
            }
            case "mariadb" -> {
                // A column's CHECK is named after the column; PostgreSQL names it <table>_<column>_check.
                for (String[] row : query("SELECT table_name, constraint_name, check_clause, level FROM"
                        + " information_schema.check_constraints WHERE constraint_schema = ?", schema)) {
                    byTable.computeIfAbsent(row[0], t -> new ArrayList<>()).add(new Check("Column".equals(row[3])
                            ? row[0] + "_" + row[1] + "_check" : row[1], unquote(unquote(row[2], '`'), '"')));
                }
            }
            case "h2" -> {
                for (String[] row : query("SELECT tc.table_name, tc.constraint_name, cc.check_clause FROM"
                        + " information_schema.table_constraints tc JOIN information_schema.check_constraints cc"
                        + " ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name"
                        + " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ?", schema)) {
                    byTable.computeIfAbsent(row[0], t -> new ArrayList<>()).add(new Check(row[1], unquote(row[2], '"')));
                }
            }
            default -> {
                return byTable;
            }
        }
        return byTable;
    }

    private static String key(String schema) {
        return schema == null ? "" : schema;
    }

    /** The CHECK clauses of SQLite's CREATE TABLE text, named as written or as PostgreSQL names unnamed ones. */
    static List<Check> sqliteChecks(String table, String createTable) {
        List<Check> checks = new ArrayList<>();
        SqlTokens t = new SqlTokens(createTable);
        int open = 0;
        while (open < t.size() && t.type(open) != TokenType.LEFT_PAREN) {
            open++;
        }
        int close = t.partner(open);
        if (close < 0) {
            return checks;
        }
        for (int[] element : t.splitByCommas(open + 1, close)) {
            boolean tableLevel = t.isWord(element[0], "constraint") || t.isWord(element[0], "check")
                    || t.isWord(element[0], "unique") || t.isWord(element[0], "primary") || t.isWord(element[0], "foreign");
            String column = tableLevel ? null : name(t, element[0]);
            String name = null;
            for (int i = element[0]; i < element[1]; i++) {
                if (t.isWord(i, "constraint")) {
                    name = name(t, i + 1);
                    i++;
                } else if (t.isWord(i, "check") && t.type(i + 1) == TokenType.LEFT_PAREN) {
                    int end = t.partner(i + 1);
                    String clause = t.span(i + 2, end - 1);
                    checks.add(new Check(name != null ? name : table + "_" + (column != null ? column + "_" : "")
                            + "check", unquote(clause, '"')));
                    name = null;
                    i = end;
                } else if (t.partner(i) > i) {
                    i = t.partner(i);
                }
            }
        }
        return checks;
    }

    private static String name(SqlTokens t, int i) {
        String text = t.text(i);
        return t.type(i) == TokenType.QUOTED_IDENTIFIER ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
                : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** A clause with its plain identifiers unquoted, as PostgreSQL prints them: {@code "n" > 0} → {@code n > 0}. */
    static String unquote(String clause, char quote) {
        return clause.replaceAll(java.util.regex.Pattern.quote(String.valueOf(quote)) + "([a-z_][a-z0-9_]*)"
                + java.util.regex.Pattern.quote(String.valueOf(quote)), "$1");
    }

    private List<String[]> query(String sql, String... parameters) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = backend.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
