package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The marker calls {@link StatementNormalizer} writes must all be consumed by the rewrite. An interval is only
 * translated as the operand of {@code timestamp ± interval}; one anywhere else has no backend equivalent.
 */
final class MarkerCheck {
    private MarkerCheck() {
    }

    /** The interval a marker call holds, or null when {@code node} is not one. */
    static IntervalValue interval(SqlNode node, DialectRules rules) {
        if (!(node instanceof SqlCall call) || !isMarker(call, StatementNormalizer.INTERVAL)) {
            return null;
        }
        String text = DialectRules.stringValue(call.operand(0));
        IntervalValue value = text == null ? null : IntervalValue.parse(text);
        if (value == null) {
            throw rules.unsupported("the interval '" + text + "'");
        }
        return value;
    }

    static void rejectLeftovers(SqlNode tree, DialectRules rules) {
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (isMarker(call, StatementNormalizer.INTERVAL)) {
                    throw rules.unsupported("interval values other than timestamp ± interval");
                }
                if (TemplateOperator.isTemplate(call)) {
                    for (SqlNode operand : call.getOperandList()) {
                        if (operand != null) {
                            operand.accept(this);
                        }
                    }
                    return null;
                }
                return super.visit(call);
            }
        });
    }

    private static boolean isMarker(SqlCall call, String name) {
        return call.getOperator().getName().equals(name);
    }
}
