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
 * A scalar subquery with a WITH of its own that refers to the outer query, as asyncpg's type introspection walks a
 * domain's base types ({@code (WITH RECURSIVE typebases … WHERE t2.oid = t.oid …)}): H2 lets nothing inside a WITH
 * refer to the outer query, so the subquery becomes the engine's {@code pgbridge_scalar_query(query, outer…)},
 * which runs it for each outer row with the outer references as parameters and gives its first value as text.
 * An outer reference is a qualified name {@code q.c} whose qualifier the subquery does not define itself (no
 * {@code q} alone in it, as a table alias or a CTE name).
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
                query.append(sql, copied, t.start(ref)).append('?');
                arguments.add("CAST(" + t.span(ref, ref + 2) + " AS varchar)");   // H2 passes no NUMERIC as Object
                copied = t.end(ref + 2);
            }
            query.append(sql, copied, t.start(close));
            edits.replace(t.start(i), t.end(close), CatalogSql.PREFIX + "scalar_query('"
                    + query.toString().replace("'", "''") + "', " + String.join(", ", arguments) + ")");
            i = close;
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /** The positions of the qualifiers of outer references in {@code [from, to)}. */
    private static List<Integer> outerReferences(SqlTokens t, int from, int to) {
        Set<String> defined = new HashSet<>();
        for (int j = from; j < to; j++) {
            if (t.type(j) == TokenType.IDENTIFIER && t.type(j - 1) != TokenType.DOT && t.type(j + 1) != TokenType.DOT) {
                defined.add(t.word(j));
            }
        }
        List<Integer> outer = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (t.type(j) == TokenType.IDENTIFIER && t.type(j - 1) != TokenType.DOT && t.type(j + 1) == TokenType.DOT
                    && t.type(j + 2) == TokenType.IDENTIFIER && !defined.contains(t.word(j))) {
                outer.add(j);
            }
        }
        return outer;
    }
}
