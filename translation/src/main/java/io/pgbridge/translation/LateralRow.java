package io.pgbridge.translation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code JOIN LATERAL (SELECT … LIMIT 1) alias}, the "latest row per parent" idiom, for the backends without LATERAL
 * (H2, MariaDB before 11, SQLite), as PostgreSQL text that they can run: a
 * subquery of at most one row is the same as one correlated scalar subquery per column it gives, so each
 * {@code alias.column} becomes that subquery, and a cross or inner join keeps only the rows where the subquery
 * has a row ({@code EXISTS}); {@code LEFT JOIN LATERAL … ON true} keeps them all.
 *
 * <pre>
 * SELECT c.name, r.id FROM c CROSS JOIN LATERAL (SELECT o.id FROM o WHERE o.cid = c.id ORDER BY o.at DESC LIMIT 1) r
 * SELECT c.name, (SELECT o.id FROM o WHERE o.cid = c.id ORDER BY o.at DESC LIMIT 1) AS id FROM c
 *     WHERE EXISTS (SELECT 1 FROM o WHERE o.cid = c.id ORDER BY o.at DESC LIMIT 1)
 * </pre>
 * Other lateral subqueries (no LIMIT, {@code alias.*}, unqualified references) are left for the backend to reject.
 */
public final class LateralRow {
    private LateralRow() {
    }

    public static boolean present(SqlTokens t) {
        int lateral = t.findWord(0, t.size(), "lateral");
        return t.isWord(0, "select") && lateral > 0 && t.isWord(lateral - 1, "join");
    }

    /** The statement without the lateral join, or the statement itself when its form is not one handled. */
    public static String rewrite(SqlTokens t) {
        int lateral = t.findWord(0, t.size(), "lateral");
        int open = lateral + 1;
        int close = t.partner(open);
        if (t.type(open) != SqlLexer.TokenType.LEFT_PAREN || close < 0 || !t.isWord(open + 1, "select")) {
            return t.sql();
        }
        int aliasAt = t.isWord(close + 1, "as") ? close + 2 : close + 1;
        if (t.type(aliasAt) != SqlLexer.TokenType.IDENTIFIER && t.type(aliasAt) != SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            return t.sql();
        }
        String alias = t.text(aliasAt);
        int joinStart = lateral - 1;
        boolean left = t.isWord(joinStart - 1, "left") || t.isWord(joinStart - 1, "outer") && t.isWord(joinStart - 2, "left");
        while (t.isWord(joinStart - 1, "cross") || t.isWord(joinStart - 1, "inner") || t.isWord(joinStart - 1, "left")
                || t.isWord(joinStart - 1, "outer")) {
            joinStart--;
        }
        int joinEnd = aliasAt;
        if (t.isWord(aliasAt + 1, "on") && t.isWord(aliasAt + 2, "true")) {
            joinEnd = aliasAt + 2;
        } else if (left || t.isWord(aliasAt + 1, "on")) {
            return t.sql();   // an ON condition other than true
        }
        SqlTokens sub = new SqlTokens(t.span(open + 1, close - 1));
        int subFrom = sub.findWord(0, sub.size(), "from");
        int limit = sub.findWord(0, sub.size(), "limit");
        // LIMIT's value may be a cache stand-in, so it is not read: with more than one row, the backend reports that
        // a scalar subquery returned several, rather than giving other rows than PostgreSQL
        if (subFrom < 0 || limit < 0 || limit + 2 != sub.size()
                || sub.findWord(0, sub.size(), "union", "except", "intersect") > 0) {
            return t.sql();
        }
        String rest = sub.span(subFrom, sub.size() - 1);
        Map<String, String> columns = new HashMap<>();
        for (int[] item : sub.splitByCommas(1, subFrom)) {
            int last = item[1] - 1;
            if (sub.isOperator(last, "*")) {
                return t.sql();
            }
            boolean aliased = sub.isWord(last - 1, "as");
            String expression = sub.span(item[0], aliased ? last - 2 : last);
            columns.put(sub.text(last).toLowerCase(Locale.ROOT), "(SELECT " + expression + " " + rest + ")");
        }
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (i == joinStart) {
                edits.replace(t.start(joinStart), t.end(joinEnd), "");
                i = joinEnd;
                continue;
            }
            boolean qualified = t.text(i).equals(alias) && t.type(i + 1) == SqlLexer.TokenType.DOT;
            if (qualified) {
                String scalar = columns.get(t.text(i + 2).toLowerCase(Locale.ROOT));
                if (scalar == null) {
                    return t.sql();
                }
                boolean item = t.type(i + 3) == SqlLexer.TokenType.COMMA || t.isWord(i + 3, "from");
                edits.replace(t.start(i), t.end(i + 2), scalar + (item ? " AS " + t.text(i + 2) : ""));
                i += 2;
            } else if (t.word(i) != null && columns.containsKey(t.word(i)) && t.type(i - 1) != SqlLexer.TokenType.DOT
                    && !t.isWord(i - 1, "as")) {
                return t.sql();   // an unqualified reference could mean the lateral column
            }
        }
        if (!left) {
            int where = t.findWord(joinEnd, t.size(), "where");
            String exists = "EXISTS (SELECT 1 " + rest + ")";
            if (where > 0) {
                edits.insert(t.end(where), " " + exists + " AND (");
                int end = t.findWord(where, t.size(), "group", "having", "order", "limit", "offset", "window", "fetch");
                edits.insert(end < 0 ? t.sql().length() : t.start(end) - 1, ")");
            } else {
                int next = t.findWord(joinEnd, t.size(), "group", "having", "order", "limit", "offset", "window", "fetch");
                edits.insert(next < 0 ? t.sql().length() : t.start(next) - 1, " WHERE " + exists);
            }
        }
        return edits.applyTo(t.sql());
    }
}
