package io.pgbridge.translation.h2;

import io.pgbridge.translation.LateralRow;
import io.pgbridge.translation.PgStrings;
import io.pgbridge.translation.SelectLists;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;

/**
 * PostgreSQL queries and DML for H2 in its PostgreSQL mode. H2 already accepts most of the dialect ({@code ::},
 * {@code $n}, {@code ILIKE}, {@code LIMIT/OFFSET}, {@code string_agg}, {@code generate_series}, {@code date_trunc},
 * dollar quotes), so this works on tokens and rewrites only what H2 rejects or silently gets wrong:
 * <ul>
 *   <li>{@code E'a\nb'} (H2 keeps the backslash) becomes a standard literal holding the real characters;</li>
 *   <li>typed literals H2 cannot read ({@code '2024-02-21 +00'::date}, {@code 'yes'::boolean}) are normalised
 *       ({@link H2TypedLiterals});</li>
 *   <li>PostgreSQL interval input ({@code interval '1 day'}, {@code '2 hours'::interval}) becomes H2 interval
 *       literals;</li>
 *   <li>result columns get PostgreSQL's names ({@code count}, {@code case}, {@code int4}, {@code ?column?}) as
 *       aliases, since H2 names most expressions its own way;</li>
 *   <li>{@code ->}, {@code ->>}, {@code #>}, {@code #>>} become calls of functions pgbridge registers in embedded
 *       H2 databases, and {@code ^} becomes POWER ({@link H2Operators});</li>
 *   <li>{@code generate_series(…)} in FROM names its column as PostgreSQL does;</li>
 *   <li>{@code RETURNING} becomes a query over H2's data change delta tables ({@code FINAL TABLE}/{@code OLD
 *       TABLE}), and {@code ON CONFLICT} becomes H2's {@code ON CONFLICT DO NOTHING} or a {@code MERGE}
 *       ({@link H2Upsert}).</li>
 * </ul>
 */
public final class H2Translator implements Translator {

    @Override
    public Translation translate(String statement) {
        String sql = rewriteTokens(statement);
        if (H2Operators.mayContain(sql)) {
            sql = H2Operators.rewrite(sql);
        }
        SqlTokens t = new SqlTokens(sql);
        if (t.size() == 0) {
            return new Translation(sql);
        }
        if (t.isWord(0, "with")) {
            return new Translation(H2WithClauses.rewrite(t, H2Translator::dataChange));
        }
        if (H2JoinUsing.present(t)) {
            sql = H2JoinUsing.rewrite(t);
            t = new SqlTokens(sql);
        }
        if (H2FullJoin.present(t)) {
            sql = H2FullJoin.rewrite(t);
            t = new SqlTokens(sql);
        }
        if (LateralRow.present(t)) {
            sql = LateralRow.rewrite(t);
            t = new SqlTokens(sql);
        }
        if (H2GroupingSets.present(t)) {
            return new Translation(H2GroupingSets.rewrite(t));
        }
        return new Translation(dataChange(sql));
    }

    /** INSERT, UPDATE, DELETE and MERGE in H2's form: upserts, DELETE USING, UPDATE FROM and RETURNING. */
    private static String dataChange(String statement) {
        String sql = statement;
        SqlTokens t = new SqlTokens(sql);
        String first = t.word(0);
        if ("insert".equals(first) && t.findWord(0, t.size(), "conflict") > 0) {
            sql = H2Upsert.rewrite(t);
            t = new SqlTokens(sql);
        }
        if ("delete".equals(first) && t.findWord(0, t.size(), "using") > 0) {
            sql = deleteUsing(t);
            t = new SqlTokens(sql);
        }
        if ("update".equals(first) && H2UpdateFrom.needed(t)) {
            sql = H2UpdateFrom.rewrite(t);
            t = new SqlTokens(sql);
        }
        String verb = t.word(0);
        if (verb != null && (verb.equals("insert") || verb.equals("update") || verb.equals("delete")
                || verb.equals("merge"))) {
            int returning = t.findWord(0, t.size(), "returning");
            if (returning > 0) {
                sql = returningQuery(t, returning, verb);
            }
        }
        return sql;
    }

