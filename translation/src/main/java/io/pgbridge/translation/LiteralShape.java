package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A statement with its plain literals replaced by numbered stand-ins, so that statements differing only in the
 * values they compare against share one translation. pgbench's simple mode, ORMs that inline values and hand-written
 * scripts all send such statements.
 *
 * <p>Only literals whose value cannot change the translation are replaced: integers, decimals and standard
 * strings that stand where a value is compared, assigned or listed, never a function's argument (date_trunc's unit
 * decides the translation), never a typed literal ({@code '1 day'::interval}, {@code DATE '…'}) and never next to
 * an operator whose translation may look at it ({@code ->>}). A stand-in is a literal of the same kind that does not
 * occur in the statement, so its place in the translated text can be found again.
 */
record LiteralShape(String shape, List<Literal> literals) {

    /** One replaced literal: where it stood in the original and in the shape, and its stand-in's text. */
    record Literal(String original, int originalStart, int shapeStart, String standIn) {
    }

    private static final Set<String> VALUE_KEYWORDS = Set.of("select", "where", "and", "or", "not", "then", "else",
            "when", "values", "in", "like", "ilike", "between", "set", "on", "having", "limit", "offset", "is",
            "default", "case", "return", "returning", "distinct", "all", "any", "some", "by");
    /** Words after which an ORDER BY / GROUP BY list has ended. */
    private static final Set<String> BY_LIST_ENDS = Set.of("limit", "offset", "fetch", "having", "window", "union",
            "except", "intersect", "for", "returning", "rows", "range", "groups");
    private static final Set<String> VALUE_OPERATORS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*",
            "/", "%", "||");
    private static final Set<String> NOT_FUNCTIONS = Set.of("in", "values", "and", "or", "not", "where", "on",
            "select", "when", "then", "else", "exists", "any", "all", "some", "as", "from", "join", "using", "over",
            "filter", "within", "returning", "set", "into", "table", "lateral", "having", "by", "case", "is", "like",
            "ilike", "between", "limit", "offset", "distinct", "array", "row");

    /**
     * The statement with its replaceable literals stood in for; {@code null} when none could be replaced. One lexer
     * pass with no token list: this runs for every statement of every simple Query, cache hit or not.
     */
    static LiteralShape of(String sql) {
        return of(sql, literal -> false);
    }

    /** As {@link #of(String)}, keeping the literals {@code keep} claims (their token text, quotes included). */
    static LiteralShape of(String sql, java.util.function.Predicate<String> keep) {
        SqlLexer lexer = new SqlLexer(sql);
        boolean[] callStack = new boolean[8];   // per open parenthesis: does it hold a function's arguments?
        int depth = 0;
        SqlLexer.TokenType previous = null;
        int previousStart = 0;
        int previousEnd = 0;
        int pendingStart = -1;   // a literal waiting for the next token to say whether it is replaceable
        int pendingEnd = 0;
        List<int[]> candidates = null;
        int byDepth = -1;   // the depth of the ORDER BY / GROUP BY list being read, whose numbers are ordinals
        while (true) {
            SqlLexer.TokenType type = lexer.nextSignificant();
            int start = lexer.start();
            int end = lexer.end();
            if (pendingStart >= 0) {
                boolean typedOrIndexed = type == SqlLexer.TokenType.LEFT_BRACKET
                        || type == SqlLexer.TokenType.OPERATOR && !isValueOperator(sql, start, end);
                if (!typedOrIndexed) {
                    if (candidates == null) {
                        candidates = new ArrayList<>();
                    }
                    if (!keep.test(sql.substring(pendingStart, pendingEnd))) {
                        candidates.add(new int[] {pendingStart, pendingEnd});
                    }
                }
                pendingStart = -1;
            }
            switch (type) {
                case LEFT_PAREN -> {
                    if (++depth == callStack.length) {
                        callStack = java.util.Arrays.copyOf(callStack, depth * 2);
                    }
                    callStack[depth] = isFunctionName(previous, sql, previousStart, previousEnd);
                }
                case RIGHT_PAREN -> {
                    depth = Math.max(0, depth - 1);
                    byDepth = depth < byDepth ? -1 : byDepth;
                }
                case IDENTIFIER -> {
                    // Only words inside an ORDER BY / GROUP BY list are looked at closely: no allocation per word.
                    if (end - start == 2 && sql.regionMatches(true, start, "by", 0, 2)) {
                        byDepth = depth;
                    } else if (depth == byDepth
                            && BY_LIST_ENDS.contains(sql.substring(start, end).toLowerCase(Locale.ROOT))) {
                        byDepth = -1;
                    }
                }
                case NUMBER, STRING -> {
                    boolean plain = type == SqlLexer.TokenType.NUMBER ? isPlainNumber(sql, start, end)
                            : sql.charAt(start) == '\'';   // N'…' and the like keep their own meaning
                    // jsonb - 'key' removes a key: a string after minus may decide the translation (H2)
                    boolean minusString = type == SqlLexer.TokenType.STRING && previous == SqlLexer.TokenType.OPERATOR
                            && previousEnd - previousStart == 1 && sql.charAt(previousStart) == '-';
                    boolean ordinal = type == SqlLexer.TokenType.NUMBER && depth == byDepth
                            && (previous == SqlLexer.TokenType.COMMA || previous == SqlLexer.TokenType.IDENTIFIER);
                    if (plain && !minusString && !ordinal && !callStack[depth]
                            && followsAValuePosition(previous, sql, previousStart, previousEnd)) {
                        pendingStart = start;
                        pendingEnd = end;
                    }
                }
                default -> {
                }
            }
            if (type == SqlLexer.TokenType.EOF) {
                break;
            }
            previous = type;
            previousStart = start;
            previousEnd = end;
        }
        if (candidates == null || candidates.isEmpty() || candidates.size() > 9999) {
            return null;
        }
        StringBuilder shape = new StringBuilder(sql.length() + candidates.size() * 8);
        List<Literal> literals = new ArrayList<>(candidates.size());
        int copied = 0;
        for (int n = 0; n < candidates.size(); n++) {
            int start = candidates.get(n)[0];
            int end = candidates.get(n)[1];
            String original = sql.substring(start, end);
            String standIn = original.charAt(0) == '\'' ? "'pgbridge.literal." + n + "'"
                    : original.indexOf('.') >= 0 ? numberStandIn(n) + ".5" : numberStandIn(n);
            if (sql.contains(standIn)) {
                return null;   // could not be found again unambiguously
            }
            shape.append(sql, copied, start);
            literals.add(new Literal(original, start, shape.length(), standIn));
            shape.append(standIn);
            copied = end;
        }
        shape.append(sql, copied, sql.length());
        return new LiteralShape(shape.toString(), List.copyOf(literals));
    }

    /** Maps a 1-based position in the shape back to the original statement (0 stays 0). */
    int originalPosition(int shapePosition) {
        if (shapePosition <= 0) {
            return shapePosition;
        }
        int delta = 0;
        for (Literal literal : literals) {
            if (literal.shapeStart() >= shapePosition - 1) {
                break;
            }
            delta += literal.original().length() - literal.standIn().length();
        }
        return shapePosition + delta;
    }

    private static String numberStandIn(int n) {
        return "8170" + String.format(Locale.ROOT, "%04d", n) + "3";
    }

    private static boolean isPlainNumber(String sql, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = sql.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;   // exponents, hex, underscores: rare enough to leave alone
            }
        }
        return true;
    }

    /** Operators around which a literal is a plain value: comparison, arithmetic, concatenation. */
    private static boolean isValueOperator(String sql, int start, int end) {
        char c = sql.charAt(start);
        if (end - start == 1) {
            return "=<>+-*/%".indexOf(c) >= 0;
        }
        if (end - start == 2) {
            char d = sql.charAt(start + 1);
            return c == '<' && (d == '>' || d == '=') || c == '>' && d == '=' || c == '!' && d == '='
                    || c == '|' && d == '|';
        }
        return false;
    }

    private static boolean followsAValuePosition(SqlLexer.TokenType previous, String sql, int start, int end) {
        if (previous == null) {
            return false;
        }
        return switch (previous) {
            case COMMA, LEFT_PAREN -> true;
            case OPERATOR -> isValueOperator(sql, start, end);
            case IDENTIFIER -> end - start <= 9 && VALUE_KEYWORDS.contains(sql.substring(start, end).toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private static boolean isFunctionName(SqlLexer.TokenType previous, String sql, int start, int end) {
        return previous == SqlLexer.TokenType.QUOTED_IDENTIFIER
                || previous == SqlLexer.TokenType.IDENTIFIER
                        && !NOT_FUNCTIONS.contains(sql.substring(start, end).toLowerCase(Locale.ROOT));
    }
}
