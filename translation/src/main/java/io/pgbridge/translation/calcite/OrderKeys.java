package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
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
