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

    private static SqlNode union(SqlCall values) {
        SqlNode result = null;
        for (SqlNode row : values.getOperandList()) {
            SqlNodeList items = new SqlNodeList(POS);
            for (int i = 0; i < ((SqlCall) row).operandCount(); i++) {
                SqlNode value = ((SqlCall) row).operand(i);
                items.add(result == null ? SqlStdOperatorTable.AS.createCall(POS, value,
                        new SqlIdentifier("column" + (i + 1), POS)) : value);
            }
            SqlSelect select = new SqlSelect(POS, null, items, null, null, null, null, null, null, null, null, null);
            result = result == null ? select : SqlStdOperatorTable.UNION_ALL.createCall(POS, result, select);
        }
        return result;
    }
}
