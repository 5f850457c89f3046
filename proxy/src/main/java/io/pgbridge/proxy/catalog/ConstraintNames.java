package io.pgbridge.proxy.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's names for constraints created without one, in place of the names backends make up: H2's
 * {@code CONSTRAINT_4A}, MariaDB's {@code CONSTRAINT_1} (a check), {@code <table>_ibfk_1} (a foreign key) and a
 * unique key named after its first column. PostgreSQL names them {@code <table>_<columns>_key},
 * {@code <table>_<columns>_fkey}, and {@code <table>_<column>_check} for a check on one column (a column's own,
 * as a rule) or {@code <table>_check} for one on several.
 */
final class ConstraintNames {
    private static final Pattern GENERATED = Pattern.compile("CONSTRAINT_[0-9A-F]+(_\\d+)?");

    private ConstraintNames() {
    }

    /** Whether the backend made {@code name} up for a constraint of {@code table} on {@code columns}. */
    static boolean isGenerated(String name, String table, List<String> columns) {
        return GENERATED.matcher(name).matches() || name.matches(Pattern.quote(table) + "_ibfk_\\d+")
                || !columns.isEmpty() && name.matches(Pattern.quote(columns.getFirst()) + "(_\\d+)?");
    }

    static String unique(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_key";
    }

    static String foreignKey(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_fkey";
    }

    static String check(String table, List<String> columns) {
        return table + (columns.size() == 1 ? "_" + columns.getFirst() : "") + "_check";
    }
}
