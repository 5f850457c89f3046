package io.pgbridge.translation;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether running a query twice is indistinguishable from running it once: a plain read with no data
 * change, no lock and no function outside a list of ones known to have no side effects. The proxy uses this to
 * try a query optimistically with a small row limit and run it again, streamed, only when the result is large.
 * When in doubt the answer is no, which only costs speed.
 */
public final class RepeatableQueries {
    /** Words that are followed by '(' without being a function call. */
    private static final Set<String> NOT_FUNCTIONS = Set.of(
            "select", "from", "where", "and", "or", "not", "in", "exists", "any", "all", "some", "as", "on", "using",
            "join", "lateral", "values", "over", "filter", "within", "group", "by", "order", "partition", "having",
            "union", "intersect", "except", "when", "then", "else", "case", "is", "like", "ilike", "between",
            "distinct", "row", "array", "cast", "with", "recursive", "materialized", "limit", "offset", "fetch",
            "returns", "table", "only", "tablesample", "rows", "range", "groups", "preceding", "following", "similar",
            // type names with modifiers: numeric(10,2), varchar(20), timestamp(3)…
            "numeric", "decimal", "varchar", "char", "character", "varying", "bpchar", "bit", "timestamp", "time",
            "interval", "float", "double", "precision");

    /** Functions without side effects that queries commonly call. */
    private static final Set<String> SAFE_FUNCTIONS = Set.of(
            "count", "sum", "avg", "min", "max", "coalesce", "nullif", "greatest", "least", "abs", "round", "trunc",
            "floor", "ceil", "ceiling", "mod", "power", "sqrt", "sign", "length", "char_length", "octet_length",
            "lower", "upper", "trim", "btrim", "ltrim", "rtrim", "substr", "substring", "position", "strpos",
            "replace", "concat", "concat_ws", "left", "right", "lpad", "rpad", "split_part", "format", "to_char",
            "to_date", "to_timestamp", "to_number", "date_trunc", "date_part", "extract", "age", "now",
            "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "string_agg",
            "array_agg", "json_agg", "jsonb_agg", "json_build_object", "jsonb_build_object", "row_number", "rank",
            "dense_rank", "lag", "lead", "first_value", "last_value", "ntile", "bool_and", "bool_or", "every",
            "array_length", "array_to_string", "unnest", "generate_series", "md5", "encode", "decode",
            "jsonb_extract_path", "json_extract_path", "jsonb_extract_path_text", "json_extract_path_text",
            "to_json", "to_jsonb", "regexp_replace", "regexp_match", "starts_with", "exp", "ln", "log", "pi");

    private RepeatableQueries() {
    }

    /** True when {@code sql} is a single read-only query that can safely run twice. */
    public static boolean isRepeatable(String sql, StatementInfo info) {
        switch (info.kind()) {
            case SELECT, VALUES, TABLE -> {
            }
            default -> {
                return false;
            }
        }
        SqlLexer lexer = new SqlLexer(sql);
        // The word just before the current token, or null when the previous token was not an unquoted word.
        String previousWord = null;
        boolean previousWasQuotedName = false;
        while (lexer.nextSignificant() != SqlLexer.TokenType.EOF) {
            SqlLexer.TokenType type = lexer.type();
            switch (type) {
                case IDENTIFIER -> {
                    String word = lexer.text().toLowerCase(Locale.ROOT);
                    if (CHANGES_OR_LOCKS.contains(word)) {
                        return false;
                    }
                    previousWord = word;
                    previousWasQuotedName = false;
                    continue;
                }
                case QUOTED_IDENTIFIER -> {
                    previousWord = null;
                    previousWasQuotedName = true;
                    continue;
                }
                case LEFT_PAREN -> {
                    // A call of a function not known to be free of side effects (a quoted name could be anything).
                    if (previousWasQuotedName || previousWord != null
                            && !NOT_FUNCTIONS.contains(previousWord) && !SAFE_FUNCTIONS.contains(previousWord)) {
                        return false;
                    }
                }
                case SEMICOLON -> {
                    return false;
                }
                default -> {
                }
            }
            previousWord = null;
            previousWasQuotedName = false;
        }
        return true;
    }

    /** Data changes in CTEs, SELECT INTO, row locks (FOR UPDATE/SHARE), sequences. */
    private static final Set<String> CHANGES_OR_LOCKS = Set.of("insert", "update", "delete", "merge", "into", "for",
            "nextval", "setval", "lock");
}
