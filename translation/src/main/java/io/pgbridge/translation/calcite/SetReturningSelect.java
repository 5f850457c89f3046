package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Locale;

/**
 * {@code SELECT id, unnest(tags) AS tag FROM t}: a set-returning function in the select list gives one row per
 * element, which is a join of each row with its array's elements. Written as that join ({@link SetReturningFrom}
 * translates the FROM item); more than one such function (PostgreSQL zips them), or one beside grouping, is refused.
 */
final class SetReturningSelect {
    private static final String ALIAS = "pgbridge_srf";
    private static final String COLUMN = "pgbridge_value";

    private SetReturningSelect() {
    }

    static void rewrite(SqlNode query, DialectRules rules) {
        SqlSelect select = ColumnLabels.resultSelect(query);
        if (select == null) {
            return;
        }
        SqlNodeList items = select.getSelectList();
        int found = -1;
        for (int i = 0; i < items.size(); i++) {
            if (setReturning(unaliased(items.get(i))) != null) {
                if (found >= 0) {
                    throw rules.unsupported("more than one set-returning function in a select list");
                }
                found = i;
            }
        }
        if (found < 0) {
            return;
        }
        if (select.getGroup() != null || select.getHaving() != null) {
            throw rules.unsupported("a set-returning function in the select list of a grouped query");
        }
        SqlNode item = items.get(found);
        SqlCall function = setReturning(unaliased(item));
        String name = function.getOperator().getName().toLowerCase(Locale.ROOT);
        String label = item.getKind() == SqlKind.AS ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()
                : name.equals(StatementNormalizer.UNNEST) ? "unnest" : name;
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlNode table = SqlStdOperatorTable.AS.createCall(pos,
                SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, function),
                new SqlIdentifier(ALIAS, pos), new SqlIdentifier(COLUMN, pos));
        String single = singleTable(select.getFrom());
        SqlIdentifier element = new SqlIdentifier(List.of(ALIAS,
                rules.arrays().namesElementColumn() ? COLUMN : "value"), pos);
        if (!rules.arrays().namesElementColumn() && single != null) {
            // SQLite's json_each has columns of its own (id, key, type…) that the query's names would collide
            // with: the table and its elements are joined in a derived table that keeps the table's name.
            SqlNodeList columns = new SqlNodeList(List.of(SqlIdentifier.star(List.of(single, ""), pos,
                    List.of(pos, pos)), SqlStdOperatorTable.AS.createCall(pos, element, new SqlIdentifier(COLUMN, pos))),
                    pos);
            SqlSelect joined = new SqlSelect(pos, null, columns, join(select.getFrom(), table), null, null, null,
                    null, null, null, null, null, null);
            select.setFrom(SqlStdOperatorTable.AS.createCall(pos, joined, new SqlIdentifier(single, pos)));
            element = new SqlIdentifier(List.of(single, COLUMN), pos);
        } else {
            select.setFrom(select.getFrom() == null ? table : join(select.getFrom(), table));
        }
        items.set(found, SqlStdOperatorTable.AS.createCall(pos, element, new SqlIdentifier(label, pos)));
    }

    private static SqlNode join(SqlNode left, SqlNode right) {
        SqlParserPos pos = SqlParserPos.ZERO;
        return new SqlJoin(pos, left, SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos), right,
                JoinConditionType.NONE.symbol(pos), null);
    }

    /** The name a lone table in FROM is known by (its alias, or its name), or null for anything else. */
    private static String singleTable(SqlNode from) {
        if (from instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        if (from instanceof SqlCall call && call.getKind() == SqlKind.AS && call.operandCount() == 2
                && call.operand(0) instanceof SqlIdentifier) {
            return ((SqlIdentifier) call.operand(1)).getSimple();
        }
        return null;
    }

    private static SqlNode unaliased(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    }

    private static SqlCall setReturning(SqlNode node) {
        if (node instanceof SqlCall call && call.getOperator().getName() != null) {
            String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
            if (name.equals(StatementNormalizer.UNNEST) || name.endsWith("array_elements_text")) {
                return call;
            }
        }
        return null;
    }
}
