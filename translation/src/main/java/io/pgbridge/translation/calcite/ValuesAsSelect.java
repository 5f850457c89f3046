package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A top-level {@code VALUES (…), (…)} as {@code SELECT … AS column1, … UNION ALL SELECT …}: MariaDB names VALUES
 * columns after the first row's values, PostgreSQL names them column1, column2…
 */
final class ValuesAsSelect {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private ValuesAsSelect() {
    }

    static SqlNode rewrite(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy && orderBy.query.getKind() == SqlKind.VALUES) {
            return new SqlOrderBy(POS, union((SqlCall) orderBy.query), orderBy.orderList, orderBy.offset,
                    orderBy.fetch);
        }
        return query.getKind() == SqlKind.VALUES ? union((SqlCall) query) : query;
    }

    /**
     * {@code (VALUES …) AS v (a, b)} in FROM: MariaDB takes no column names after a derived table's alias, so the
     * rows become a union whose first SELECT names the columns.
     */
    static SqlNode named(SqlCall as) {
        java.util.List<SqlNode> operands = as.getOperandList();
        SqlNodeList names = new SqlNodeList(operands.subList(2, operands.size()), POS);
        return SqlStdOperatorTable.AS.createCall(POS, union((SqlCall) operands.get(0), names), operands.get(1));
    }

    private static SqlNode union(SqlCall values) {
        return union(values, null);
    }

    private static SqlNode union(SqlCall values, SqlNodeList names) {
        SqlNode result = null;
        for (SqlNode row : values.getOperandList()) {
            SqlNodeList items = new SqlNodeList(POS);
            for (int i = 0; i < ((SqlCall) row).operandCount(); i++) {
                SqlNode value = ((SqlCall) row).operand(i);
                SqlNode name = names != null && i < names.size() ? names.get(i)
                        : new SqlIdentifier("column" + (i + 1), POS);
                items.add(result == null ? SqlStdOperatorTable.AS.createCall(POS, value, name) : value);
            }
            SqlSelect select = new SqlSelect(POS, null, items, null, null, null, null, null, null, null, null, null);
            result = result == null ? select : SqlStdOperatorTable.UNION_ALL.createCall(POS, result, select);
        }
        return result;
    }
}
