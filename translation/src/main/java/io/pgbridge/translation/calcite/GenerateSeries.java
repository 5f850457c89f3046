package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/**
 * {@code generate_series(start, stop[, step])} in FROM, as a recursive CTE in a derived table: neither MariaDB nor
 * SQLite (without its series extension) has the function, and both have recursive CTEs. The column is named as
 * PostgreSQL names it: after the column alias, else the table alias, else "generate_series".
 */
final class GenerateSeries {
    private GenerateSeries() {
    }

    /** The derived table for {@code call} if it is a generate_series FROM item, otherwise null. */
    static SqlNode inFrom(SqlCall call, SqlShuttle rewriter, DialectRules rules) {
        SqlCall table = call;
        String alias = null;
        String column = null;
        if (call.getKind() == SqlKind.AS) {
            if (call.operand(0).getKind() != SqlKind.COLLECTION_TABLE) {
                return null;
            }
            table = call.operand(0);
            alias = ((SqlIdentifier) call.operand(1)).getSimple();
            if (call.operandCount() > 3) {
                throw rules.unsupported("generate_series with more than one column alias");
            }
            column = call.operandCount() == 3 ? ((SqlIdentifier) call.operand(2)).getSimple() : alias;
        }
        if (!(table.operand(0) instanceof SqlCall function)
                || !function.getOperator().getName().equalsIgnoreCase("generate_series")) {
            return null;
        }
        List<SqlNode> args = function.getOperandList();
        if (args.size() < 2 || args.size() > 3) {
            throw rules.unsupported("generate_series with " + args.size() + " arguments");
        }
        if (alias == null) {
            alias = "generate_series";
            column = alias;
        }
        SqlNode start = args.get(0).accept(rewriter);
        SqlNode stop = args.get(1).accept(rewriter);
        String series = "\"pgbridge_series\"";
        IntervalValue step = args.size() == 3 ? MarkerCheck.interval(args.get(2), rules) : null;
        if (step != null) {
            return named(timestamps(series, start, stop, step, column, rules), alias);
        }
        String next = args.size() == 3 ? "\"n\" + {2}" : "\"n\" + 1";
        String condition = args.size() == 3
                ? "CASE WHEN {2} > 0 THEN " + next + " <= {1} ELSE " + next + " >= {1} END"
                : next + " <= {1}";
        String firstCondition = args.size() == 3
                ? "CASE WHEN {2} > 0 THEN {0} <= {1} ELSE {0} >= {1} END" : "{0} <= {1}";
        String text = "(WITH RECURSIVE " + series + " (\"n\") AS (SELECT {0} FROM (SELECT 1) AS \"pgbridge_one\""
                + " WHERE " + firstCondition + " UNION ALL SELECT " + next + " FROM " + series + " WHERE " + condition
                + ") SELECT \"n\" AS " + rules.dialect().quoteIdentifier(column) + " FROM " + series + ")";
        SqlNode derived = args.size() == 3
                ? DialectRules.template(text, start, stop, args.get(2).accept(rewriter))
                : DialectRules.template(text, start, stop);
        return named(derived, alias);
    }

    private static SqlNode named(SqlNode derived, String alias) {
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, derived,
                new SqlIdentifier(alias, SqlParserPos.ZERO));
    }

    /** {@code generate_series(start, stop, interval)}: timestamps, each the previous one plus the interval. */
    private static SqlNode timestamps(String series, SqlNode start, SqlNode stop, IntervalValue step, String column,
                                      DialectRules rules) {
        boolean up = step.amounts().values().stream().allMatch(amount -> amount.signum() >= 0);
        boolean down = step.amounts().values().stream().allMatch(amount -> amount.signum() <= 0);
        if (up == down) {
            throw rules.unsupported("generate_series with an interval step of mixed signs or zero");
        }
        String compare = up ? " <= " : " >= ";
        // The start also goes through the backend's timestamp arithmetic, so every row has the same form.
        SqlNode first = rules.addInterval(start, IntervalValue.parse("0 seconds"), false);
        SqlNode last = rules.addInterval(stop, IntervalValue.parse("0 seconds"), false);
        SqlNode next = rules.addInterval(new SqlIdentifier("n", SqlParserPos.ZERO), step, false);
        String text = "(WITH RECURSIVE " + series + " (\"n\") AS (SELECT {0} FROM (SELECT 1) AS \"pgbridge_one\""
                + " WHERE {0}" + compare + "{1} UNION ALL SELECT {2} FROM " + series + " WHERE {2}" + compare
                + "{1}) SELECT \"n\" AS " + rules.dialect().quoteIdentifier(column) + " FROM " + series + ")";
        return DialectRules.template(text, first, last, next);
    }
}
