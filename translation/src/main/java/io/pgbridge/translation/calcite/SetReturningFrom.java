package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code unnest(array)} and {@code jsonb_array_elements_text(doc)} in FROM (written {@code TABLE(…)} by
 * {@link StatementNormalizer}): the backend's JSON table function over the array, one row per element. PostgreSQL
 * names the column after the column alias, else the table alias, else the function (unnest), or {@code value}
 * (jsonb_array_elements_text). MariaDB's JSON_TABLE takes that name; SQLite's json_each always calls it
 * {@code value}, so there the query's references to the name are written {@code alias.value} ({@link #columns}).
 */
final class SetReturningFrom {
    private SetReturningFrom() {
    }

    /** A FROM item's parts: the table alias, its column's name, the function and its argument. */
    private record Item(String alias, String column, String function, SqlNode argument) {
    }

    /** The FROM item for {@code call} if it is one of these functions, otherwise null. */
    static SqlNode inFrom(SqlCall call, SqlShuttle rewriter, DialectRules rules) {
        Item item = item(call, rules);
        if (item == null) {
            return null;
        }
        SqlNode argument = item.argument().accept(rewriter);
        return item.function().equals(StatementNormalizer.UNNEST)
                ? rules.arrays().elements(argument, item.alias(), item.column())
                : rules.jsonb().elementsText(argument, item.alias(), item.column());
    }

    /**
     * Where the backend cannot name the column (SQLite), the names that mean it in {@code select}'s clauses
     * ({@code column}, {@code alias.column}) → {@code alias.value}.
     */
    static Map<String, SqlNode> columns(SqlSelect select, DialectRules rules) {
        Map<String, SqlNode> columns = new HashMap<>();
        collect(select.getFrom(), rules, columns);
        return columns;
    }

    private static void collect(SqlNode from, DialectRules rules, Map<String, SqlNode> columns) {
        if (!(from instanceof SqlCall call)) {
            return;
        }
        if (call.getKind() == SqlKind.JOIN) {
            collect(call.operand(0), rules, columns);
            collect(call.operand(3), rules, columns);
            return;
        }
        Item item = item(call, rules);
        if (item != null && !rules.arrays().namesElementColumn() && !item.column().equals("value")) {
            SqlIdentifier element = new SqlIdentifier(java.util.List.of(item.alias(), "value"),
                    org.apache.calcite.sql.parser.SqlParserPos.ZERO);
            columns.put(item.column(), element);
            columns.put(item.alias() + "." + item.column(), element);
        }
    }

    private static Item item(SqlCall call, DialectRules rules) {
        FromFunction from = FromFunction.of(call, rules);
        if (from == null) {
            return null;
        }
        SqlCall function = from.function();
        String alias = from.alias();
        String column = from.column();
        String name = function.getOperator().getName().toLowerCase(Locale.ROOT);
        boolean unnest = name.equals(StatementNormalizer.UNNEST);
        if (!unnest && !name.endsWith("array_elements_text")) {
            if (name.endsWith("array_elements")) {
                throw rules.unsupported(name + " in FROM (jsonb_array_elements_text is)");
            }
            return null;
        }
        if (function.operandCount() != 1) {
            throw rules.unsupported(unnest ? "unnest of several arrays" : name + " with " + function.operandCount()
                    + " arguments");
        }
        String functionName = unnest ? "unnest" : name;
        if (alias == null) {
            alias = functionName;
        }
        if (column == null) {
            column = unnest ? alias : "value";
        }
        return new Item(alias, column, name, function.operand(0));
    }
}
