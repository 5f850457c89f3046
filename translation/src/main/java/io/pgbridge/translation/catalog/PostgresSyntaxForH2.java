package io.pgbridge.translation.catalog;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

import java.util.Set;

/**
 * What PostgreSQL reads in a catalog query and the engine's H2 reads otherwise, made explicit before translation:
 * <ul>
 * <li>a function in FROM: PostgreSQL takes any function there, one that returns no set as a one-row table whose
 * column is named after the alias ({@code FROM string_to_array(...) s}, Grafana's); H2 takes only table functions,
 * so the call becomes a one-row subquery. A set-returning function keeps its place, and an alias without column names
 * names its column too ({@code generate_series(...) AS i}, whose column H2 calls {@code value}).</li>
 * <li>a column alias that is a keyword to H2 ({@code AS table}, {@code AS select}: Metabase's), quoted.</li>
 * <li>a string literal that a CASE returns ({@code THEN 'TABLE'}): PostgreSQL resolves it to text, H2 to a varchar
 * of the literal's length, which the engine would present as varchar; cast to varchar without a length, text.</li>
 * </ul>
 */
final class PostgresSyntaxForH2 {
    /** Functions that return sets: they stay table functions in FROM. */
    private static final Set<String> SET_RETURNING = Set.of("generate_series", "unnest", "pg_show_all_settings",
            "pg_partition_ancestors", "system_range", "regexp_matches", "regexp_split_to_table", "json_each",
            "json_each_text", "jsonb_each", "jsonb_each_text", "json_array_elements", "jsonb_array_elements",
            "json_object_keys", "jsonb_object_keys", "pg_options_to_table", "pg_get_keywords", "_pg_expandarray",
            "aclexplode", "pg_listening_channels", "pg_timezone_names", "pg_timezone_abbrevs", "pg_cursor",
            "pg_prepared_statement", "pg_available_extensions", "pg_config", "pg_ls_dir", "table");
    /** Set-returning functions of one column, which an alias without column names names too. */
    private static final Set<String> ONE_COLUMN_SETS = Set.of("generate_series", "unnest", "regexp_split_to_table",
            "regexp_matches", "json_object_keys", "jsonb_object_keys", "pg_listening_channels", "pg_ls_dir");
    /** Words that end a FROM clause or start another clause, at the same parenthesis depth. */
    private static final Set<String> CLAUSES = Set.of("select", "from", "join", "where", "group", "having", "order",
            "limit", "offset", "union", "intersect", "except", "on", "using", "window", "values", "set", "returning");
    /** H2's reserved words that PostgreSQL takes as column aliases after AS. */
    private static final Set<String> H2_KEYWORDS = Set.of("all", "and", "any", "array", "as", "asymmetric",
            "authorization", "between", "both", "case", "cast", "check", "constraint", "cross", "current_catalog",
            "current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "day", "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect",
            "interval", "is", "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus",
            "minute", "month", "natural", "not", "null", "offset", "on", "or", "order", "over", "partition", "primary",
            "qualify", "range", "regexp", "right", "row", "rownum", "rows", "second", "select", "session_user", "set",
            "some", "symmetric", "system_user", "table", "to", "top", "trailing", "true", "uescape", "union", "unique",
            "unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year", "_rowid_");

    private PostgresSyntaxForH2() {
    }

