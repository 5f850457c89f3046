package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GROUP BY ROLLUP (…)}, {@code CUBE (…)} and {@code GROUPING SETS (…)}, which H2 lacks, as one grouped query
 * per grouping set joined by {@code UNION ALL}: in each, the select-list items that are grouping columns outside
 * the set become NULL under their own names, and {@code grouping(x)} becomes 0 or 1, as PostgreSQL defines them.
 * ORDER BY and LIMIT apply to the union, over a derived table, so they refer to the result's column names.
 *
 * <pre>
 * SELECT a, b, count(*) AS n FROM t GROUP BY ROLLUP (a, b) ORDER BY a
 * SELECT * FROM (SELECT a, b, count(*) AS n FROM t GROUP BY a, b
 *     UNION ALL SELECT a, NULL AS b, count(*) AS n FROM t GROUP BY a
 *     UNION ALL SELECT NULL AS a, NULL AS b, count(*) AS n FROM t) AS grouping_sets ORDER BY a
 * </pre>
 */
final class H2GroupingSets {
    private H2GroupingSets() {
    }

    /** Whether the top-level GROUP BY of {@code t} uses ROLLUP, CUBE or GROUPING SETS. */
    static boolean present(SqlTokens t) {
        int group = t.findWord(0, t.size(), "group");
        return t.isWord(0, "select") && group > 0 && t.isWord(group + 1, "by")
                && (t.findWord(group + 2, t.size(), "rollup", "cube") > 0 || t.findWord(group + 2, t.size(), "sets") > 0);
    }

    /** The statement as a union of grouped queries, or the statement itself when its form is not one handled. */
    static String rewrite(SqlTokens t) {
        int from = t.findWord(0, t.size(), "from");
        int group = t.findWord(0, t.size(), "group");
        int tail = t.findWord(group, t.size(), "having", "order", "limit", "offset", "fetch", "window");
        int groupEnd = tail < 0 ? t.size() : tail;
        int having = t.isWord(tail, "having") ? tail : -1;
        int after = having < 0 ? tail : t.findWord(having, t.size(), "order", "limit", "offset", "fetch");
        if (from < 0 || t.findWord(0, t.size(), "union", "except", "intersect", "window") > 0) {
            return t.sql();
        }
        List<String> always = new ArrayList<>();
        List<List<String>> sets = null;
        for (int[] element : t.splitByCommas(group + 2, groupEnd)) {
            List<List<String>> expanded = expand(t, element[0], element[1]);
            if (expanded == null) {
                always.add(t.span(element[0], element[1] - 1));
            } else if (sets == null) {
                sets = expanded;
            } else {
                return t.sql();   // several of them multiply; not handled
            }
        }
        if (sets == null) {
            return t.sql();
        }
        List<String> grouping = new ArrayList<>(always);
        for (List<String> set : sets) {
            for (String column : set) {
                if (!contains(grouping, column)) {
                    grouping.add(column);
                }
            }
        }
        int listStart = t.isWord(1, "distinct") || t.isWord(1, "all") ? 2 : 1;
        List<int[]> items = t.splitByCommas(listStart, from);
        String body = t.span(from, group - 1);
        String havingText = having < 0 ? "" : " " + t.span(having, (after < 0 ? t.size() : after) - 1);
        List<String> branches = new ArrayList<>();
        for (List<String> set : sets) {
            List<String> present = new ArrayList<>(always);
            present.addAll(set);
            List<String> columns = new ArrayList<>();
            for (int[] item : items) {
                columns.add(item(t, item[0], item[1], grouping, present));
            }
            branches.add("SELECT " + t.span(1, listStart - 1) + (listStart > 1 ? " " : "") + String.join(", ", columns)
                    + " " + body + (present.isEmpty() ? "" : " GROUP BY " + String.join(", ", present)) + havingText);
        }
        String rest = after < 0 ? "" : " " + t.span(after, t.size() - 1);
        return "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") AS grouping_sets" + rest;
    }

    /** The grouping sets of a ROLLUP, CUBE or GROUPING SETS element; null for a plain grouping expression. */
    private static List<List<String>> expand(SqlTokens t, int from, int to) {
        List<List<String>> sets = new ArrayList<>();
        if ((t.isWord(from, "rollup") || t.isWord(from, "cube")) && t.partner(from + 1) == to - 1) {
            List<String> columns = new ArrayList<>();
            for (int[] c : t.splitByCommas(from + 2, to - 1)) {
                columns.add(t.span(c[0], c[1] - 1));
            }
            if (t.isWord(from, "rollup")) {
                for (int n = columns.size(); n >= 0; n--) {
                    sets.add(columns.subList(0, n));
                }
            } else {
                for (int mask = (1 << columns.size()) - 1; mask >= 0; mask--) {
                    List<String> set = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            set.add(columns.get(i));
                        }
                    }
                    sets.add(set);
                }
            }
            return sets;
        }
        if (t.isWord(from, "grouping") && t.isWord(from + 1, "sets") && t.partner(from + 2) == to - 1) {
            for (int[] s : t.splitByCommas(from + 3, to - 1)) {
                List<String> set = new ArrayList<>();
                if (t.type(s[0]) == SqlLexer.TokenType.LEFT_PAREN && t.partner(s[0]) == s[1] - 1) {
                    if (s[1] - 1 > s[0] + 1) {
                        for (int[] c : t.splitByCommas(s[0] + 1, s[1] - 1)) {
                            set.add(t.span(c[0], c[1] - 1));
                        }
                    }
                } else if (t.isWord(s[0], "rollup") || t.isWord(s[0], "cube")) {
                    return null;
                } else {
                    set.add(t.span(s[0], s[1] - 1));
                }
                sets.add(set);
            }
            return sets;
        }
        return null;
    }

    /** One select-list item in the branch for {@code present}: NULL for an absent grouping column. */
    private static String item(SqlTokens t, int from, int to, List<String> grouping, List<String> present) {
        int last = to - 1;
        boolean aliased = t.isWord(last - 1, "as") && last - 1 > from;
        int exprEnd = aliased ? last - 2 : last;
        String expression = t.span(from, exprEnd);
        String name = t.text(last);   // the alias, or the column's own name
        if (contains(grouping, expression) && !contains(present, expression)) {
            return "NULL AS " + name;
        }
        // col::type of an absent grouping column: NULL too, named after the column as PostgreSQL names a cast
        boolean cast = exprEnd - 2 >= from && t.isOperator(exprEnd - 1, "::");
        if (cast && contains(grouping, t.span(from, exprEnd - 2)) && !contains(present, t.span(from, exprEnd - 2))) {
            return "NULL AS " + (aliased ? name : t.text(exprEnd - 2));
        }
        // grouping(x): 1 where x is not grouped in this branch
        if (t.isWord(from, "grouping") && t.partner(from + 1) == exprEnd) {
            int bit = 0;
            for (int[] arg : t.splitByCommas(from + 2, exprEnd)) {
                bit = bit * 2 + (contains(present, t.span(arg[0], arg[1] - 1)) ? 0 : 1);
            }
            return bit + " AS " + (aliased ? name : "\"grouping\"");
        }
        return t.span(from, to - 1);
    }

    private static boolean contains(List<String> expressions, String expression) {
        String wanted = normalise(expression);
        for (String e : expressions) {
            if (normalise(e).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String expression) {
        return expression.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
