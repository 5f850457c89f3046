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
    private static final Set<String> VALUE_OPERATORS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*",
            "/", "%", "||");
    private static final Set<String> NOT_FUNCTIONS = Set.of("in", "values", "and", "or", "not", "where", "on",
            "select", "when", "then", "else", "exists", "any", "all", "some", "as", "from", "join", "using", "over",
            "filter", "within", "returning", "set", "into", "table", "lateral", "having", "by", "case", "is", "like",
            "ilike", "between", "limit", "offset", "distinct", "array", "row");

    /** The statement with its replaceable literals stood in for; {@code null} when none could be replaced. */
    static LiteralShape of(String sql) {
        List<SqlLexer.Token> tokens = significantTokens(sql);
        List<int[]> candidates = new ArrayList<>();   // {token index, kind 0 = number, 1 = string}
        // For each open parenthesis, whether it opens a function's argument list.
        boolean[] callStack = new boolean[tokens.size() + 1];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            switch (token.type()) {
                case LEFT_PAREN -> callStack[++depth] = i > 0 && isFunctionName(tokens.get(i - 1), sql);
                case RIGHT_PAREN -> depth = Math.max(0, depth - 1);
                case NUMBER, STRING -> {
                    if (callStack[depth] || !standsForAValue(tokens, i, sql)) {
                        continue;
                    }
                    if (token.type() == SqlLexer.TokenType.STRING && sql.charAt(token.start()) != '\'') {
                        continue;   // N'…' and the like keep their own meaning
                    }
                    if (token.type() == SqlLexer.TokenType.NUMBER && !isPlainNumber(sql, token)) {
                        continue;
                    }
                    candidates.add(new int[] {i, token.type() == SqlLexer.TokenType.NUMBER ? 0 : 1});
                }
                default -> {
                }
            }
        }
        if (candidates.isEmpty() || candidates.size() > 9999) {
            return null;
        }
        StringBuilder shape = new StringBuilder(sql.length() + candidates.size() * 8);
        List<Literal> literals = new ArrayList<>(candidates.size());
        int copied = 0;
        for (int n = 0; n < candidates.size(); n++) {
            SqlLexer.Token token = tokens.get(candidates.get(n)[0]);
            String standIn = candidates.get(n)[1] == 1 ? "'pgbridge.literal." + n + "'"
                    : token.text(sql).indexOf('.') >= 0 ? numberStandIn(n) + ".5" : numberStandIn(n);
            if (sql.contains(standIn)) {
                return null;   // could not be found again unambiguously
            }
            shape.append(sql, copied, token.start());
            literals.add(new Literal(token.text(sql), token.start(), shape.length(), standIn));
            shape.append(standIn);
            copied = token.end();
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

    private static boolean isPlainNumber(String sql, SqlLexer.Token token) {
        for (int i = token.start(); i < token.end(); i++) {
            char c = sql.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;   // exponents, hex, underscores: rare enough to leave alone
            }
        }
        return true;
    }

    private static boolean standsForAValue(List<SqlLexer.Token> tokens, int i, String sql) {
        if (i + 1 < tokens.size()) {
            SqlLexer.Token next = tokens.get(i + 1);
            if (next.type() == SqlLexer.TokenType.OPERATOR && !VALUE_OPERATORS.contains(next.text(sql))
                    || next.type() == SqlLexer.TokenType.LEFT_BRACKET) {
                return false;   // '…'::type, '{1}'[1], x ->> …
            }
        }
        if (i == 0) {
            return false;
        }
        SqlLexer.Token previous = tokens.get(i - 1);
        return switch (previous.type()) {
            case COMMA, LEFT_PAREN -> true;
            case OPERATOR -> VALUE_OPERATORS.contains(previous.text(sql));
            case IDENTIFIER -> VALUE_KEYWORDS.contains(previous.text(sql).toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private static boolean isFunctionName(SqlLexer.Token token, String sql) {
        return token.type() == SqlLexer.TokenType.QUOTED_IDENTIFIER
                || token.type() == SqlLexer.TokenType.IDENTIFIER
                        && !NOT_FUNCTIONS.contains(token.text(sql).toLowerCase(Locale.ROOT));
    }

    private static List<SqlLexer.Token> significantTokens(String sql) {
        List<SqlLexer.Token> tokens = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.nextSignificant() != SqlLexer.TokenType.EOF) {
            tokens.add(lexer.token());
        }
        return tokens;
    }
}
