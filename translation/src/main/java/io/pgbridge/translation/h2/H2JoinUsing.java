package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code JOIN … USING (id)} merges the two {@code id} columns into one that the rest of the query names without a
 * qualifier; H2's PostgreSQL mode calls such a reference ambiguous. Each unqualified reference to a USING column in
 * the query's own clauses (not inside its subqueries) is qualified with the side that holds the merged value: the
 * left for inner and left joins, the right for right joins, {@code COALESCE} of both for full joins. A select-list
 * item keeps its name with an alias.
 */
final class H2JoinUsing {
    private H2JoinUsing() {
    }

    static boolean present(SqlTokens t) {
        return t.isWord(0, "select") && t.findWord(0, t.size(), "using") > 0;
    }

    static String rewrite(SqlTokens t) {
        int from = t.findWord(0, t.size(), "from");
        if (from < 0) {
            return t.sql();
        }
        Map<String, String> merged = new HashMap<>();   // column (lower case) → its qualified replacement
        String previous = qualifier(t, from + 1);
        for (int i = from + 1; i < t.size(); i++) {
            int close = t.partner(i);
            if (close > i) {
                i = close;
                continue;
            }
            if (!t.isWord(i, "join")) {
                continue;
            }
            String right = qualifier(t, i + 1);
            int using = afterItem(t, i + 1);
            if (t.isWord(using, "using") && t.type(using + 1) == SqlLexer.TokenType.LEFT_PAREN && right != null
                    && previous != null) {
                String kind = t.word(i - 1) == null ? "" : t.word(i - 1);
                if (kind.equals("outer")) {
                    kind = t.word(i - 2);
                }
                for (int[] c : t.splitByCommas(using + 2, t.partner(using + 1))) {
                    String column = t.text(c[0]);
                    String key = column.toLowerCase(Locale.ROOT);
                    String left = merged.getOrDefault(key, previous + "." + column);
                    merged.put(key, switch (kind == null ? "" : kind) {   // the side that holds the merged value
                        case "right" -> right + "." + column;
                        case "full" -> "COALESCE(" + left + ", " + right + "." + column + ")";
                        default -> left;
                    });
                }
            }
            previous = right;
        }
        if (merged.isEmpty()) {
            return t.sql();
        }
        TextEdits edits = new TextEdits();
        qualify(t, 1, t.size(), merged, edits, from);
        return edits.applyTo(t.sql());
    }

    /** Qualifies the references in {@code [from, to)}, going into function calls but not into subqueries. */
    private static void qualify(SqlTokens t, int from, int to, Map<String, String> merged, TextEdits edits, int fromWord) {
        for (int i = from; i < to; i++) {
            int close = t.partner(i);
            if (close > i) {
                // a call's arguments, not a subquery, a USING or IN list, or an alias's column list
                boolean call = t.type(i - 1) == SqlLexer.TokenType.IDENTIFIER && !t.isWord(i - 1, "using")
                        && !t.isWord(i - 1, "in") && !t.isWord(i - 1, "exists") && !t.isWord(i + 1, "select")
                        && !t.isWord(i - 2, "as");
                if (call) {
                    qualify(t, i + 1, close, merged, edits, fromWord);
                }
                i = close;
                continue;
            }
            String word = t.word(i);
            String replacement = word == null ? null : merged.get(word);
            if (replacement == null || t.type(i - 1) == SqlLexer.TokenType.DOT || t.type(i + 1) == SqlLexer.TokenType.DOT
                    || t.isWord(i - 1, "as") || t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN) {
                continue;
            }
            boolean selectItem = i < fromWord && (t.type(i + 1) == SqlLexer.TokenType.COMMA || i + 1 == fromWord)
                    && (t.type(i - 1) == SqlLexer.TokenType.COMMA || t.isWord(i - 1, "select")
                        || t.isWord(i - 1, "distinct"));
            edits.replace(t.start(i), t.end(i), selectItem ? replacement + " AS " + t.text(i) : replacement);
        }
    }

    /** The name a FROM item at {@code i} is referred to by: its alias, or its table name; null for other forms. */
    private static String qualifier(SqlTokens t, int i) {
        if (t.isWord(i, "lateral")) {
            i++;
        }
        int end;
        if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN) {
            end = t.partner(i);
        } else if (t.type(i) == SqlLexer.TokenType.IDENTIFIER || t.type(i) == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            end = i;
            while (t.type(end + 1) == SqlLexer.TokenType.DOT) {
                end += 2;
            }
        } else {
            return null;
        }
        int alias = t.isWord(end + 1, "as") ? end + 2 : end + 1;
        boolean named = t.type(alias) == SqlLexer.TokenType.QUOTED_IDENTIFIER
                || t.type(alias) == SqlLexer.TokenType.IDENTIFIER && !isJoinWord(t.word(alias));
        if (named) {
            return t.text(alias);
        }
        return t.type(i) == SqlLexer.TokenType.LEFT_PAREN ? null : t.text(end);
    }

    /** The token after the FROM item at {@code i} and its alias. */
    private static int afterItem(SqlTokens t, int i) {
        int end = t.type(i) == SqlLexer.TokenType.LEFT_PAREN ? t.partner(i) : i;
        while (t.type(end + 1) == SqlLexer.TokenType.DOT) {
            end += 2;
        }
        int next = end + 1;
        if (t.isWord(next, "as")) {
            next++;
        }
        if ((t.type(next) == SqlLexer.TokenType.IDENTIFIER && !isJoinWord(t.word(next)))
                || t.type(next) == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            next++;
        }
        return next;
    }

    private static boolean isJoinWord(String word) {
        return List.of("join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "where", "group",
                "order", "limit", "offset", "having", "union", "except", "intersect", "window", "fetch", "for",
                "outer").contains(word);
    }
}
