package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code WITH} clauses in the forms H2 does not read:
 * <ul>
 *   <li>{@code WITH RECURSIVE t AS (…)} needs a column list on H2; it gets the names of the first SELECT's items;</li>
 *   <li>a data-modifying statement inside WITH ({@code WITH gone AS (DELETE … RETURNING id) SELECT …}) becomes a
 *       query over H2's delta table ({@code SELECT id FROM OLD TABLE (DELETE …)}), which H2 reads inside WITH;</li>
 *   <li>H2 has no {@code WITH} before INSERT, UPDATE or DELETE, so there each common table expression is put in the
 *       place of its references, as a derived table under its own name.</li>
 * </ul>
 * A data-modifying CTE must run exactly once, as in PostgreSQL, so it is only accepted with exactly one reference.
 */
final class H2WithClauses {
    private H2WithClauses() {
    }

    /** One common table expression: its name, column list (with parentheses, or null) and translated body. */
    private record Cte(String name, String columns, boolean recursive, boolean dataChange, int bodyOpen,
                       int bodyClose, String body) {
    }

    /**
     * @param t the statement, starting with WITH
     * @param dataChange translates a data-modifying statement, RETURNING included, into H2's form
     */
    static String rewrite(SqlTokens t, UnaryOperator<String> dataChange) {
        boolean recursive = t.isWord(1, "recursive");
        int i = recursive ? 2 : 1;
        List<Cte> ctes = new ArrayList<>();
        while (true) {
            int nameAt = i;
            if (t.type(nameAt) != SqlLexer.TokenType.IDENTIFIER && t.type(nameAt) != SqlLexer.TokenType.QUOTED_IDENTIFIER) {
                return t.sql();   // H2 reports what it cannot read
            }
            String columns = null;
            i++;
            if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN) {
                columns = t.span(i, t.partner(i));
                i = t.partner(i) + 1;
            }
            if (!t.isWord(i, "as")) {
                return t.sql();
            }
            i++;
            if (t.isWord(i, "not")) {
                i++;
            }
            if (t.isWord(i, "materialized")) {
                i++;
            }
            int open = i;
            int close = t.partner(open);
            if (t.type(open) != SqlLexer.TokenType.LEFT_PAREN || close < 0) {
                return t.sql();
            }
            String body = t.span(open + 1, close - 1);
            String verb = t.word(open + 1);
            boolean changes = "insert".equals(verb) || "update".equals(verb) || "delete".equals(verb)
                    || "merge".equals(verb);
            if (changes) {
                body = dataChange.apply(body);
                if (!new SqlTokens(body).isWord(0, "select")) {
                    throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                            "a data-modifying statement in WITH without RETURNING is not supported on h2 backends", 0);
                }
            } else if (recursive && columns == null) {
                columns = firstSelectNames(new SqlTokens(body));
            }
            ctes.add(new Cte(t.text(nameAt), columns, recursive, changes, open, close, body));
            i = close + 1;
            if (t.type(i) != SqlLexer.TokenType.COMMA) {
                break;
            }
            i++;
        }
        int main = i;
        String verb = t.word(main);
        boolean mainChanges = "insert".equals(verb) || "update".equals(verb) || "delete".equals(verb)
                || "merge".equals(verb);
        for (Cte cte : ctes) {
            if (cte.dataChange() && references(t, cte.name(), cte.bodyClose() + 1) != 1) {
                throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                        "a data-modifying WITH query must be referenced exactly once on h2 backends", 0);
            }
        }
        return mainChanges ? inline(t, ctes, main, dataChange) : keepWith(t, ctes);
    }

    /** A query after WITH: H2 reads the clause once bodies and column lists are in its form. */
    private static String keepWith(SqlTokens t, List<Cte> ctes) {
        TextEdits edits = new TextEdits();
        for (Cte cte : ctes) {
            if (cte.dataChange()) {
                edits.replace(t.start(cte.bodyOpen() + 1), t.end(cte.bodyClose() - 1), cte.body());
            } else if (cte.columns() != null && t.type(nameIndex(t, cte)) != SqlLexer.TokenType.LEFT_PAREN) {
                edits.insert(t.end(nameIndex(t, cte) - 1), cte.columns());
            }
        }
        return edits.applyTo(t.sql());
    }

    /** The index of the token after the CTE's name (its column list or AS). */
    private static int nameIndex(SqlTokens t, Cte cte) {
        int i = cte.bodyOpen() - 1;
        while (!t.isWord(i, "as")) {
            i--;
        }
        return t.type(i - 1) == SqlLexer.TokenType.RIGHT_PAREN ? t.partner(i - 1) : i;
    }

    /** INSERT, UPDATE or DELETE after WITH: each CTE replaces its references in later CTEs and the statement. */
    private static String inline(SqlTokens t, List<Cte> ctes, int main, UnaryOperator<String> dataChange) {
        List<String> bodies = new ArrayList<>();
        for (Cte cte : ctes) {
            bodies.add(cte.body());
        }
        String statement = t.span(main, t.size() - 1);
        for (int k = 0; k < ctes.size(); k++) {
            Cte cte = ctes.get(k);
            if (cte.recursive() && references(t, cte.name(), main) > 0) {
                throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                        "WITH RECURSIVE before INSERT, UPDATE or DELETE is not supported on h2 backends", 0);
            }
            String derived = "(" + bodies.get(k) + ") AS " + cte.name() + (cte.columns() == null ? "" : cte.columns());
            for (int later = k + 1; later < ctes.size(); later++) {
                bodies.set(later, replaceTableReferences(bodies.get(later), cte.name(), derived));
            }
            statement = replaceTableReferences(statement, cte.name(), derived);
        }
        return dataChange.apply(statement);
    }

    /** How many times {@code name} is used as a table from token {@code from} on. */
    private static int references(SqlTokens t, String name, int from) {
        int n = 0;
        for (int i = from; i < t.size(); i++) {
            if (isTableReference(t, i, name)) {
                n++;
            }
        }
        return n;
    }

    private static String replaceTableReferences(String sql, String name, String derived) {
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (isTableReference(t, i, name)) {
                edits.replace(t.start(i), t.end(i), derived);
            }
        }
        return edits.applyTo(sql);
    }

    /** Whether token {@code i} names the table {@code name} in a FROM list, a JOIN or DELETE's USING. */
    private static boolean isTableReference(SqlTokens t, int i, String name) {
        SqlLexer.TokenType type = t.type(i);
        boolean same = type == SqlLexer.TokenType.IDENTIFIER ? t.text(i).equalsIgnoreCase(name)
                : type == SqlLexer.TokenType.QUOTED_IDENTIFIER && t.text(i).equals(name);
        if (!same || t.type(i - 1) == SqlLexer.TokenType.DOT || t.type(i + 1) == SqlLexer.TokenType.DOT
                || t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN) {
            return false;
        }
        if (t.isWord(i - 1, "from") || t.isWord(i - 1, "join") || t.isWord(i - 1, "using")) {
            return true;
        }
        return t.type(i - 1) == SqlLexer.TokenType.COMMA && inFromList(t, i - 1);
    }

    /** Whether the comma at {@code comma} separates items of a FROM or USING list. */
    private static boolean inFromList(SqlTokens t, int comma) {
        for (int j = comma - 1; j >= 0; j--) {
            SqlLexer.TokenType type = t.type(j);
            if (type == SqlLexer.TokenType.RIGHT_PAREN || type == SqlLexer.TokenType.RIGHT_BRACKET) {
                j = t.partner(j);
                if (j < 0) {
                    return false;
                }
            } else if (type == SqlLexer.TokenType.LEFT_PAREN || type == SqlLexer.TokenType.LEFT_BRACKET) {
                return false;
            } else if (t.isWord(j, "from") || t.isWord(j, "using")) {
                return true;
            } else if (t.isWord(j, "select") || t.isWord(j, "where") || t.isWord(j, "set") || t.isWord(j, "on")
                    || t.isWord(j, "group") || t.isWord(j, "order") || t.isWord(j, "values")
                    || t.isWord(j, "returning")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The column list {@code (a, b)} named by the first SELECT of a recursive body: aliases and plain column
     * references; null when an item has no name to take.
     */
    static String firstSelectNames(SqlTokens t) {
        if (!t.isWord(0, "select")) {
            return null;
        }
        int from = t.isWord(1, "distinct") || t.isWord(1, "all") ? 2 : 1;
        int end = t.findWord(from, t.size(), "from", "union", "where", "group", "order", "limit", "except",
                "intersect", "having", "window");
        List<String> names = new ArrayList<>();
        for (int[] item : t.splitByCommas(from, end < 0 ? t.size() : end)) {
            int last = item[1] - 1;
            if (last < item[0]) {
                return null;
            }
            SqlLexer.TokenType type = t.type(last);
            boolean name = type == SqlLexer.TokenType.IDENTIFIER || type == SqlLexer.TokenType.QUOTED_IDENTIFIER;
            boolean aliased = name && t.isWord(last - 1, "as") && last - 1 > item[0];
            boolean column = name && (last == item[0] || t.type(last - 1) == SqlLexer.TokenType.DOT
                    && qualifiedName(t, item[0], last));
            if (!aliased && !column || t.isOperator(last, "*")) {
                return null;
            }
            names.add(t.text(last));
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static boolean qualifiedName(SqlTokens t, int from, int to) {
        for (int i = from; i <= to; i++) {
            boolean expectName = (i - from) % 2 == 0;
            SqlLexer.TokenType type = t.type(i);
            if (expectName ? type != SqlLexer.TokenType.IDENTIFIER && type != SqlLexer.TokenType.QUOTED_IDENTIFIER
                    : type != SqlLexer.TokenType.DOT) {
                return false;
            }
        }
        return true;
    }
}
