package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

import java.util.List;

/**
 * PostgreSQL's JSON constructors and aggregates as H2's standard ones, whose result text is then put in
 * PostgreSQL's form by a function pgbridge registers in embedded H2 ({@code io.pgbridge.backend.h2.H2JsonFunctions}):
 *
 * <pre>
 * jsonb_build_object('a', x, 'b', y)  →  pgbridge_jsonb(JSON_OBJECT('a' VALUE x, 'b' VALUE y NULL ON NULL))
 * json_agg(x ORDER BY x)              →  pgbridge_json_array_text(JSON_ARRAYAGG(x ORDER BY x NULL ON NULL))
 * jsonb_object_agg(k, v)              →  pgbridge_jsonb(JSON_OBJECTAGG(KEY k VALUE v NULL ON NULL))
 * </pre>
 * PostgreSQL keeps SQL NULLs as JSON nulls in all of these, hence {@code NULL ON NULL}. The edits touch only the
 * call's name, its top-level commas and its brackets, so rewrites of its arguments go on independently.
 * Also {@code decode(text, format)} with two arguments, which H2 reads as Oracle's DECODE, and {@code upper(text)},
 * which on H2 (Java's String.toUpperCase) turns {@code ß} into {@code SS} where PostgreSQL maps each character alone.
 */
final class H2FunctionCalls {
    private H2FunctionCalls() {
    }

    /** Rewrites the call whose name is token {@code name} (followed by its parenthesis); false if not one of these. */
    static boolean rewrite(SqlTokens t, int name, TextEdits edits) {
        String function = t.word(name);
        if (function == null || t.type(name - 1) == SqlLexer.TokenType.DOT) {
            return false;
        }
        int open = name + 1;
        int close = t.partner(open);
        if (close < 0) {
            return false;
        }
        List<int[]> args = t.splitByCommas(open + 1, close);
        boolean empty = close == open + 1;
        switch (function) {
            case "jsonb_build_object", "json_build_object" -> {
                if (empty || args.size() % 2 != 0) {
                    return false;   // H2 reports it; PostgreSQL rejects an odd count too
                }
                String wrapper = function.equals("jsonb_build_object") ? "pgbridge_jsonb" : "pgbridge_json_object_text";
                edits.replace(t.start(name), t.end(name), wrapper + "(JSON_OBJECT");
                for (int k = 1; k < args.size(); k += 2) {
                    edits.replace(t.start(args.get(k)[0] - 1), t.end(args.get(k)[0] - 1), " VALUE");
                }
                wrapAggregateEnd(t, close, edits, false);
                return true;
            }
            case "json_agg", "jsonb_agg" -> {
                if (empty || args.size() != 1) {
                    return false;
                }
                String wrapper = function.equals("jsonb_agg") ? "pgbridge_jsonb" : "pgbridge_json_array_text";
                edits.replace(t.start(name), t.end(name), wrapper + "(JSON_ARRAYAGG");
                wrapAggregateEnd(t, close, edits, true);
                return true;
            }
            case "jsonb_object_agg" -> {
                if (args.size() != 2) {
                    return false;
                }
                edits.replace(t.start(name), t.end(open), "pgbridge_jsonb(JSON_OBJECTAGG(KEY ");
                edits.replace(t.start(args.get(1)[0] - 1), t.end(args.get(1)[0] - 1), " VALUE");
                wrapAggregateEnd(t, close, edits, true);
                return true;
            }
            case "decode", "upper" -> {
                if (args.size() != (function.equals("decode") ? 2 : 1) || empty) {
                    return false;
                }
                edits.replace(t.start(name), t.end(name), "pgbridge_" + function);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Ends the H2 call with {@code NULL ON NULL)} and closes the wrapper after it; for an aggregate, after its
     * FILTER and OVER clauses, which belong to the aggregate inside the wrapper.
     */
    private static void wrapAggregateEnd(SqlTokens t, int close, TextEdits edits, boolean aggregate) {
        int end = close;
        if (aggregate && t.isWord(end + 1, "filter") && t.type(end + 2) == SqlLexer.TokenType.LEFT_PAREN) {
            end = t.partner(end + 2);
        }
        if (aggregate && end > 0 && t.isWord(end + 1, "over")) {
            end = t.type(end + 2) == SqlLexer.TokenType.LEFT_PAREN ? t.partner(end + 2) : end + 2;
        }
        if (end <= close) {
            edits.replace(t.start(close), t.end(close), " NULL ON NULL))");
        } else {
            edits.replace(t.start(close), t.end(close), " NULL ON NULL)");
            edits.insert(t.end(end), ")");
        }
    }
}
