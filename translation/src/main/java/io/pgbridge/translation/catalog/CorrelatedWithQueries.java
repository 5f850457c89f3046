package io.pgbridge.translation.catalog;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A subquery with a WITH of its own that refers to the outer query: H2 lets nothing inside a WITH refer to the
 * outer query, so the subquery becomes a call of an engine function that runs it for each outer row, the outer
 * references bound as its parameters {@code $1…}:
 * <ul>
 *   <li>a scalar subquery, as asyncpg's walk of a domain's base types ({@code (WITH RECURSIVE typebases … WHERE
 *       t2.oid = t.oid …)}), as {@code pgbridge_scalar_query(query, outer…)}, its first value as text;</li>
 *   <li>{@code ARRAY(WITH …)}, as pgAdmin's check at connect that the user is a member of pg_signal_backend, as
 *       {@code pgbridge_array_query(query, outer…)}, the first column of its rows in order, as a text array.</li>
 * </ul>
 * An outer reference is a qualified name {@code q.c} whose qualifier the subquery does not define itself (no
 * {@code q} alone in it, as a table alias or a CTE name), or a parameter of the client's ({@code $n}). The subquery
 * goes through the engine's translation itself ({@link CatalogSql#subquery}): it is a string to the outer one's.
 */
final class CorrelatedWithQueries {
    private CorrelatedWithQueries() {
    }

    static String rewrite(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("with")) {
            return sql;
        }
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 1; i < t.size(); i++) {
            if (t.type(i) != TokenType.LEFT_PAREN || !t.isWord(i + 1, "with")) {
                continue;
            }
            int close = t.partner(i);
            if (close < 0) {
                continue;
            }
            List<Integer> outer = outerReferences(t, i + 1, close);
            if (outer.isEmpty()) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            List<String> arguments = new ArrayList<>();
            int copied = t.start(i + 1);
            for (int ref : outer) {
                int last = t.type(ref) == TokenType.PARAMETER ? ref : ref + 2;
                query.append(sql, copied, t.start(ref)).append('$').append(arguments.size() + 1);
                arguments.add("CAST(" + t.span(ref, last) + " AS varchar)");   // H2 passes no NUMERIC as Object
                copied = t.end(last);
            }
            query.append(sql, copied, t.start(close));
            boolean array = t.isWord(i - 1, "array");
            edits.replace(t.start(array ? i - 1 : i), t.end(close), CatalogSql.PREFIX
                    + (array ? "array_query('" : "scalar_query('")
                    + CatalogSql.subquery(query.toString()).replace("'", "''") + "', " + String.join(", ", arguments) + ")");
            i = close;
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /** The positions of the outer references in {@code [from, to)}: a qualifier's, or a parameter's. */
    private static List<Integer> outerReferences(SqlTokens t, int from, int to) {
        Set<String> defined = new HashSet<>();
        for (int j = from; j < to; j++) {
            if (t.type(j) == TokenType.IDENTIFIER && t.type(j - 1) != TokenType.DOT && t.type(j + 1) != TokenType.DOT) {
                defined.add(t.word(j));
            }
        }
        List<Integer> outer = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (t.type(j) == TokenType.PARAMETER || t.type(j) == TokenType.IDENTIFIER && t.type(j - 1) != TokenType.DOT
                    && t.type(j + 1) == TokenType.DOT && t.type(j + 2) == TokenType.IDENTIFIER
                    && !defined.contains(t.word(j))) {
                outer.add(j);
            }
        }
        return outer;
    }
}
