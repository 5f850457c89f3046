package io.pgbridge.translation.calcite;

import io.pgbridge.translation.Translation;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

import java.util.HashMap;
import java.util.Map;

/**
 * The result columns whose PostgreSQL type the backend cannot report: booleans where it answers numbers
 * ({@link BooleanColumns}), arrays and JSON it answers as text ({@link ExpressionTypes}).
 */
final class ResultTypes {
    private ResultTypes() {
    }

    static Map<Integer, String> ofQuery(SqlNode node, DialectRules rules) {
        SqlSelect select = ColumnLabels.resultSelect(node);
        return select == null ? Map.of() : ofList(select.getSelectList(), rules);
    }

    static Map<Integer, String> ofList(SqlNodeList items, DialectRules rules) {
        Map<Integer, String> types = new HashMap<>(ExpressionTypes.ofList(items));
        if (!rules.jsonb().writesJsonText()) {
            types.replaceAll((column, type) -> type.equals(ExpressionTypes.JSON) ? ExpressionTypes.JSONB : type);
        }
        if (rules.answersBooleansAsNumbers()) {
            for (int column : BooleanColumns.ofList(items)) {
                types.put(column, Translation.BOOLEAN);
            }
        }
        return types;
    }
}
