package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

/**
 * PostgreSQL operators H2 lacks, as function calls: the JSON operators {@code a -> 'k'}, {@code a ->> 'k'},
 * {@code a #> '{k,0}'} and {@code a #>> '{k,0}'} call the functions pgbridge registers in embedded H2 databases
 * ({@code io.pgbridge.backend.h2.H2Functions}); {@code a ^ b} is {@code POWER(a, b)}. Both bind tighter than
 * comparison and arithmetic ({@code ^} binds tighter than {@code *}), so each takes the primary expression on either
 * side. The containment operators {@code @>} and {@code <@} and the key test {@code ?} call functions of jsonb or
 * arrays; they bind more loosely in PostgreSQL, but their operands are primary expressions in practice.
 * Operators are rewritten one at a time from the left, so that a chain {@code a -> 'x' ->> 'y'} nests as
 * PostgreSQL associates it.
 */
final class H2Operators {
    private static final java.util.Map<String, String> FUNCTIONS = java.util.Map.of(
            "->", "pgbridge_json_get", "->>", "pgbridge_json_get_text", "#>", "pgbridge_json_path",
            "#>>", "pgbridge_json_path_text", "^", "POWER", "?", "pgbridge_jsonb_exists",
            "@>", "pgbridge_jsonb_contains", "<@", "pgbridge_jsonb_contains");

    /** Operators rewritten only for some operand types. */
    private static final java.util.Set<String> ARITHMETIC = java.util.Set.of("||", "-", "+", "*", "/");
    private static final java.util.regex.Pattern WHOLE_DAYS = java.util.regex.Pattern.compile(
            "(?i)INTERVAL '(-?\\d+)' DAY");

    private H2Operators() {
    }

    /** Whether {@code sql} may hold one of these operators; a cheap test before lexing. */
    static boolean mayContain(String sql) {
        return sql.indexOf("->") >= 0 || sql.indexOf("#>") >= 0 || sql.indexOf('^') >= 0 || sql.indexOf('?') >= 0
                || sql.indexOf("@>") >= 0 || sql.indexOf("<@") >= 0 || sql.indexOf("||") >= 0 || sql.indexOf('-') >= 0
                || sql.indexOf('+') >= 0 || sql.indexOf('*') >= 0 || sql.indexOf('/') >= 0;
    }

