package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code FULL [OUTER] JOIN}, which H2 lacks, for a query over exactly two FROM items: the left join, plus the right
 * side's rows that have no partner, with the left side null-extended:
 *
 * <pre>
 * SELECT l.x, r.y FROM a l FULL JOIN b r ON cond WHERE w ORDER BY l.x
 * SELECT * FROM (SELECT l.x AS x, r.y AS y FROM a l LEFT JOIN b r ON cond WHERE w
 *     UNION ALL SELECT l.x AS x, r.y AS y FROM b r LEFT JOIN a l ON FALSE
 *         WHERE NOT EXISTS (SELECT 1 FROM a l WHERE cond) AND (w)) AS full_join ORDER BY x
 * </pre>
 * Aggregates, grouping and DISTINCT would see the two halves apart, so such queries are left for H2 to reject, as
 * are ORDER BY keys that are not select-list items.
 */
final class H2FullJoin {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "string_agg",
            "array_agg", "bool_and", "bool_or", "every", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "stddev", "variance", "listagg");

    private H2FullJoin() {
    }

    static boolean present(SqlTokens t) {
        return t.isWord(0, "select") && t.findWord(0, t.size(), "full") > 0;
    }

    static String rewrite(SqlTokens t) {
        int from = t.findWord(0, t.size(), "from");
        int full = t.findWord(0, t.size(), "full");
        int join = t.isWord(full + 1, "outer") ? full + 2 : full + 1;
        if (from < 0 || full < from || !t.isWord(join, "join")
                || t.findWord(0, t.size(), "group", "having", "distinct", "union", "except", "intersect", "over",
                        "window") > 0
                || t.findWord(from + 1, full, "join") > 0 || t.splitByCommas(from + 1, full).size() > 1) {
            return t.sql();
        }
        int on = t.findWord(join, t.size(), "on");
        int end = t.findWord(join, t.size(), "where", "order", "limit", "offset", "fetch");
        int conditionEnd = end < 0 ? t.size() : end;
        if (on < 0 || on > conditionEnd || t.findWord(on, conditionEnd, "join") > 0) {
            return t.sql();
        }
        List<String> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int[] item : t.splitByCommas(1, from)) {
            if (hasAggregate(t, item[0], item[1]) || t.isOperator(item[1] - 1, "*")) {
                return t.sql();
            }
            int last = item[1] - 1;
            boolean aliased = t.isWord(last - 1, "as");
            String expression = t.span(item[0], aliased ? last - 2 : last);
            items.add(expression);
            names.add(t.text(last));
        }
        String left = t.span(from + 1, full - 1);
        String right = t.span(join + 1, on - 1);
        String condition = t.span(on + 1, conditionEnd - 1);
        int where = t.isWord(end, "where") ? end : -1;
        int order = t.findWord(join, t.size(), "order", "limit", "offset", "fetch");
        String filter = where < 0 ? "" : t.span(where + 1, (order < 0 ? t.size() : order) - 1);
        List<String> select = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            select.add(items.get(i) + " AS " + names.get(i));
        }
        String list = "SELECT " + String.join(", ", select);
        String withPartner = list + " FROM " + left + " LEFT JOIN " + right + " ON " + condition
                + (filter.isEmpty() ? "" : " WHERE " + filter);
        String alone = list + " FROM " + right + " LEFT JOIN " + left + " ON FALSE WHERE NOT EXISTS (SELECT 1 FROM "
                + left + " WHERE " + condition + ")" + (filter.isEmpty() ? "" : " AND (" + filter + ")");
        String tail = order < 0 ? "" : orderAndLimit(t, order, items, names);
        if (order >= 0 && tail.isEmpty()) {
            return t.sql();
        }
        return "SELECT * FROM (" + withPartner + " UNION ALL " + alone + ") AS full_join" + (tail.isEmpty() ? "" : " " + tail);
    }

    /** ORDER BY with its keys as result column names, and LIMIT/OFFSET as written; blank if a key is no item. */
    private static String orderAndLimit(SqlTokens t, int order, List<String> items, List<String> names) {
        if (!t.isWord(order, "order")) {
            return t.span(order, t.size() - 1);
        }
        int limit = t.findWord(order, t.size(), "limit", "offset", "fetch");
        int keysEnd = limit < 0 ? t.size() : limit;
        List<String> keys = new ArrayList<>();
        for (int[] key : t.splitByCommas(order + 2, keysEnd)) {
            int exprEnd = key[1];
            while (exprEnd - 1 > key[0] && isOrderWord(t.word(exprEnd - 1))) {
                exprEnd--;
            }
            String expression = normalise(t.span(key[0], exprEnd - 1));
            String name = null;
            for (int i = 0; i < items.size() && name == null; i++) {
                if (normalise(items.get(i)).equals(expression) || normalise(names.get(i)).equals(expression)) {
                    name = names.get(i);
                }
            }
            if (name == null) {
                return "";
            }
            keys.add(name + (exprEnd < key[1] ? " " + t.span(exprEnd, key[1] - 1) : ""));
        }
        return "ORDER BY " + String.join(", ", keys) + (limit < 0 ? "" : " " + t.span(limit, t.size() - 1));
    }

    private static boolean hasAggregate(SqlTokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN && t.word(i) != null && AGGREGATES.contains(t.word(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOrderWord(String word) {
        return word != null && Set.of("asc", "desc", "nulls", "first", "last").contains(word);
    }

    private static String normalise(String expression) {
        return expression.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
