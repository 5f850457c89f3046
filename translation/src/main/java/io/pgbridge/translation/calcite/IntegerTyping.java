package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;

import java.util.Locale;
import java.util.Set;

/**
 * Which expressions are integers by their form alone, without a schema: integer constants, casts to integer types,
 * counts and lengths, and arithmetic on those. PostgreSQL divides two integers with truncation; MariaDB's {@code /}
 * never does, so a division both of whose sides are known integers becomes {@code DIV}. Columns are not known,
 * so {@code a / b} on integer columns still divides exactly there.
 */
final class IntegerTyping {
    private static final Set<String> INTEGER_FUNCTIONS = Set.of("count", "length", "char_length",
            "character_length", "octet_length", "strpos", "position", "row_number", "rank", "dense_rank", "ntile");

    private IntegerTyping() {
    }

    static boolean isInteger(SqlNode node) {
        if (node instanceof SqlNumericLiteral literal) {
            return literal.isExact() && literal.isInteger();
        }
        if (node instanceof SqlSelect select) {
            return select.getSelectList().size() == 1 && isInteger(select.getSelectList().get(0));
        }
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        return switch (call.getKind()) {
            case CAST -> call.operand(1) instanceof SqlDataTypeSpec spec && PgType.of(spec) != null
                    && PgType.of(spec).isInteger();
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> isInteger(call.operand(0)) && isInteger(call.operand(1));
            case MINUS_PREFIX, PLUS_PREFIX -> isInteger(call.operand(0));
            case OVER, SCALAR_QUERY -> isInteger(call.operand(0));
            case POSITION -> true;
            default -> INTEGER_FUNCTIONS.contains(call.getOperator().getName().toLowerCase(Locale.ROOT));
        };
    }

    /**
     * Whether PostgreSQL types {@code node} as integer (int4) or smallint by its form: a whole constant within
     * int4's range, a cast to either, and +, - and * of those, whose result is an int4 that may overflow (22003).
     */
    static boolean isInt4(SqlNode node) {
        if (node instanceof SqlNumericLiteral literal) {
            return literal.isExact() && literal.isInteger()
                    && literal.getValueAs(java.math.BigDecimal.class).abs().compareTo(INT4_MAX) <= 0;
        }
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        return switch (call.getKind()) {
            case CAST -> call.operand(1) instanceof SqlDataTypeSpec spec && PgType.of(spec) != null
                    && (PgType.of(spec).name().equals("int4") || PgType.of(spec).name().equals("int2"));
            case PLUS, MINUS, TIMES -> isInt4(call.operand(0)) && isInt4(call.operand(1));
            case MINUS_PREFIX, PLUS_PREFIX -> isInt4(call.operand(0));
            default -> false;
        };
    }

    /**
     * Whether PostgreSQL's result for {@code node} is an int4 by its form: {@link #isInt4}, or a division or modulo
     * of such, which PostgreSQL keeps int4 (the division truncates).
     */
    static boolean isInt4Result(SqlNode node) {
        if (node instanceof SqlCall call && (call.getKind() == SqlKind.DIVIDE || call.getKind() == SqlKind.MOD)) {
            return isInt4Result(call.operand(0)) && isInt4Result(call.operand(1));
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST) {
            return isInt4(node) && PgType.of((SqlDataTypeSpec) call.operand(1)).name().equals("int4");
        }
        return isInt4(node);
    }

    private static final java.math.BigDecimal INT4_MAX = java.math.BigDecimal.valueOf(Integer.MAX_VALUE);
}
