package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.math.BigDecimal;

/**
 * PostgreSQL's arithmetic on dates, timestamps and constant intervals, decided from the operands as written (see
 * {@link TemporalTyping}): {@code date - date}, {@code date ± integer}, {@code timestamp - timestamp},
 * {@code interval * number}, {@code interval / number} and {@code extract(epoch from …)} of an interval.
 */
final class DateArithmetic {
    private final TemporalTyping typing;
    private final SqlShuttle rewriter;
    private final DialectRules rules;
    private final DateRules dates;

    DateArithmetic(TemporalTyping typing, SqlShuttle rewriter, DialectRules rules) {
        this.typing = typing;
        this.rewriter = rewriter;
        this.rules = rules;
        this.dates = rules.dateRules();
    }

    /** The translation of {@code call} when it is such arithmetic; null otherwise. */
    SqlNode rewrite(SqlCall call) {
        if (dates == null) {
            return null;
        }
        return switch (call.getKind()) {
            case MINUS, PLUS -> plusOrMinus(call, call.getKind() == SqlKind.MINUS);
            case TIMES, DIVIDE -> scaledInterval(call);
            default -> call.getOperator().getName().equals(StatementNormalizer.EXTRACT) ? epoch(call) : null;
        };
    }

    private SqlNode plusOrMinus(SqlCall call, boolean minus) {
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        TemporalTyping.Kind leftKind = typing.kind(left);
        TemporalTyping.Kind rightKind = typing.kind(right);
        if (minus && leftKind != null && rightKind != null) {
            if (leftKind == TemporalTyping.Kind.DATE && rightKind == TemporalTyping.Kind.DATE) {
                return dates.daysBetween(left.accept(rewriter), right.accept(rewriter));
            }
            return dates.intervalText(dates.microsBetween(left.accept(rewriter), right.accept(rewriter)));
        }
        if (leftKind == TemporalTyping.Kind.DATE && rightKind == null && IntegerTyping.isInteger(right)) {
            return dates.plusDays(left.accept(rewriter), right.accept(rewriter), minus);
        }
        if (!minus && rightKind == TemporalTyping.Kind.DATE && leftKind == null && IntegerTyping.isInteger(left)) {
            return dates.plusDays(right.accept(rewriter), left.accept(rewriter), false);
        }
        return null;
    }

    /** {@code interval * n}, {@code n * interval} and {@code interval / n} with constants: a constant interval. */
    private SqlNode scaledInterval(SqlCall call) {
        boolean divide = call.getKind() == SqlKind.DIVIDE;
        IntervalValue interval = constantInterval(call.operand(0));
        SqlNode factor = call.operand(1);
        if (interval == null && !divide) {
            interval = constantInterval(call.operand(1));
            factor = call.operand(0);
        }
        if (interval == null) {
            return null;
        }
        if (!(factor instanceof SqlNumericLiteral number)) {
            throw rules.unsupported("interval arithmetic with a value that is not a constant");
        }
        double value = number.getValueAs(BigDecimal.class).doubleValue();
        IntervalConstant base = IntervalConstant.of(interval);
        IntervalConstant scaled = divide ? base.dividedBy(value) : base.times(value);
        return marker(scaled);
    }

    /** {@code extract(epoch from a - b)}: the operand is an interval, so a and b are timestamps (or dates). */
    private SqlNode epoch(SqlCall call) {
        if (!"epoch".equals(DialectRules.stringValue(call.operand(0)))) {
            return null;
        }
        SqlNode value = call.operand(1);
        IntervalValue constant = constantInterval(value);
        if (constant != null) {
            IntervalConstant c = IntervalConstant.of(constant);
            // PostgreSQL counts a month as 30 days and a year as 365.25 here.
            BigDecimal seconds = BigDecimal.valueOf(c.micros(), 6)
                    .add(BigDecimal.valueOf(c.days()).multiply(BigDecimal.valueOf(86_400)))
                    .add(BigDecimal.valueOf(c.months() / 12).multiply(BigDecimal.valueOf(31_557_600)))
                    .add(BigDecimal.valueOf(c.months() % 12).multiply(BigDecimal.valueOf(2_592_000)));
            return SqlLiteral.createExactNumeric(seconds.toPlainString(), SqlParserPos.ZERO);
        }
        if (value.getKind() != SqlKind.MINUS) {
            return null;
        }
        SqlCall difference = (SqlCall) value;
        SqlNode right = difference.operand(1);
        if (TemporalTyping.isInterval(right) || IntegerTyping.isInteger(right)
                || typing.kind(difference.operand(0)) == TemporalTyping.Kind.DATE
                && typing.kind(right) == TemporalTyping.Kind.DATE) {
            return null;
        }
        return dates.epochSeconds(dates.microsBetween(difference.operand(0).accept(rewriter), right.accept(rewriter)));
    }

    /** The interval a marker (or a scaled marker) stands for, or null. */
    private IntervalValue constantInterval(SqlNode node) {
        if (node instanceof SqlCall call && (call.getKind() == SqlKind.TIMES || call.getKind() == SqlKind.DIVIDE)) {
            SqlNode scaled = scaledInterval(call);
            return scaled == null ? null : constantInterval(scaled);
        }
        if (!TemporalTyping.isInterval(node)) {
            return null;
        }
        String text = DialectRules.stringValue(((SqlCall) node).operand(0));
        return text == null ? null : IntervalValue.parse(text);
    }

    /** A marker call holding {@code value}, which the {@code ±} around it or the select list consumes. */
    static SqlCall marker(IntervalConstant value) {
        String text = value.months() + " months " + value.days() + " days "
                + BigDecimal.valueOf(value.micros(), 6).toPlainString() + " seconds";
        return new SqlUnresolvedFunction(new SqlIdentifier(StatementNormalizer.INTERVAL, SqlParserPos.ZERO), null,
                null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION)
                .createCall(SqlParserPos.ZERO, SqlLiteral.createCharString(text, SqlParserPos.ZERO));
    }

    /** A select-list interval constant as PostgreSQL prints it; null when {@code node} is none. */
    static SqlNode asText(SqlNode node) {
        if (!TemporalTyping.isInterval(node)) {
            return null;
        }
        IntervalValue value = IntervalValue.parse(String.valueOf(DialectRules.stringValue(((SqlCall) node).operand(0))));
        return value == null ? null
                : SqlLiteral.createCharString(IntervalConstant.of(value).text(), SqlParserPos.ZERO);
    }
}
