package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT DISTINCT ON (keys) … ORDER BY …} as the first row of each group by a window:
 * <pre>
 * SELECT c1 AS name1, … FROM (SELECT item1 AS c1, …, order1 AS o1, …,
 *     ROW_NUMBER() OVER (PARTITION BY keys ORDER BY …) AS rn FROM …) WHERE rn = 1 ORDER BY o1, …
 * </pre>
 * The normaliser left the keys as a marker call at the head of the select list. {@code *} cannot be listed
 * without a schema and is refused.
 */
final class DistinctOn {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private DistinctOn() {
    }

    /** {@code tree} with every DISTINCT ON query rewritten; other queries are returned as they are. */
    static SqlNode rewrite(SqlNode tree, DialectRules rules) {
        return tree.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                // Before the operands: the ORDER BY around the query is the one DISTINCT ON keeps rows by.
                if (call instanceof SqlOrderBy orderBy && hasMarker(orderBy.query)) {
                    return super.visit(expand((SqlSelect) orderBy.query, orderBy.orderList, orderBy.offset,
                            orderBy.fetch, rules));
                }
                if (call instanceof SqlSelect select && hasMarker(select)) {
                    return super.visit(expand(select, select.getOrderList(), select.getOffset(), select.getFetch(),
                            rules));
                }
                return super.visit(call);
            }
        });
    }

    private static boolean hasMarker(SqlNode node) {
        return node instanceof SqlSelect select && !select.getSelectList().isEmpty()
                && select.getSelectList().get(0) instanceof SqlCall call
                && call.getOperator().getName().equals(StatementNormalizer.DISTINCT_ON);
    }

    private static SqlSelect expand(SqlSelect select, SqlNodeList order, SqlNode offset, SqlNode fetch,
            DialectRules rules) {
        List<SqlNode> items = select.getSelectList().getList();
        SqlNodeList keys = new SqlNodeList(((SqlCall) items.get(0)).getOperandList(), POS);
        List<SqlNode> outputs = items.subList(1, items.size());
        SqlNodeList inner = new SqlNodeList(POS);
        SqlNodeList outer = new SqlNodeList(POS);
        List<String> names = new ArrayList<>();
        List<SqlNode> expressions = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            SqlNode item = outputs.get(i);
            if (item instanceof SqlIdentifier id && id.isStar()) {
                throw rules.unsupported("DISTINCT ON with * (list the columns)");
            }
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            String name = ColumnLabels.labelOf(item);
            names.add(name);
            expressions.add(expression);
            inner.add(as(expression, "pgbridge_c" + i));
            outer.add(as(new SqlIdentifier("pgbridge_c" + i, POS), name));
        }
        SqlNodeList windowOrder = new SqlNodeList(POS);
        SqlNodeList outerOrder = new SqlNodeList(POS);
        if (order != null) {
            for (int j = 0; j < order.size(); j++) {
                SqlNode key = order.get(j);
                if (strip(key) instanceof SqlNumericLiteral) {
                    // The statement cache stands in for such numbers, so the column cannot be chosen by its value.
                    throw rules.unsupported("DISTINCT ON with ORDER BY a column number (name the column)");
                }
                SqlNode expression = resolve(strip(key), names, expressions);
                windowOrder.add(replaceExpression(key, expression));
                inner.add(as(expression, "pgbridge_o" + j));
                outerOrder.add(replaceExpression(key, new SqlIdentifier("pgbridge_o" + j, POS)));
            }
        }
        SqlWindow window = SqlWindow.create(null, null, keys, windowOrder, SqlLiteral.createBoolean(false, POS),
                null, null, null, POS);
        inner.add(as(SqlStdOperatorTable.OVER.createCall(POS, SqlStdOperatorTable.ROW_NUMBER.createCall(POS), window),
                "pgbridge_rn"));
        SqlSelect innerSelect = new SqlSelect(POS, null, inner,
                select.getFrom(), select.getWhere(), select.getGroup(), select.getHaving(), select.getWindowList(),
                null, null, null, null);
        SqlNode rowOne = SqlStdOperatorTable.EQUALS.createCall(POS, new SqlIdentifier("pgbridge_rn", POS),
                SqlNumericLiteral.createExactNumeric("1", POS));
        SqlNode from = as(innerSelect, "pgbridge_distinct");
        return new SqlSelect(POS, null, outer, from, rowOne, null, null, null, null,
                outerOrder.isEmpty() ? null : outerOrder, offset, fetch, null);
    }

    private static SqlNode as(SqlNode expression, String name) {
        return SqlStdOperatorTable.AS.createCall(POS, expression, new SqlIdentifier(name, POS));
    }

    /** The expression inside DESC / NULLS FIRST / NULLS LAST. */
    private static SqlNode strip(SqlNode key) {
        SqlNode node = key;
        while (node.getKind() == SqlKind.DESCENDING || node.getKind() == SqlKind.NULLS_FIRST
                || node.getKind() == SqlKind.NULLS_LAST) {
            node = ((SqlCall) node).operand(0);
        }
        return node;
    }

    /** {@code key} with its expression replaced, keeping DESC and NULLS placement. */
    private static SqlNode replaceExpression(SqlNode key, SqlNode expression) {
        if (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
                || key.getKind() == SqlKind.NULLS_LAST) {
            SqlCall call = (SqlCall) key;
            return call.getOperator().createCall(POS, replaceExpression(call.operand(0), expression));
        }
        return expression;
    }

    /** An ORDER BY output-column name stands for that select-list expression, as in PostgreSQL. */
    private static SqlNode resolve(SqlNode expression, List<String> names, List<SqlNode> expressions) {
        if (expression instanceof SqlIdentifier id && id.names.size() == 1) {
            int index = names.indexOf(id.getSimple());
            if (index >= 0 && !(expressions.get(index) instanceof SqlIdentifier)) {
                return expressions.get(index);
            }
        }
        return expression;
    }
}
