package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)}, {@code percentile_disc} and {@code mode()}: taken apart
 * before their operands are rewritten (Babel knows percentile_cont but not mode, which would become a plain call),
 * and handed to the dialect as name, direct arguments and ordering key.
 */
final class OrderedSetAggregates {
    private OrderedSetAggregates() {
    }

    static SqlNode rewrite(SqlCall withinGroup, SqlShuttle rewriter, DialectRules rules) {
        SqlCall aggregate = withinGroup.operand(0);
        String name = aggregate.getOperator().getName().toLowerCase(Locale.ROOT);
        SqlNodeList order = withinGroup.operand(1);
        if (order.size() != 1) {
            throw rules.unsupported(name + "() WITHIN GROUP with " + order.size() + " ordering keys");
        }
        SqlNode key = order.get(0);
        boolean descending = false;
        while (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            descending |= call.getKind() == SqlKind.DESCENDING;   // NULLs are left out of these aggregates anyway
            key = call.operand(0);
        }
        List<SqlNode> args = new ArrayList<>();
        for (SqlNode arg : aggregate.getOperandList()) {
            args.add(arg.accept(rewriter));
        }
        return rules.orderedSetAggregate(name, args, key.accept(rewriter), descending);
    }
}
