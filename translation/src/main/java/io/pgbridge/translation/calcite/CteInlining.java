package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code WITH q AS (SELECT …) UPDATE/DELETE/INSERT … FROM q …}, which Calcite's parser cannot read in front of a
 * data change, as the same statement with each query written where it is used, as a derived table:
 * {@code … FROM (SELECT …) AS q}. PostgreSQL itself inlines a WITH query that is used once and changes no data, so
 * only such queries are inlined (each referenced at most once, after FROM or JOIN, without a column list, not
 * RECURSIVE); anything else is left as written, for {@link WithClauses} to refuse.
 */
final class CteInlining {
    private static final Set<String> DATA_CHANGES = Set.of("update", "delete", "insert");
    /** Words after a table reference that are not its alias. */
    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "set", "join", "on", "left", "right", "inner",
            "full", "cross", "natural", "group", "order", "limit", "offset", "returning", "union", "except",
            "intersect", "having", "window", "using", "for", "fetch", "lateral", "outer");

    private final SqlTokens t;
    private final Map<String, String> inlined = new LinkedHashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();

    private CteInlining(SqlTokens t) {
        this.t = t;
    }

    /** The statement with its WITH queries inlined, or null when it is not one of the form described. */
    static String inline(String statement) {
        SqlTokens t = new SqlTokens(statement);
        if (!t.isWord(0, "with") || t.isWord(1, "recursive")) {
            return null;
        }
        return new CteInlining(t).run();
    }

    private String run() {
        int i = 1;
        while (true) {
            String name = t.word(i) != null ? t.word(i) : null;
            if (name == null || !t.isWord(i + 1, "as")) {
                return null;   // a column list, a quoted name, or no WITH query at all
            }
            int open = i + 2;
            if (t.isWord(open, "not")) {
                open++;
            }
            if (t.isWord(open, "materialized")) {
                open++;
            }
            int close = t.partner(open);
            if (t.type(open) != TokenType.LEFT_PAREN || close < 0
                    || !t.isWord(open + 1, "select") && !t.isWord(open + 1, "values")) {
                return null;
            }
            String body = rewrite(open + 1, close);
            if (body == null) {
                return null;
            }
            inlined.put(name, body);
            i = close + 1;
            if (t.type(i) != TokenType.COMMA) {
                break;
            }
            i++;
        }
        if (t.word(i) == null || !DATA_CHANGES.contains(t.word(i))) {
            return null;   // a query: the parser reads WITH in front of it
        }
        return rewrite(i, t.size());
    }

    /** Tokens {@code [from, to)} as text, with the WITH queries known so far written where they are used. */
    private String rewrite(int from, int to) {
        StringBuilder out = new StringBuilder();
        int copied = t.start(from);
        for (int k = from; k < to; k++) {
            String word = t.word(k);
            if (word == null || !inlined.containsKey(word) || t.type(k - 1) == TokenType.DOT
                    || t.type(k + 1) == TokenType.DOT) {
                continue;
            }
            if (!t.isWord(k - 1, "from") && !t.isWord(k - 1, "join") || t.isWord(k - 2, "delete")
                    || uses.merge(word, 1, Integer::sum) > 1) {
                return null;   // used otherwise than as one table of a FROM (DELETE's is a table), or twice
            }
            String next = t.word(k + 1);
            boolean aliased = t.isWord(k + 1, "as") || t.type(k + 1) == TokenType.QUOTED_IDENTIFIER
                    || next != null && !NOT_AN_ALIAS.contains(next);
            out.append(t.sql(), copied, t.start(k)).append('(').append(inlined.get(word)).append(')')
                    .append(aliased ? "" : " AS " + word);
            copied = t.end(k);
        }
        return out.append(t.sql(), copied, to < t.size() ? t.end(to - 1) : t.sql().length()).toString();
    }
}