    /** Literal forms and column names: replacements that keep every token where it is. */
    private static String rewriteTokens(String statement) {
        SqlTokens t = new SqlTokens(statement);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            SqlLexer.TokenType type = t.type(i);
            if (type == SqlLexer.TokenType.ESCAPE_STRING) {
                String value = PgStrings.decodeEscapeString(t.text(i), t.start(i));
                if (t.isWord(i - 1, "interval")) {
                    continue;   // handled with the interval below
                }
                String typed = t.isOperator(i + 1, "::") && t.word(i + 2) != null
                        ? H2TypedLiterals.normalise(value, t.word(i + 2)) : null;
                edits.replace(t.start(i), t.end(i), typed != null ? typed : PgStrings.quote(value));
            } else if (t.isWord(i, "interval") && t.type(i + 1) == SqlLexer.TokenType.STRING
                    && !isIntervalField(t.word(i + 2))) {
                String h2 = H2Intervals.toH2(stringValue(t.text(i + 1)));
                if (h2 != null) {
                    edits.replace(t.start(i), t.end(i + 1), h2);
                    i++;
                }
            } else if (type == SqlLexer.TokenType.STRING && t.isOperator(i + 1, "::") && t.isWord(i + 2, "interval")
                    && t.type(i + 3) != SqlLexer.TokenType.LEFT_PAREN) {
                String h2 = H2Intervals.toH2(stringValue(t.text(i)));
                if (h2 != null) {
                    edits.replace(t.start(i), t.end(i + 2), h2);
                    i += 2;
                }
            } else if (type == SqlLexer.TokenType.STRING && t.isOperator(i + 1, "::") && t.word(i + 2) != null
                    && t.type(i + 3) == SqlLexer.TokenType.LEFT_BRACKET && t.type(i + 4) == SqlLexer.TokenType.RIGHT_BRACKET) {
                String array = H2TypedLiterals.array(stringValue(t.text(i)), t.word(i + 2));
                if (array != null) {
                    edits.replace(t.start(i), t.end(i + 4), array);
                    i += 4;
                }
            } else if (type == SqlLexer.TokenType.STRING && t.isOperator(i + 1, "::") && t.word(i + 2) != null) {
                String normalised = H2TypedLiterals.normalise(stringValue(t.text(i)), t.word(i + 2));
                if (normalised != null) {
                    edits.replace(t.start(i), t.end(i), normalised);
                }
            } else if (type == SqlLexer.TokenType.STRING && !t.isOperator(i + 1, "::")
                    && H2TypedLiterals.untyped(t.text(i)) != null) {
                edits.replace(t.start(i), t.end(i), H2TypedLiterals.untyped(t.text(i)));
            } else if (t.isWord(i, "cast") && t.type(i + 2) == SqlLexer.TokenType.STRING && t.isWord(i + 3, "as")
                    && t.word(i + 4) != null && t.partner(i + 1) == i + 5) {
                // CAST('…' AS uuid) as '…'::uuid
                String normalised = H2TypedLiterals.normalise(stringValue(t.text(i + 2)), t.word(i + 4));
                if (normalised != null) {
                    edits.replace(t.start(i + 2), t.end(i + 2), normalised);
                }
                i += 2;
            } else if (t.isWord(i, "date_part") && t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN
                    && t.type(i + 2) == SqlLexer.TokenType.STRING && t.type(i + 3) == SqlLexer.TokenType.COMMA) {
                // date_part('month', x) is extract(month from x), which H2 has.
                String field = stringValue(t.text(i + 2));
                if (field.matches("[A-Za-z_]+")) {
                    edits.replace(t.start(i), t.end(i + 3), "EXTRACT(" + field.toUpperCase(java.util.Locale.ROOT) + " FROM");
                    i += 3;
                }
            } else if (t.isWord(i, "array_length") && t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN
                    && t.partner(i + 1) > 0 && t.text(t.partner(i + 1) - 1).equals("1")
                    && t.type(t.partner(i + 1) - 2) == SqlLexer.TokenType.COMMA) {
                // One-dimensional arrays only on H2: the length of dimension 1 is the cardinality, except that an
                // empty array has no dimension 1 (NULL in PostgreSQL).
                int close = t.partner(i + 1);
                edits.replace(t.start(i), t.end(i), "NULLIF(CARDINALITY");
                edits.replace(t.start(close - 2), t.end(close - 1), "");
                edits.insert(t.end(close), ", 0)");
            } else if (t.isWord(i, "limit") && t.isWord(i + 1, "all")) {
                edits.replace(t.start(i), t.end(i + 1), "");   // no limit, as PostgreSQL means it
                i++;
            } else if (type == SqlLexer.TokenType.IDENTIFIER && H2Keywords.needsQuotes(t, i)) {
                edits.replace(t.start(i), t.end(i), "\"" + t.word(i) + "\"");
            } else if (type == SqlLexer.TokenType.IDENTIFIER && t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN
                    && H2FunctionCalls.rewrite(t, i, edits)) {
                continue;   // its arguments are rewritten on their own
            } else if (t.isWord(i, "generate_series") && t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN
                    && (t.isWord(i - 1, "from") || t.isWord(i - 1, "join") || t.isWord(i - 1, "lateral"))) {
                if (hasIntervalStep(t, i + 1)) {
                    edits.replace(t.start(i), t.end(i), "pgbridge_timestamp_series");   // H2's takes integers only
                } else if (hasInt4Arguments(t, i + 1)) {
                    // H2's series is bigint; PostgreSQL's of int4 arguments is int4
                    edits.insert(t.start(i), "(SELECT CAST(\"X\" AS integer) AS \"X\" FROM ");
                    edits.insert(t.end(t.partner(i + 1)), ")");
                }
                nameSeriesColumn(t, i, edits);
            }
        }
        SelectLists.aliasUnnamedItems(t, edits);
        return edits.applyTo(statement);
    }

    /**
     * PostgreSQL names generate_series's column after the function or after the table alias; H2 calls it X.
     */
    private static void nameSeriesColumn(SqlTokens t, int function, TextEdits edits) {
        int close = t.partner(function + 1);
        if (close < 0) {
            return;
        }
        int alias = t.isWord(close + 1, "as") ? close + 2 : close + 1;
        SqlLexer.TokenType type = t.type(alias);
        boolean named = type == SqlLexer.TokenType.QUOTED_IDENTIFIER
                || type == SqlLexer.TokenType.IDENTIFIER && !isClauseWord(t.word(alias));
        if (!named) {
            edits.insert(t.end(close), " AS generate_series(generate_series)");
        } else if (t.type(alias + 1) != SqlLexer.TokenType.LEFT_PAREN) {
            edits.insert(t.end(alias), "(" + t.text(alias) + ")");
        }
    }

    /** Whether every argument of the call whose parenthesis is at {@code open} is an integer literal of int4's range. */
    private static boolean hasInt4Arguments(SqlTokens t, int open) {
        int close = t.partner(open);
        if (close < 0) {
            return false;
        }
        for (int[] arg : t.splitByCommas(open + 1, close)) {
            int number = t.isOperator(arg[0], "-") || t.isOperator(arg[0], "+") ? arg[0] + 1 : arg[0];
            if (number + 1 != arg[1] || t.type(number) != SqlLexer.TokenType.NUMBER || !t.text(number).matches("\\d{1,10}")
                    || Long.parseLong(t.text(number)) > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Whether the call whose parenthesis is at {@code open} has a third argument that is an interval literal. */
    private static boolean hasIntervalStep(SqlTokens t, int open) {
        java.util.List<int[]> args = t.splitByCommas(open + 1, Math.max(t.partner(open), open + 1));
        if (args.size() != 3) {
            return false;
        }
        int step = args.get(2)[0];
        return t.isWord(step, "interval") || t.type(step) == SqlLexer.TokenType.STRING && t.isOperator(step + 1, "::")
                && t.isWord(step + 2, "interval");
    }

    /** {@code INTERVAL '1' DAY} is already H2's (and the standard's) syntax. */
    private static boolean isIntervalField(String word) {
        return word != null && switch (word) {
            case "year", "month", "day", "hour", "minute", "second" -> true;
            default -> false;
        };
    }

    private static boolean isClauseWord(String word) {
        return switch (word) {
            case "where", "join", "left", "right", "inner", "full", "cross", "on", "using", "group", "order", "limit",
                 "offset", "union", "except", "intersect", "having", "window", "natural", "fetch", "for", "with" -> true;
            default -> false;
        };
    }

    /** {@code INSERT … RETURNING list} as {@code SELECT list FROM FINAL TABLE (INSERT …) AS target}. */
    private static String returningQuery(SqlTokens t, int returning, String verb) {
        String list = t.span(returning + 1, t.size() - 1);
        if (list.isBlank()) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at end of input",
                    t.sql().length() + 1);
        }
        String dml = t.span(0, returning - 1);
        String delta = verb.equals("delete") ? "OLD TABLE" : "FINAL TABLE";
        String target = targetName(t, verb);
        return "SELECT " + list + " FROM " + delta + " (" + dml + ")" + (target == null ? "" : " AS " + target);
    }

    /**
     * {@code DELETE FROM t USING a, b WHERE cond} as {@code DELETE FROM t WHERE EXISTS (SELECT 1 FROM a, b WHERE
     * cond)}: H2 has no USING; the condition refers to {@code t} from inside the subquery, which SQL allows.
     */
    private static String deleteUsing(SqlTokens t) {
        int using = t.findWord(0, t.size(), "using");
        int where = t.findWord(using, t.size(), "where");
        int returning = t.findWord(using, t.size(), "returning");
        int end = returning < 0 ? t.size() : returning;
        if (where < 0) {
            where = end;
        }
        String from = t.span(using + 1, where - 1);
        String condition = where < end ? " WHERE " + t.span(where + 1, end - 1) : "";
        String tail = returning < 0 ? "" : " " + t.span(returning, t.size() - 1);
        return t.span(0, using - 1) + " WHERE EXISTS (SELECT 1 FROM " + from + condition + ")" + tail;
    }

    /** The name RETURNING's qualified references use: the target table's alias, or its unqualified name. */
    private static String targetName(SqlTokens t, String verb) {
        int i = switch (verb) {
            case "insert", "merge" -> t.isWord(1, "into") ? 2 : -1;
            case "delete" -> t.isWord(1, "from") ? 2 : -1;
            default -> 1;
        };
        if (i < 0) {
            return null;
        }
        if (t.isWord(i, "only")) {
            i++;
        }
        while (t.type(i + 1) == SqlLexer.TokenType.DOT) {
            i += 2;
        }
        int alias = t.isWord(i + 1, "as") ? i + 2 : i + 1;
        if (t.type(alias) == SqlLexer.TokenType.QUOTED_IDENTIFIER || t.type(alias) == SqlLexer.TokenType.IDENTIFIER
                && !isDmlWord(t.word(alias))) {
            return t.text(alias);
        }
        return t.text(i);
    }

    private static boolean isDmlWord(String word) {
        return switch (word) {
            case "set", "where", "using", "from", "values", "select", "default", "overriding", "returning", "on" -> true;
            default -> false;
        };
    }

    static String stringValue(String literal) {
        return literal.substring(literal.indexOf('\'') + 1, literal.length() - 1).replace("''", "'");
    }

    /** Dates with a zone offset are rewritten by value (pgjdbc's simple mode sends them untyped). */
    @Override
    public boolean readsLiteral(String literal) {
        return H2TypedLiterals.untyped(literal) != null;
    }

    /** The target this translator writes for. */
    public SqlTarget target() {
        return SqlTarget.H2;
    }
}