    static String rewrite(String sql) {
        String current = sql;
        for (int guard = 0; guard < 1000; guard++) {
            String next = rewriteFirst(new SqlTokens(current));
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The text with the leftmost operator that needs it rewritten, or null when none does. */
    private static String rewriteFirst(SqlTokens t) {
        for (int op = nextOperator(t, 1); op >= 0; op = nextOperator(t, op + 1)) {
            int left = leftOperandStart(t, op);
            int right = rightOperandEnd(t, op);
            String call = left < 0 || right < 0 ? null : call(t, op, t.span(left, op - 1), t.span(op + 1, right), right);
            if (call != null) {
                return t.sql().substring(0, t.start(left)) + call + t.sql().substring(t.end(right));
            }
        }
        return null;   // the rest H2 reads, or reports
    }

    /** What {@code a op b} becomes, or null to keep it. */
    private static String call(SqlTokens t, int op, String a, String b, int right) {
        String operator = t.text(op);
        switch (operator) {
            case "@>", "<@" -> {
                // Containment of arrays or of jsonb: told apart by an ARRAY[…] or a …[] cast on either side.
                String function = isArray(a) || isArray(b) ? "pgbridge_array_contains" : FUNCTIONS.get(operator);
                return operator.equals("@>") ? function + "(" + a + ", " + b + ")" : function + "(" + b + ", " + a + ")";
            }
            case "||" -> {
                boolean jsonb = H2OperandTypes.isJsonb(a) || H2OperandTypes.isJsonb(b)
                        || t.isOperator(right + 1, "::") && t.isWord(right + 2, "jsonb");
                return jsonb ? "pgbridge_jsonb_concat(" + a + ", " + b + ")" : null;
            }
            case "-", "+" -> {
                boolean date = H2OperandTypes.isDate(a);
                if (date && operator.equals("-") && H2OperandTypes.isDate(b)) {
                    return "DATEDIFF(DAY, " + b + ", " + a + ")";   // date - date is a number of days
                }
                if (date && H2OperandTypes.isInterval(b)) {
                    return "CAST(" + a + " AS TIMESTAMP) " + operator + " " + b;   // a timestamp, as in PostgreSQL
                }
                if (!date && operator.equals("-") && H2OperandTypes.isJsonbKey(b)) {
                    return "pgbridge_jsonb_delete(" + a + ", " + b + ")";
                }
                return null;
            }
            case "*", "/" -> {
                // H2 keeps a DAY interval in whole days (1 day / 2 = 0); PostgreSQL carries the rest into hours.
                java.util.regex.Matcher days = WHOLE_DAYS.matcher(a);
                return days.matches() ? "INTERVAL '" + days.group(1) + " 00:00:00' DAY TO SECOND " + operator + " " + b
                        : null;
            }
            default -> {
                return FUNCTIONS.get(operator) + "(" + a + ", " + b + ")";
            }
        }
    }

    /** Whether an operand shows it is an array: {@code ARRAY[…]} or a cast to {@code …[]}. */
    private static boolean isArray(String operand) {
        SqlTokens t = new SqlTokens(operand);
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) == SqlLexer.TokenType.LEFT_BRACKET
                    && (t.isWord(i - 1, "array") || t.type(i + 1) == SqlLexer.TokenType.RIGHT_BRACKET)) {
                return true;
            }
        }
        return false;
    }

    private static int nextOperator(SqlTokens t, int from) {
        for (int i = Math.max(from, 1); i < t.size(); i++) {
            if (t.type(i) == SqlLexer.TokenType.OPERATOR) {
                String text = t.text(i);
                if (FUNCTIONS.containsKey(text) || ARITHMETIC.contains(text)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The first token of the primary expression just before {@code op}: a name, call, literal, group or cast. */
    private static int leftOperandStart(SqlTokens t, int op) {
        int i = op - 1;
        while (true) {
            SqlLexer.TokenType type = t.type(i);
            if (type == SqlLexer.TokenType.RIGHT_PAREN || type == SqlLexer.TokenType.RIGHT_BRACKET) {
                i = t.partner(i);
                if (i < 0) {
                    return -1;
                }
                if (type == SqlLexer.TokenType.RIGHT_BRACKET) {
                    i--;   // a subscript: its operand comes before it
                    continue;
                }
                if (t.type(i - 1) == SqlLexer.TokenType.IDENTIFIER || t.type(i - 1) == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
                    i--;   // a function call
                }
            } else if (!(type == SqlLexer.TokenType.IDENTIFIER || type == SqlLexer.TokenType.QUOTED_IDENTIFIER
                    || type.isStringLiteral() || type == SqlLexer.TokenType.NUMBER
                    || type == SqlLexer.TokenType.PARAMETER)) {
                return -1;
            }
            while (t.type(i - 1) == SqlLexer.TokenType.DOT && (t.type(i - 2) == SqlLexer.TokenType.IDENTIFIER
                    || t.type(i - 2) == SqlLexer.TokenType.QUOTED_IDENTIFIER)) {
                i -= 2;
            }
            if (t.isOperator(i - 1, "::")) {
                i -= 2;   // x::json -> 'a': the cast belongs to the left operand
                continue;
            }
            if (type == SqlLexer.TokenType.STRING && H2OperandTypes.isLiteralType(t.word(i - 1))) {
                return i - 1;   // DATE '2024-01-31'
            }
            int field = i;
            while (H2OperandTypes.isIntervalField(t.word(field))) {
                field--;   // INTERVAL '1' DAY, INTERVAL '1 02:00' DAY TO MINUTE
            }
            if (field < i && t.type(field) == SqlLexer.TokenType.STRING && t.isWord(field - 1, "interval")) {
                return field - 1;
            }
            return i;
        }
    }

    /** The last token of the operand just after {@code op}. */
    private static int rightOperandEnd(SqlTokens t, int op) {
        int i = op + 1;
        if (t.isOperator(i, "-") || t.isOperator(i, "+")) {
            i++;   // 2 ^ -1
        }
        SqlLexer.TokenType type = t.type(i);
        if (type == SqlLexer.TokenType.LEFT_PAREN) {
            return t.partner(i);
        }
        if (type.isStringLiteral() || type == SqlLexer.TokenType.NUMBER || type == SqlLexer.TokenType.PARAMETER) {
            int end = i;
            if (t.isOperator(end + 1, "::")) {
                end += 2;   // '{a,b}'::text[]
                while (t.type(end + 1) == SqlLexer.TokenType.LEFT_BRACKET && t.partner(end + 1) > end) {
                    end = t.partner(end + 1);
                }
            }
            return end;
        }
        if (H2OperandTypes.isLiteralType(t.word(i)) && t.type(i + 1) == SqlLexer.TokenType.STRING) {
            int end = i + 1;   // DATE '2024-01-31', INTERVAL '1' DAY, INTERVAL '1 02:00' DAY TO MINUTE
            while (t.isWord(i, "interval") && H2OperandTypes.isIntervalField(t.word(end + 1))) {
                end++;
            }
            return end;
        }
        if (type == SqlLexer.TokenType.IDENTIFIER || type == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            while (t.type(i + 1) == SqlLexer.TokenType.DOT) {
                i += 2;
            }
            if (t.isWord(i, "array") && t.type(i + 1) == SqlLexer.TokenType.LEFT_BRACKET) {
                return t.partner(i + 1);   // ARRAY['a', 'b']
            }
            return t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN ? t.partner(i + 1) : i;
        }
        return -1;
    }
}
