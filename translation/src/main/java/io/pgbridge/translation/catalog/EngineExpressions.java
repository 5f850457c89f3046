package io.pgbridge.translation.catalog;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

/**
 * Expressions of catalog queries that the engine (H2) evaluates otherwise than PostgreSQL, as expressions it
 * evaluates alike: {@code ARRAY(SELECT … FROM unnest(a) x)}; {@code a & b} as {@code BITAND(a, b)}; a subscript
 * out of an array's bounds, which is NULL in PostgreSQL and an error in H2 (after the H2 translator has named the
 * result columns: PostgreSQL names {@code i.indkey[0]} after the column); and {@code information_schema._pg_expandarray(a)} in a select list, a set-returning
 * function H2 has no counterpart of, as a join with the array's positions (pgjdbc's getPrimaryKeys and getIndexInfo).
 */
final class EngineExpressions {
    /** The most elements of the arrays {@code _pg_expandarray} reads: PostgreSQL's INDEX_MAX_KEYS. */
    private static final int MAX_KEYS = 32;
    /**
     * The engine's int2vector and oidvector columns: PostgreSQL's subscripts of these start at 0 ({@code indkey[0]} is
     * the first key), the engine's arrays at 1.
     */
    private static final java.util.Set<String> VECTOR_COLUMNS = java.util.Set.of("indkey", "indoption", "indclass",
            "indcollation", "stxkeys");
    private static final String[] CLAUSES_AFTER_FROM = {"where", "group", "having", "window", "order", "limit", "offset",
            "fetch", "union", "except", "intersect"};
    private static final String[] CLAUSES_AFTER_WHERE = {"group", "having", "window", "order", "limit", "offset",
            "fetch", "union", "except", "intersect"};

    private EngineExpressions() {
    }

    static String rewrite(String sql) {
        return expandArrays(bitwiseAnd(arrayOfUnnest(CorrelatedWithQueries.rewrite(sql))));
    }

