package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the select lists of a statement, at every nesting depth (subqueries name the columns their outer query
 * refers to), and the RETURNING list, as token ranges.
 */
public final class SelectLists {
    private static final String[] LIST_ENDS = {"from", "into", "where", "group", "having", "window", "order", "limit",
            "offset", "fetch", "union", "intersect", "except", "for"};

    private SelectLists() {
    }

    /** Each list as {from, toExclusive}; items are split with {@link SqlTokens#splitByCommas}. */
    public static List<int[]> of(SqlTokens t) {
        List<int[]> lists = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            boolean select = t.isWord(i, "select");
            boolean returning = t.isWord(i, "returning");
            if (!select && !returning) {
                continue;
            }
            int start = i + 1;
            if (select) {
                if (t.isWord(start, "all")) {
                    start++;
                } else if (t.isWord(start, "distinct")) {
                    start++;
                    if (t.isWord(start, "on") && t.partner(start + 1) > start) {
                        start = t.partner(start + 1) + 1;
                    }
                }
            }
            int limit = enclosingEnd(t, i);
            int end = select ? t.findWord(start, limit, LIST_ENDS) : -1;
            lists.add(new int[] {start, end < 0 ? limit : end});
        }
        return lists;
    }

    /** The index of the closing parenthesis around token {@code i}, or the token count at top level. */
    private static int enclosingEnd(SqlTokens t, int i) {
        int depth = 0;
        for (int j = i + 1; j < t.size(); j++) {
            if (t.type(j) == SqlLexer.TokenType.LEFT_PAREN || t.type(j) == SqlLexer.TokenType.LEFT_BRACKET) {
                depth++;
            } else if (t.type(j) == SqlLexer.TokenType.RIGHT_PAREN || t.type(j) == SqlLexer.TokenType.RIGHT_BRACKET) {
                if (depth-- == 0) {
                    return j;
                }
            } else if (t.type(j) == SqlLexer.TokenType.SEMICOLON && depth == 0) {
                return j;
            }
        }
        return t.size();
    }

    /**
     * Edits that give every unaliased item of every list its PostgreSQL name as an alias, except plain column
     * references and stars, which every backend names alike.
     */
    public static void aliasUnnamedItems(SqlTokens t, TextEdits edits) {
        for (int[] list : of(t)) {
            if (list[0] >= list[1]) {
                continue;
            }
            for (int[] item : t.splitByCommas(list[0], list[1])) {
                int from = item[0];
                int to = item[1];
                if (from >= to || PgColumnNames.isStar(t, from, to) || PgColumnNames.hasAlias(t, from, to)
                        || PgColumnNames.isColumnReference(t, from, to)) {
                    continue;
                }
                String name = PgColumnNames.nameOf(t, from, to);
                edits.insert(t.end(to - 1), " AS \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
