package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code INSERT … VALUES (…, DEFAULT, …)} for a backend without the DEFAULT keyword in VALUES (SQLite): a column
 * left out of the insert gets its default, so the columns every row sets to DEFAULT are dropped from the column
 * list and the rows. Rows that disagree on which columns are DEFAULT cannot be written as one statement.
 */
final class InsertDefaults {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private InsertDefaults() {
    }

    static void dropDefaults(SqlInsert insert, DialectRules rules) {
        if (insert.getSource().getKind() != SqlKind.VALUES) {
            return;
        }
        List<SqlNode> rows = ((SqlCall) insert.getSource()).getOperandList();
        boolean[] defaults = defaultsOf((SqlCall) rows.get(0));
        boolean any = false;
        for (boolean isDefault : defaults) {
            any |= isDefault;
        }
        for (SqlNode row : rows) {
            boolean[] these = defaultsOf((SqlCall) row);
            if (!java.util.Arrays.equals(these, defaults)) {
                throw rules.unsupported("DEFAULT in different columns of different VALUES rows");
            }
        }
        if (!any) {
            return;
        }
        SqlNodeList columns = insert.getTargetColumnList();
        if (columns == null || columns.size() != defaults.length) {
            throw rules.unsupported("DEFAULT in VALUES without a column list");
        }
        SqlNodeList kept = new SqlNodeList(POS);
        for (int i = 0; i < defaults.length; i++) {
            if (!defaults[i]) {
                kept.add(columns.get(i));
            }
        }
        if (kept.isEmpty()) {
            throw rules.unsupported("VALUES of DEFAULT only");
        }
        List<SqlNode> newRows = new ArrayList<>();
        for (SqlNode row : rows) {
            List<SqlNode> values = new ArrayList<>();
            for (int i = 0; i < defaults.length; i++) {
                if (!defaults[i]) {
                    values.add(((SqlCall) row).operand(i));
                }
            }
            newRows.add(SqlStdOperatorTable.ROW.createCall(POS, values));
        }
        insert.setOperand(3, kept);
        insert.setOperand(2, SqlStdOperatorTable.VALUES.createCall(POS, newRows));
    }

    private static boolean[] defaultsOf(SqlCall row) {
        boolean[] defaults = new boolean[row.operandCount()];
        for (int i = 0; i < defaults.length; i++) {
            defaults[i] = row.operand(i).getKind() == SqlKind.DEFAULT;
        }
        return defaults;
    }
}