    /**
     * {@code ARRAY(SELECT e FROM unnest(a) x)}, an array mapped element by element (psql's {@code \d+} prefixes a
     * toast table's options so): H2 lets no FROM item refer to the outer query, so it becomes the engine's
     * {@code pgbridge_array_map(a, query)}, which runs {@code SELECT e FROM (SELECT ? AS x) AS x} for each element.
     */
    static String arrayOfUnnest(String sql) {
        if (!sql.toLowerCase(java.util.Locale.ROOT).contains("unnest")) {
            return sql;
        }
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            int close = t.partner(i + 1);
            if (!t.isWord(i, "array") || t.type(i + 1) != TokenType.LEFT_PAREN || !t.isWord(i + 2, "select")) {
                continue;
            }
            int from = t.findWord(i + 3, close, "from");
            int call = from + 1;
            if (from >= 0 && t.isWord(call, "pg_catalog") && t.type(call + 1) == TokenType.DOT) {
                call += 2;
            }
            if (from < 0 || !t.isWord(call, "unnest") || t.type(call + 1) != TokenType.LEFT_PAREN) {
                continue;
            }
            int alias = t.partner(call + 1) + 1;
            alias += t.isWord(alias, "as") ? 1 : 0;
            // unnest(a) x, or unnest(a) AS t(x) (psql's \dy): the element's column x, in a table x or t
            boolean columnList = t.type(alias + 1) == TokenType.LEFT_PAREN && t.partner(alias + 1) == alias + 3
                    && t.type(alias + 2) == TokenType.IDENTIFIER;
            int end = columnList ? alias + 4 : alias + 1;
            if (t.type(alias) != TokenType.IDENTIFIER || end != close) {
                continue;
            }
            String column = t.text(columnList ? alias + 2 : alias);
            String query = "SELECT " + t.span(i + 3, from - 1) + " FROM (SELECT ? AS " + column + ") AS "
                    + t.text(alias);
            edits.replace(t.start(i), t.end(close), CatalogSql.PREFIX + "array_map(" + t.span(call + 2,
                    t.partner(call + 1) - 1) + ", '" + query.replace("'", "''") + "')");
            i = close;
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /** {@code a & b} as {@code BITAND(a, b)}, {@code b} a literal or name with casts, as catalog queries have it. */
    static String bitwiseAnd(String sql) {
        if (sql.indexOf('&') < 0) {
            return sql;
        }
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 1; i < t.size(); i++) {
            if (!t.isOperator(i, "&")) {
                continue;
            }
            int left = CatalogSql.operandStart(t, i - 1);
            int right = i + 1;
            if (t.partner(right) > right) {
                right = t.partner(right);
            }
            while (t.isOperator(right + 1, "::") && t.type(right + 2) == TokenType.IDENTIFIER) {
                right += 2;
            }
            edits.insert(t.start(left), "BITAND(");
            edits.replace(t.start(i), t.end(i), ",");
            edits.insert(t.end(right), ")");
            i = right;
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /**
     * {@code a[i]} as {@code CASE WHEN i BETWEEN 1 AND CARDINALITY(a) THEN a[i] END}: NULL out of bounds. A vector
     * column named as such ({@code i.indkey[0]}, {@link #VECTOR_COLUMNS}) counts from 0, and so does an alias the
     * statement gives one ({@code i.indoption AS i_indoption}, then {@code tmp.i_indoption[n - 1]}: pgjdbc's
     * getIndexInfo).
     */
    static String safeSubscripts(String sql) {
        if (sql.indexOf('[') < 0) {
            return sql;
        }
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        java.util.Set<String> vectors = new java.util.HashSet<>(VECTOR_COLUMNS);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.type(i) == TokenType.IDENTIFIER && VECTOR_COLUMNS.contains(t.word(i)) && t.isWord(i + 1, "as")
                    && t.type(i + 2) == TokenType.IDENTIFIER) {
                vectors.add(t.word(i + 2));
            }
        }
        for (int i = 1; i < t.size(); i++) {
            int close = t.partner(i);
            if (t.type(i) != TokenType.LEFT_BRACKET || close <= i + 1 || t.isWord(i - 1, "array")
                    || t.type(i - 1) != TokenType.IDENTIFIER && t.type(i - 1) != TokenType.QUOTED_IDENTIFIER
                    && t.type(i - 1) != TokenType.RIGHT_PAREN) {
                continue;
            }
            int start = CatalogSql.operandStart(t, i - 1);
            String array = t.span(start, i - 1);
            String index = t.span(i + 1, close - 1);
            boolean vector = t.type(i - 1) == TokenType.IDENTIFIER && vectors.contains(t.word(i - 1));
            String position = vector ? "(" + index + ") + 1" : index;
            edits.replace(t.start(start), t.end(close), "CASE WHEN (" + position + ") BETWEEN 1 AND CARDINALITY("
                    + array + ") THEN " + array + "[" + position + "] END");
            i = close;
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /**
     * {@code [information_schema.]_pg_expandarray(a)} in a select list, PostgreSQL's rows (x = element, n = position)
     * of {@code a}: each call as the row {@code (a[p.n], p.n)}, and the SELECT's FROM joined with the positions
     * {@code p.n} 1 … CARDINALITY(a). One SELECT at a time, innermost first.
     */
    static String expandArrays(String sql) {
        String out = sql;
        for (int round = 1; out.toLowerCase(java.util.Locale.ROOT).contains("_pg_expandarray"); round++) {
            String next = expandOneSelect(out, "pgbridge_positions" + round);
            if (next.equals(out)) {
                return out;
            }
            out = next;
        }
        return out;
    }

    private static String expandOneSelect(String sql, String positions) {
        SqlTokens t = new SqlTokens(sql);
        int call = -1;
        for (int i = 0; i < t.size() && call < 0; i++) {
            if (t.isWord(i, "_pg_expandarray") && t.type(i + 1) == TokenType.LEFT_PAREN) {
                call = i;
            }
        }
        if (call < 0) {
            return sql;
        }
        int select = call;
        while (select >= 0 && !t.isWord(select, "select")) {
            select = t.type(select) == TokenType.RIGHT_PAREN && t.partner(select) >= 0 ? t.partner(select) - 1 : select - 1;
        }
        // A subquery's SELECT ends at its closing parenthesis.
        int end = select > 0 && t.type(select - 1) == TokenType.LEFT_PAREN ? t.partner(select - 1) : t.size();
        int from = select < 0 ? -1 : t.findWord(select + 1, end, "from");
        if (from < 0) {
            return sql;
        }
        int fromEnd = first(t.findWord(from + 1, end, CLAUSES_AFTER_FROM), end);
        String array = t.span(call + 2, t.partner(call + 1) - 1);
        TextEdits edits = new TextEdits();
        for (int i = select + 1; i < from; i++) {
            if (t.isWord(i, "_pg_expandarray") && t.type(i + 1) == TokenType.LEFT_PAREN
                    && t.span(i + 2, t.partner(i + 1) - 1).equals(array)) {
                int start = t.type(i - 1) == TokenType.DOT && t.type(i - 2) == TokenType.IDENTIFIER ? i - 2 : i;
                edits.replace(t.start(start), t.end(t.partner(i + 1)), "CAST(ROW((" + array + ")[" + positions + ".n], "
                        + positions + ".n) AS ROW(x int, n int))");
                i = t.partner(i + 1);
            }
        }
        String bound = positions + ".n <= CARDINALITY(" + array + ")";
        String join = " , generate_series(1, " + MAX_KEYS + ") AS " + positions + "(n) ";
        if (t.isWord(fromEnd, "where")) {
            int whereEnd = first(t.findWord(fromEnd + 1, end, CLAUSES_AFTER_WHERE), end);
            edits.insert(t.start(fromEnd), join);
            edits.insert(t.end(fromEnd), " (");
            edits.insert(t.start(whereEnd), ") AND " + bound + " ");
        } else {
            edits.insert(t.start(fromEnd), join + "WHERE " + bound + " ");
        }
        return edits.applyTo(sql);
    }

    private static int first(int found, int otherwise) {
        return found >= 0 ? found : otherwise;
    }
}
