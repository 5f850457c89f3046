package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which result columns PostgreSQL types as boolean, read from the statement as written: comparisons, logic,
 * predicates, boolean literals and casts, and boolean aggregates. A backend without a boolean type (MariaDB answers
 * {@code a = b} with the integer 1 or 0) cannot say so itself; the proxy presents these columns as boolean.
 * Plain columns are the backend's to describe (MariaDB reports its BOOLEAN columns as such).
 */
final class BooleanColumns {
    private static final Set<SqlKind> PREDICATES = Set.of(SqlKind.AND, SqlKind.OR, SqlKind.NOT, SqlKind.IS_NULL,
            SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_FALSE, SqlKind.IS_NOT_TRUE, SqlKind.IS_NOT_FALSE,
            SqlKind.IS_UNKNOWN, SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM,
            SqlKind.LIKE, SqlKind.RLIKE, SqlKind.SIMILAR, SqlKind.IN, SqlKind.NOT_IN, SqlKind.EXISTS, SqlKind.BETWEEN, SqlKind.SOME,
            SqlKind.ALL);
    private static final Set<String> BOOLEAN_FUNCTIONS = Set.of("bool_and", "bool_or", "every", "starts_with",
            "isfinite");

    private BooleanColumns() {
    }

    /** The 0-based boolean columns of the query {@code node}; none for other statements. */
    static List<Integer> ofQuery(SqlNode node) {
        SqlSelect select = ColumnLabels.resultSelect(node);
        return select == null ? List.of() : ofList(select.getSelectList());
    }

    /** The 0-based boolean items of a select list, up to the first {@code *} (whose width is unknown here). */
    static List<Integer> ofList(SqlNodeList items) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier id && id.isStar()) {
                break;
            }
            if (isBoolean(item)) {
                columns.add(i);
            }
        }
        return columns;
    }

    /** Whether PostgreSQL gives {@code node} the type boolean. */
    static boolean isBoolean(SqlNode node) {
        if (node instanceof SqlLiteral literal) {
            return literal.getTypeName() == SqlTypeName.BOOLEAN;
        }
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.AS) {
            return isBoolean(call.operand(0));
        }
        if (node.isA(SqlKind.COMPARISON) || PREDICATES.contains(kind)) {
            return true;
        }
        if (kind == SqlKind.CAST) {
            PgType type = PgType.of((SqlDataTypeSpec) call.operand(1));
            return type != null && type.name().equals("bool");
        }
        if (call instanceof SqlCase sqlCase) {
            return allBoolean(sqlCase.getThenOperands()) && (sqlCase.getElseOperand() == null
                    || DialectRules.isNullLiteral(sqlCase.getElseOperand()) || isBoolean(sqlCase.getElseOperand()));
        }
        if (kind == SqlKind.FILTER) {
            return isBoolean(call.operand(0));
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return BOOLEAN_FUNCTIONS.contains(name);
    }

    private static boolean allBoolean(SqlNodeList nodes) {
        for (SqlNode node : nodes) {
            if (!isBoolean(node)) {
                return false;
            }
        }
        return !nodes.isEmpty();
    }
}
