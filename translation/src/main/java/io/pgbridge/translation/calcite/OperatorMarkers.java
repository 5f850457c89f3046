package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;

/**
 * Reads back the operators {@link StatementNormalizer} wrote as {@code marker(a) = b} ({@code @>}, {@code <@},
 * {@code &&}, {@code ?}, {@code ?|}, {@code ?&}) and translates them: {@code @>} and {@code <@} compare arrays when
 * either side is written as one (ARRAY[…], {@code ::text[]}, an array function), jsonb otherwise.
 */
final class OperatorMarkers {
    private OperatorMarkers() {
    }

    /** {@code call} is an {@code =} with its operands translated; null when it is a plain comparison. */
    static SqlNode rewrite(SqlCall call, SqlCall original, DialectRules rules) {
        if (!(call.operand(0) instanceof SqlCall marker) || !(original.operand(0) instanceof SqlCall writtenMarker)) {
            return null;
        }
        String name = marker.getOperator().getName().toLowerCase(Locale.ROOT);
        if (!StatementNormalizer.OPERATOR_MARKERS.containsValue(name)) {
            return null;
        }
        SqlNode left = marker.operand(0);
        SqlNode right = call.operand(1);
        SqlNode writtenLeft = writtenMarker.operand(0);
        SqlNode writtenRight = original.operand(1);
        boolean arrays = ExpressionTypes.isArray(writtenLeft) || ExpressionTypes.isArray(writtenRight);
        return switch (name) {
            case "pgbridge_op_contains" -> arrays ? rules.arrays().contains(left, right)
                    : rules.jsonb().contains(left, right);
            case "pgbridge_op_contained" -> arrays ? rules.arrays().contains(right, left)
                    : rules.jsonb().contains(right, left);
            case "pgbridge_op_overlaps" -> rules.arrays().overlaps(left, right);
            case "pgbridge_op_key_exists" -> rules.jsonb().keyExists(left, right);
            case "pgbridge_op_any_key_exists" -> rules.jsonb().keysExist(left, right, writtenRight, true);
            case "pgbridge_op_all_keys_exist" -> rules.jsonb().keysExist(left, right, writtenRight, false);
            default -> throw new IllegalStateException(name);
        };
    }
}
