package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * ORDER BY keys with PostgreSQL's NULL placement. PostgreSQL sorts NULLs as larger than any value (last ascending,
 * first descending); MariaDB and SQLite sort them as smaller. Every key is handed to the dialect with the placement
 * PostgreSQL would use, explicit or default.
 */
final class OrderKeys {
    private OrderKeys() {
    }

    /** The backend's keys for one parsed key ({@code x}, {@code x DESC}, {@code x DESC NULLS LAST}…). */
    static List<SqlNode> translate(SqlNode key, DialectRules rules) {
        Boolean nullsFirst = null;
        SqlNode expression = key;
        if (expression.getKind() == SqlKind.NULLS_FIRST || expression.getKind() == SqlKind.NULLS_LAST) {
            nullsFirst = expression.getKind() == SqlKind.NULLS_FIRST;
            expression = ((SqlCall) expression).operand(0);
        }
        boolean descending = false;
        if (expression.getKind() == SqlKind.DESCENDING) {
            descending = true;
            expression = ((SqlCall) expression).operand(0);
        }
        return rules.orderKey(expression, descending, nullsFirst);
    }

    /**
     * A SELECT's ORDER BY list translated, where an ordinal key ({@code ORDER BY 1}) stays the sort key but the
     * dialect sees the select item it names, so that it can place that item's NULLs as PostgreSQL does.
     */
    static SqlNodeList translate(SqlNodeList keys, DialectRules rules, SqlNodeList selectList) {
        if (keys == null || keys.isEmpty() || selectList == null) {
            return translate(keys, rules);
        }
        SqlNodeList translated = new SqlNodeList(SqlParserPos.ZERO);
        for (SqlNode key : keys) {
            SqlNode ordinal = innermost(key);
            SqlNode item = ordinal instanceof SqlNumericLiteral number ? selectItem(number, selectList) : null;
            if (item == null) {
                translated.addAll(translate(key, rules));
                continue;
            }
            List<SqlNode> resolved = translate(replaced(key, ordinal, item), rules);
            for (int i = 0; i < resolved.size(); i++) {
                // The last node is the sort key itself: it keeps the ordinal, which means the same everywhere.
                translated.add(i == resolved.size() - 1 ? replaced(resolved.get(i), item, ordinal) : resolved.get(i));
            }
        }
        return translated;
    }

    private static SqlNode innermost(SqlNode key) {
        SqlNode node = key;
        while (node.getKind() == SqlKind.NULLS_FIRST || node.getKind() == SqlKind.NULLS_LAST
                || node.getKind() == SqlKind.DESCENDING) {
            node = ((SqlCall) node).operand(0);
        }
        return node;
    }

    /** The expression of the select item an ordinal names, or null for a star or an ordinal out of range. */
    private static SqlNode selectItem(SqlNumericLiteral number, SqlNodeList selectList) {
        if (!number.isInteger()) {
            return null;
        }
        int index = number.intValue(true) - 1;
        for (int i = 0; i <= Math.min(index, selectList.size() - 1); i++) {
            if (selectList.get(i) instanceof SqlIdentifier id && id.isStar()) {
                return null;
            }
        }
        if (index < 0 || index >= selectList.size()) {
            return null;
        }
        SqlNode item = selectList.get(index);
        return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    }

    /** {@code node} with {@code from} (the very node) replaced by {@code to}, through the wrapping calls. */
    private static SqlNode replaced(SqlNode node, SqlNode from, SqlNode to) {
        if (node == from) {
            return to;
        }
        if (node instanceof SqlCall call && (call.getKind() == SqlKind.NULLS_FIRST
                || call.getKind() == SqlKind.NULLS_LAST || call.getKind() == SqlKind.DESCENDING)) {
            return call.getOperator().createCall(SqlParserPos.ZERO, replaced(call.operand(0), from, to));
        }
        return node;
    }

    /** A whole ORDER BY list translated; null stays null. */
    static SqlNodeList translate(SqlNodeList keys, DialectRules rules) {
        if (keys == null || keys.isEmpty()) {
            return keys;
        }
        SqlNodeList translated = new SqlNodeList(SqlParserPos.ZERO);
        for (SqlNode key : keys) {
            translated.addAll(translate(key, rules));
        }
        return translated;
    }
}
