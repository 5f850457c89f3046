package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.List;

/**
 * Calls of the aggregates pgbridge registers on its SQLite connections (backends' SqliteAggregates) for what
 * SQLite lacks: the ordered-set aggregates and string_agg with DISTINCT.
 */
final class SqliteAggregateCalls {
    private SqliteAggregateCalls() {
    }

    /** percentile_cont/percentile_disc(f) and mode() WITHIN GROUP (ORDER BY key). */
    static SqlNode orderedSet(String name, List<SqlNode> args, SqlNode key, boolean descending, DialectRules rules) {
        SqlNode call = switch (name) {
            // The fraction f of the values in descending order is 1 - f of them in ascending order.
            case "percentile_cont" -> args.size() != 1 ? null : DialectRules.template(descending
                    ? "pgbridge_percentile_cont(1 - ({0}), {1})" : "pgbridge_percentile_cont({0}, {1})",
                    args.get(0), key);
            case "percentile_disc" -> args.size() != 1 || descending ? null
                    : DialectRules.template("pgbridge_percentile_disc({0}, {1})", args.get(0), key);
            case "mode" -> !args.isEmpty() || descending ? null : DialectRules.template("pgbridge_mode({0})", key);
            default -> null;
        };
        if (call == null) {
            throw rules.unsupported(name + "() WITHIN GROUP" + (descending ? " (ORDER BY … DESC)" : ""));
        }
        return call;
    }

    /**
     * string_agg(DISTINCT value, separator [ORDER BY value [DESC]]): PostgreSQL allows no other order with DISTINCT;
     * SQLite's DISTINCT aggregates take one argument.
     */
    static SqlNode distinctStringAgg(List<SqlNode> args) {
        SqlNode key = args.size() > 2 && args.get(2) instanceof SqlNodeList order && !order.isEmpty() ? order.get(0)
                : null;
        while (key instanceof SqlCall call && (call.getKind() == SqlKind.NULLS_FIRST
                || call.getKind() == SqlKind.NULLS_LAST)) {
            key = call.operand(0);
        }
        boolean descending = key != null && key.getKind() == SqlKind.DESCENDING;
        return DialectRules.template("pgbridge_string_agg_distinct({0}, {1}, " + (descending ? 1 : 0) + ")",
                args.get(0), args.get(1));
    }
}
