package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code UPDATE t SET a = x FROM b, c WHERE cond}: H2 reads {@code FROM} with one table only, so a list of tables
 * or joins becomes a row assignment from a correlated subquery, limited to the rows that have a partner:
 *
 * <pre>
 * UPDATE t SET (a) = (SELECT x FROM b, c WHERE cond) WHERE EXISTS (SELECT 1 FROM b, c WHERE cond)
 * </pre>
 * The condition refers to {@code t} from inside the subqueries, which SQL allows. Where PostgreSQL would pick one of
 * several partner rows arbitrarily, H2 reports that the subquery returned more than one row.
 */
final class H2UpdateFrom {
    private H2UpdateFrom() {
    }

    /** Whether {@code t}, an UPDATE, has a FROM list H2 cannot read itself. */
    static boolean needed(SqlTokens t) {
        int from = t.findWord(0, t.size(), "from");
        if (from < 0) {
            return false;
        }
        int end = clauseEnd(t, from);
        return t.splitByCommas(from + 1, end).size() > 1 || t.findWord(from + 1, end, "join") > 0;
    }

    static String rewrite(SqlTokens t) {
        int set = t.findWord(0, t.size(), "set");
        int from = t.findWord(0, t.size(), "from");
        if (set < 0 || set > from) {
            return t.sql();
        }
        int fromEnd = clauseEnd(t, from);
        int where = t.isWord(fromEnd, "where") ? fromEnd : -1;
        int returning = t.findWord(from, t.size(), "returning");
        int end = returning < 0 ? t.size() : returning;
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int[] item : t.splitByCommas(set + 1, from)) {
            int equals = item[0] + 1;
            if (!t.isOperator(equals, "=") || t.type(item[0]) != SqlLexer.TokenType.IDENTIFIER
                    && t.type(item[0]) != SqlLexer.TokenType.QUOTED_IDENTIFIER) {
                return t.sql();   // (a, b) = … or a[1] = …: left for H2 to report
            }
            columns.add(t.text(item[0]));
            values.add(t.span(equals + 1, item[1] - 1));
        }
        String sources = "FROM " + t.span(from + 1, fromEnd - 1)
                + (where < 0 ? "" : " WHERE " + t.span(where + 1, end - 1));
        String tail = returning < 0 ? "" : " " + t.span(returning, t.size() - 1);
        return t.span(0, set) + " (" + String.join(", ", columns) + ") = (SELECT " + String.join(", ", values) + " "
                + sources + ") WHERE EXISTS (SELECT 1 " + sources + ")" + tail;
    }

    /** The token after the FROM list: WHERE, RETURNING or the end. */
    private static int clauseEnd(SqlTokens t, int from) {
        int end = t.findWord(from + 1, t.size(), "where", "returning");
        return end < 0 ? t.size() : end;
    }
}