    static String rewrite(String sql) {
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "as") && t.type(i + 1) == TokenType.IDENTIFIER && H2_KEYWORDS.contains(t.word(i + 1))
                    && t.type(i + 2) != TokenType.LEFT_PAREN && !t.isWord(i + 2, "materialized")
                    && !t.isWord(enclosingCall(t, i), "cast")) {
                edits.replace(t.start(i + 1), t.end(i + 1), "\"" + t.word(i + 1) + "\"");
            } else if (t.type(i) == TokenType.STRING && (t.isWord(i - 1, "then") || t.isWord(i - 1, "else"))
                    && !t.isOperator(i + 1, "::")) {
                if (onlyLiteralsResult(t, i)) {
                    edits.replace(t.start(i), t.end(i), "CAST(" + t.text(i) + " AS varchar)");
                } else if (t.text(i).length() == 3) {
                    // one character beside a typed result: H2's CASE would widen a "char" column (char(1)) to
                    // varchar, where PostgreSQL gives the literal the column's type (Npgsql's THEN 'a' ELSE typtype)
                    edits.replace(t.start(i), t.end(i), "CAST(" + t.text(i) + " AS char(1))");
                }
            } else if (t.type(i) == TokenType.IDENTIFIER && t.type(i + 1) == TokenType.LEFT_PAREN
                    && t.type(i - 1) != TokenType.DOT && inFrom(t, i) && t.partner(i + 1) > 0) {
                i = functionInFrom(t, i, edits);
            }
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /**
     * Whether every result of the CASE that the literal at {@code literal} is a result of is a string literal or
     * NULL: only then is it text in PostgreSQL. With a typed result beside it ({@code ELSE typ.typtype}, Npgsql's
     * type loading) the literal takes that result's type ("char"), as H2 gives it too.
     */
    private static boolean onlyLiteralsResult(SqlTokens t, int literal) {
        int caseWord = -1;
        int nested = 0;
        for (int j = literal - 1; j >= 0 && caseWord < 0; j--) {
            if (t.type(j) == TokenType.RIGHT_PAREN && t.partner(j) >= 0) {
                j = t.partner(j);
            } else if (t.type(j) == TokenType.LEFT_PAREN) {
                return false;
            } else if (t.isWord(j, "end")) {
                nested++;
            } else if (t.isWord(j, "case") && nested-- == 0) {
                caseWord = j;
            }
        }
        if (caseWord < 0) {
            return false;
        }
        nested = 0;
        for (int j = caseWord + 1; j < t.size(); j++) {
            if (t.partner(j) > j) {
                j = t.partner(j);
            } else if (t.isWord(j, "case")) {
                nested++;
            } else if (t.isWord(j, "end") && nested-- == 0) {
                return true;
            } else if (nested == 0 && (t.isWord(j, "then") || t.isWord(j, "else"))
                    && !((t.type(j + 1) == TokenType.STRING || t.isWord(j + 1, "null"))
                    && (t.isWord(j + 2, "when") || t.isWord(j + 2, "else") || t.isWord(j + 2, "end")))) {
                return false;
            }
        }
        return false;
    }

    private static int functionInFrom(SqlTokens t, int call, TextEdits edits) {
        int close = t.partner(call + 1);
        if (t.isWord(close + 1, "with")) {
            return close;   // WITH ORDINALITY: left as it is
        }
        int alias = t.isWord(close + 1, "as") ? close + 2 : close + 1;
        boolean named = t.type(alias) == TokenType.IDENTIFIER && !CLAUSES.contains(t.word(alias))
                && !t.isWord(alias, "inner") && !t.isWord(alias, "left") && !t.isWord(alias, "right")
                && !t.isWord(alias, "cross") && !t.isWord(alias, "full") && !t.isWord(alias, "natural")
                || t.type(alias) == TokenType.QUOTED_IDENTIFIER;
        boolean columns = named && t.type(alias + 1) == TokenType.LEFT_PAREN;
        String name = named ? t.text(alias) : t.word(call);
        if (SET_RETURNING.contains(t.word(call))) {
            if (named && !columns && ONE_COLUMN_SETS.contains(t.word(call))) {
                edits.insert(t.end(alias), "(" + name + ")");
            }
            return close;
        }
        String column = columns ? t.span(alias + 2, t.partner(alias + 1) - 1) : name;
        int end = columns ? t.partner(alias + 1) : named ? alias : close;
        edits.replace(t.start(call), t.end(end), "(SELECT " + t.span(call, close) + " AS " + column + ") AS " + name);
        return end;
    }

    /** Whether the call at {@code i} is a FROM item: its clause at the same depth is FROM or JOIN. */
    private static boolean inFrom(SqlTokens t, int i) {
        if (!t.isWord(i - 1, "from") && !t.isWord(i - 1, "join") && t.type(i - 1) != TokenType.COMMA
                && !t.isWord(i - 1, "lateral")) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            if (t.type(j) == TokenType.RIGHT_PAREN && t.partner(j) >= 0) {
                j = t.partner(j);
            } else if (t.type(j) == TokenType.LEFT_PAREN) {
                return false;
            } else if (t.type(j) == TokenType.IDENTIFIER && CLAUSES.contains(t.word(j))) {
                return t.isWord(j, "from") || t.isWord(j, "join");
            }
        }
        return false;
    }

    /** The token before the parenthesis that encloses token {@code i} (a call's name), or -1. */
    private static int enclosingCall(SqlTokens t, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (t.type(j) == TokenType.RIGHT_PAREN && t.partner(j) >= 0) {
                j = t.partner(j);
            } else if (t.type(j) == TokenType.LEFT_PAREN) {
                return j - 1;
            }
        }
        return -1;
    }
}
