package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.List;

/**
 * {@code FULL [OUTER] JOIN} for MariaDB, which has none, in a query over exactly two FROM items: the left join,
 * plus the right side's rows without a partner, null-extended on the left:
 *
 * <pre>
 * SELECT l.x AS x, r.y FROM a l FULL JOIN b r ON cond WHERE w ORDER BY l.x
 * SELECT l.x AS x, r.y FROM a l LEFT JOIN b r ON cond WHERE w
 * UNION ALL SELECT l.x AS x, r.y FROM a l RIGHT JOIN b r ON FALSE
 *     WHERE NOT EXISTS (SELECT 1 FROM a l WHERE cond) AND (w) ORDER BY x
 * </pre>
 * Aggregates, windows, grouping and DISTINCT would see the two halves apart, and ORDER BY can only name the
 * union's columns: such queries are refused by name.
 */
final class FullJoin {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private FullJoin() {
    }

    static SqlNode rewrite(SqlNode node, DialectRules rules) {
        SqlOrderBy orderBy = node instanceof SqlOrderBy o ? o : null;
        if (!((orderBy != null ? orderBy.query : node) instanceof SqlSelect select)
                || !(select.getFrom() instanceof SqlJoin join) || !isFull(join)) {
            refuseNested(node, rules);
            return node;
        }
        if (join.getLeft() instanceof SqlJoin || join.getRight() instanceof SqlJoin) {
            throw rules.unsupported("FULL JOIN among more than two FROM items");
        }
        if (join.getConditionType() != JoinConditionType.ON || join.isNatural()) {
            throw rules.unsupported("FULL JOIN with USING or NATURAL");
        }
        if (select.getGroup() != null || select.getHaving() != null || select.isDistinct()
                || select.getWindowList() != null && !select.getWindowList().isEmpty()
                || select.getOrderList() != null && !select.getOrderList().isEmpty()
                || select.getFetch() != null || containsAggregateOrWindow(select.getSelectList())) {
            throw rules.unsupported("FULL JOIN with aggregates, windows, grouping or DISTINCT");
        }
        SqlNode where = select.getWhere();
        SqlSelect matched = select(select.getSelectList(), join(join, JoinType.LEFT, join.getCondition()), where);
        SqlSelect partnerless = new SqlSelect(POS, null, SqlNodeList.of(SqlLiteral.createExactNumeric("1", POS)),
                join.getLeft(), join.getCondition(), null, null, null, null, null, null, null, null);
        SqlNode notExists = SqlStdOperatorTable.NOT.createCall(POS, SqlStdOperatorTable.EXISTS.createCall(POS,
                partnerless));
        SqlSelect unmatched = select(select.getSelectList(), join(join, JoinType.RIGHT,
                SqlLiteral.createBoolean(false, POS)), where == null ? notExists
                        : SqlStdOperatorTable.AND.createCall(POS, notExists, where));
        SqlNode union = SqlStdOperatorTable.UNION_ALL.createCall(POS, matched, unmatched);
        if (orderBy == null) {
            return union;
        }
        SqlNodeList keys = new SqlNodeList(POS);
        for (SqlNode key : orderBy.orderList) {
            keys.add(outputKey(key, select.getSelectList(), rules));
        }
        return new SqlOrderBy(POS, union, keys, orderBy.offset, orderBy.fetch);
    }

    private static boolean isFull(SqlJoin join) {
        return join.getJoinType() == JoinType.FULL;
    }

    private static SqlSelect select(SqlNodeList items, SqlJoin from, SqlNode where) {
        return new SqlSelect(POS, null, items, from, where, null, null, null, null, null, null, null, null);
    }

    private static SqlJoin join(SqlJoin full, JoinType type, SqlNode condition) {
        return new SqlJoin(POS, full.getLeft(), SqlLiteral.createBoolean(false, POS), type.symbol(POS),
                full.getRight(), JoinConditionType.ON.symbol(POS), condition);
    }

    /** An ORDER BY key as the union's column it sorts by: its alias, or the column a plain item is named after. */
    private static SqlNode outputKey(SqlNode key, SqlNodeList items, DialectRules rules) {
        if (key instanceof SqlBasicCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            return call.getOperator().createCall(POS, outputKey(call.operand(0), items, rules));
        }
        if (key instanceof SqlNumericLiteral ordinal && ordinal.isInteger()) {
            // By name, so that the backend's NULL ordering can be corrected like any other key's.
            int index = ordinal.intValue(true) - 1;
            SqlNode item = index >= 0 && index < items.size() ? items.get(index) : null;
            if (item != null && item.getKind() == SqlKind.AS) {
                return new SqlIdentifier(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple(), POS);
            }
            if (item instanceof SqlIdentifier column && !column.isStar()) {
                return new SqlIdentifier(column.names.get(column.names.size() - 1), POS);
            }
            throw rules.unsupported("FULL JOIN ordered by the position of a * column");
        }
        for (SqlNode item : items) {
            if (item.getKind() == SqlKind.AS) {
                SqlCall as = (SqlCall) item;
                if (as.operand(0).equalsDeep(key, org.apache.calcite.util.Litmus.IGNORE)
                        || key instanceof SqlIdentifier id && id.isSimple()
                        && id.getSimple().equals(((SqlIdentifier) as.operand(1)).getSimple())) {
                    return new SqlIdentifier(((SqlIdentifier) as.operand(1)).getSimple(), POS);
                }
            } else if (item instanceof SqlIdentifier column && !column.isStar()
                    && column.equalsDeep(key, org.apache.calcite.util.Litmus.IGNORE)) {
                return new SqlIdentifier(column.names.get(column.names.size() - 1), POS);
            }
        }
        throw rules.unsupported("FULL JOIN ordered by an expression that is not in the select list");
    }

    private static boolean containsAggregateOrWindow(SqlNodeList items) {
        Boolean found = items.accept(new SqlBasicVisitor<Boolean>() {
            @Override
            public Boolean visit(SqlCall call) {
                if (PgRewriter.containsAggregate(call) || call.getKind() == SqlKind.OVER || call instanceof SqlSelect) {
                    return true;
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Boolean visit(SqlNodeList list) {
                for (SqlNode item : list) {
                    if (item != null && Boolean.TRUE.equals(item.accept(this))) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }

    /** A FULL JOIN anywhere else (a subquery, a third FROM item) is refused rather than sent to fail. */
    private static void refuseNested(SqlNode node, DialectRules rules) {
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlJoin join && isFull(join)) {
                    throw rules.unsupported("FULL JOIN in a subquery or among more than two FROM items");
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        operand.accept(this);
                    }
                }
                return null;
            }
        });
    }
}
