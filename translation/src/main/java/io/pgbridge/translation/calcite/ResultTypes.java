package io.pgbridge.translation.calcite;

import io.pgbridge.translation.Translation;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The result columns whose PostgreSQL type the backend cannot report: booleans where it answers numbers
 * ({@link BooleanColumns}), arrays and JSON it answers as text ({@link ExpressionTypes}), timestamptz where it
 * answers a timestamp without an offset.
 */
final class ResultTypes {
    private static final Set<String> CURRENT_INSTANT = Set.of("now", "current_timestamp", "transaction_timestamp",
            "statement_timestamp", "clock_timestamp");
    private ResultTypes() {
    }

    static Map<Integer, String> ofQuery(SqlNode node, DialectRules rules) {
        SqlSelect select = ColumnLabels.resultSelect(node);
        return select == null ? Map.of() : ofList(select.getSelectList(), select, withNames(node), rules);
    }

    /**
     * @param select the SELECT of {@code items}, whose FROM types computed columns over table columns; may be null
     * @param withNames the names of the WITH queries in scope, which are no tables of the catalog
     */
    static Map<Integer, String> ofList(SqlNodeList items, SqlSelect select, Set<String> withNames,
                                       DialectRules rules) {
        Map<Integer, String> types = new HashMap<>(ExpressionTypes.ofList(items));
        if (rules.typesComputedColumnsByValue()) {
            ScalarTypes.ofList(items, select, withNames).forEach(types::putIfAbsent);
        }
        if (!rules.jsonb().writesJsonText()) {
            types.replaceAll((column, type) -> type.equals(ExpressionTypes.JSON) ? ExpressionTypes.JSONB : type);
        }
        if (rules.answersTimestamptzWithoutZone()) {
            for (int i = 0; i < items.size() && !isStar(items.get(i)); i++) {
                if (isTimestamptz(items.get(i))) {
                    types.put(i, "timestamptz");
                }
            }
        }
        if (rules.answersInt4AsBigint()) {
            for (int i = 0; i < items.size() && !isStar(items.get(i)); i++) {
                SqlNode item = items.get(i).getKind() == SqlKind.AS ? ((SqlCall) items.get(i)).operand(0) : items.get(i);
                if (!(item instanceof org.apache.calcite.sql.SqlLiteral) && IntegerTyping.isInt4Result(item)) {
                    types.putIfAbsent(i, "int4");   // '7'::int, x::int / 100: CAST AS SIGNED and DIV are bigint there
                }
            }
        }
        if (rules.answersBooleansAsNumbers()) {
            for (int column : BooleanColumns.ofList(items)) {
                types.put(column, Translation.BOOLEAN);
            }
        }
        return types;
    }

    /** The names of the WITH queries on the way to the query's result SELECT, folded as PostgreSQL folds them. */
    private static Set<String> withNames(SqlNode node) {
        Set<String> names = new java.util.HashSet<>();
        for (SqlNode n = node; n != null; ) {
            if (n instanceof org.apache.calcite.sql.SqlOrderBy orderBy) {
                n = orderBy.query;
            } else if (n instanceof org.apache.calcite.sql.SqlWith with) {
                for (SqlNode item : with.withList) {
                    names.add(((org.apache.calcite.sql.SqlWithItem) item).name.getSimple().toLowerCase(Locale.ROOT));
                }
                n = with.body;
            } else {
                n = null;
            }
        }
        return names;
    }

    /** A cast to timestamptz ({@code TIMESTAMPTZ '…'} reads as one) or a function of the current instant. */
    private static boolean isTimestamptz(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        if (call.getKind() == SqlKind.AS) {
            return isTimestamptz(call.operand(0));
        }
        if (call.getKind() == SqlKind.CAST) {
            PgType type = PgType.of((SqlDataTypeSpec) call.operand(1));
            return type != null && type.name().equals("timestamptz");
        }
        return CURRENT_INSTANT.contains(call.getOperator().getName().toLowerCase(Locale.ROOT));
    }

    private static boolean isStar(SqlNode item) {
        return item instanceof SqlIdentifier id && id.isStar();
    }
}
