package io.pgbridge.proxy.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code pg_get_indexdef} and {@code pg_get_constraintdef}: DDL text rebuilt from the engine's catalog rows. */
final class CatalogDefinitions {
    private CatalogDefinitions() {
    }

    /** The CREATE INDEX statement of {@code index}, or (column > 0) the name of its column number {@code column}. */
    static String index(Connection c, Integer index, int column) throws SQLException {
        if (index == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisunique, ci.relname, ct.relname, n.nspname,"
                + " i.indkey, i.indrelid, i.indoption FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid"
                + " JOIN pg_class ct ON ct.oid = i.indrelid JOIN pg_namespace n ON n.oid = ct.relnamespace"
                + " WHERE i.indexrelid = ?")) {
            ps.setInt(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> columns = columnNames(c, rs.getInt(6), rs.getArray(5));
                if (column > 0) {
                    return column <= columns.size() ? columns.get(column - 1) : "";
                }
                List<String> keys = new ArrayList<>();
                Object[] options = rs.getArray(7) == null ? new Object[0] : (Object[]) rs.getArray(7).getArray();
                for (int i = 0; i < columns.size(); i++) {
                    keys.add(columns.get(i) + (i < options.length && options[i] != null
                            ? ordering(((Number) options[i]).intValue()) : ""));
                }
                return "CREATE " + (rs.getBoolean(1) ? "UNIQUE " : "") + "INDEX " + QuotedNames.quoteIfNeeded(rs.getString(2))
                        + " ON " + QuotedNames.quoteIfNeeded(rs.getString(4)) + "." + QuotedNames.quoteIfNeeded(rs.getString(3))
                        + " USING btree (" + String.join(", ", keys) + ")";
            }
        }
    }

    /** An index key's ordering as PostgreSQL prints it from indoption: DESC (1), NULLS FIRST (2) where not the default. */
    private static String ordering(int option) {
        boolean descending = (option & 1) != 0;
        boolean nullsFirst = (option & 2) != 0;
        return (descending ? " DESC" : "") + (descending == nullsFirst ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    /**
     * {@code PRIMARY KEY (id)}, {@code UNIQUE (a, b)}, {@code FOREIGN KEY (a) REFERENCES t(id) ON DELETE CASCADE},
     * {@code CHECK ((n > 0))}; {@code pretty} drops the parentheses around a whole condition, as PostgreSQL does.
     */
    static String constraint(Connection c, Integer constraint, boolean pretty) throws SQLException {
        if (constraint == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT contype, conrelid, conkey, confrelid, confkey,"
                + " confupdtype, confdeltype, conbin FROM pg_constraint WHERE oid = ?")) {
            ps.setInt(1, constraint);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String columns = String.join(", ", columnNames(c, rs.getInt(2), rs.getArray(3)));
                return switch (rs.getString(1)) {
                    case "p" -> "PRIMARY KEY (" + columns + ")";
                    case "u" -> "UNIQUE (" + columns + ")";
                    case "c" -> "CHECK (" + (pretty ? withoutOuterParentheses(rs.getString(8)) : rs.getString(8)) + ")";
                    case "f" -> "FOREIGN KEY (" + columns + ") REFERENCES "
                            + CatalogFunctions.regclassName(c, rs.getInt(4)) + "("
                            + String.join(", ", columnNames(c, rs.getInt(4), rs.getArray(5))) + ")"
                            + action(" ON UPDATE ", rs.getString(6)) + action(" ON DELETE ", rs.getString(7));
                    default -> null;
                };
            }
        }
    }

    private static String withoutOuterParentheses(String condition) {
        if (!condition.startsWith("(") || !condition.endsWith(")")) {
            return condition;
        }
        int depth = 0;
        for (int i = 0; i < condition.length() - 1; i++) {
            depth += condition.charAt(i) == '(' ? 1 : condition.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return condition;   // (a > 0) AND (b > 0): the first parenthesis closes before the end
            }
        }
        return condition.substring(1, condition.length() - 1);
    }

    private static String action(String clause, String code) {
        return switch (code) {
            case "c" -> clause + "CASCADE";
            case "n" -> clause + "SET NULL";
            case "d" -> clause + "SET DEFAULT";
            case "r" -> clause + "RESTRICT";
            default -> "";
        };
    }

    private static List<String> columnNames(Connection c, int relation, Array attnums) throws SQLException {
        List<String> names = new ArrayList<>();
        if (attnums == null) {
            return names;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ? AND attnum = ?")) {
            for (Object attnum : (Object[]) attnums.getArray()) {
                ps.setInt(1, relation);
                ps.setInt(2, ((Number) attnum).intValue());
                try (ResultSet rs = ps.executeQuery()) {
                    names.add(rs.next() ? QuotedNames.quoteIfNeeded(rs.getString(1)) : "");
                }
            }
        }
        return names;
    }
}
