package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code INSERT … ON CONFLICT} for H2. {@code DO NOTHING} is H2's own syntax once the conflict target is dropped
 * (H2 skips rows that violate any unique constraint, which is what PostgreSQL does for the target's constraint).
 * {@code DO UPDATE} becomes a {@code MERGE} whose source is the inserted rows named {@code excluded}:
 *
 * <pre>
 * INSERT INTO t (k, v) VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE t.v &lt;&gt; 'x'
 * MERGE INTO t USING (VALUES (1, 'a')) AS excluded (k, v) ON t.k = excluded.k
 *   WHEN MATCHED AND t.v &lt;&gt; 'x' THEN UPDATE SET v = excluded.v
 *   WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)
 * </pre>
 */
final class H2Upsert {
    private H2Upsert() {
    }

    static String rewrite(SqlTokens t) {
        int on = conflictClause(t);
        if (on < 0) {
            return t.sql();
        }
        int doWord = t.findWord(on + 2, t.size(), "do");
        if (doWord < 0) {
            throw syntax(t, t.size());
        }
        int returning = t.findWord(doWord, t.size(), "returning");
        int end = returning < 0 ? t.size() : returning;
        String tail = returning < 0 ? "" : " " + t.span(returning, t.size() - 1);
        if (t.isWord(doWord + 1, "nothing")) {
            return t.span(0, on - 1) + " ON CONFLICT DO NOTHING" + tail;
        }
        if (!t.isWord(doWord + 1, "update") || !t.isWord(doWord + 2, "set")) {
            throw syntax(t, doWord + 1);
        }
        // RETURNING stays at the end; the caller turns it into a query over FINAL TABLE (MERGE …).
        return merge(t, on, doWord, end) + tail;
    }

    private static String merge(SqlTokens t, int on, int doWord, int end) {
        int target = t.isWord(1, "into") ? 2 : -1;
        if (target < 0) {
            throw syntax(t, 1);
        }
        int afterName = target + 1;
        while (t.type(afterName) == SqlLexer.TokenType.DOT) {
            afterName += 2;
        }
        String table = t.span(target, afterName - 1);
        String alias = t.text(afterName - 1);
        int columnsOpen = afterName;
        if (t.isWord(afterName, "as")) {
            alias = t.text(afterName + 1);
            table = table + " AS " + alias;
            columnsOpen = afterName + 2;
        }
        if (t.type(columnsOpen) != SqlLexer.TokenType.LEFT_PAREN) {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "INSERT … ON CONFLICT DO UPDATE without a column list is not supported on h2 backends", 0);
        }
        int columnsClose = t.partner(columnsOpen);
        List<String> columns = new ArrayList<>();
        for (int[] c : t.splitByCommas(columnsOpen + 1, columnsClose)) {
            columns.add(t.span(c[0], c[1] - 1));
        }
        String source = t.span(columnsClose + 1, on - 1);   // VALUES (…), (…) or SELECT …
        int keysOpen = on + 2;
        if (t.type(keysOpen) != SqlLexer.TokenType.LEFT_PAREN) {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "ON CONFLICT DO UPDATE needs a conflict target column list on h2 backends", 0);
        }
        int keysClose = t.partner(keysOpen);
        List<String> match = new ArrayList<>();
        for (int[] k : t.splitByCommas(keysOpen + 1, keysClose)) {
            String key = t.span(k[0], k[1] - 1);
            match.add(alias + "." + key + " = excluded." + key);
        }
        int where = t.findWord(doWord + 3, end, "where");
        String assignments = t.span(doWord + 3, (where < 0 ? end : where) - 1);
        String condition = where < 0 ? "" : " AND " + t.span(where + 1, end - 1);
        List<String> inserted = new ArrayList<>();
        for (String c : columns) {
            inserted.add("excluded." + c);
        }
        return "MERGE INTO " + table + " USING (" + source + ") AS excluded (" + String.join(", ", columns) + ") ON "
                + String.join(" AND ", match)
                + " WHEN MATCHED" + condition + " THEN UPDATE SET " + assignments
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", inserted) + ")";
    }

    /** The index of ON in {@code ON CONFLICT} at the top level, or -1. */
    private static int conflictClause(SqlTokens t) {
        int from = 0;
        while (true) {
            int on = t.findWord(from, t.size(), "on");
            if (on < 0) {
                return -1;
            }
            if (t.isWord(on + 1, "conflict")) {
                return on;
            }
            from = on + 1;
        }
    }

    private static TranslationException syntax(SqlTokens t, int token) {
        int position = token < t.size() ? t.start(token) + 1 : t.sql().length() + 1;
        return new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error in ON CONFLICT clause", position);
    }
}
