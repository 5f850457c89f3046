package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;

import java.util.List;

/**
 * The right operand of PostgreSQL's exponent operator {@code a ^ b}, which binds tighter than {@code *} and
 * {@code /}: the normaliser writes it as {@code POWER(a, b)} and needs to know where {@code b} ends. Only a
 * primary is taken (a constant, a parameter, a possibly qualified name or function call, a parenthesised
 * expression, each with an optional sign); anything else is refused by the caller.
 */
final class CaretOperand {
    private CaretOperand() {
    }

    /** The index of the operand's last token, the operand starting after {@code caret}; -1 when not a primary. */
    static int end(List<Token> tokens, int caret, String sql) {
        int i = next(tokens, caret);
        if (i < tokens.size() && tokens.get(i).type() == TokenType.OPERATOR
                && (tokens.get(i).text(sql).equals("-") || tokens.get(i).text(sql).equals("+"))) {
            i = next(tokens, i);
        }
        if (i >= tokens.size()) {
            return -1;
        }
        int last;
        switch (tokens.get(i).type()) {
            case NUMBER, STRING, PARAMETER -> last = i;
            case LEFT_PAREN -> last = closing(tokens, i);
            case IDENTIFIER, QUOTED_IDENTIFIER -> {
                last = i;
                int after = next(tokens, last);
                while (after + 1 < tokens.size() && tokens.get(after).type() == TokenType.DOT) {
                    last = next(tokens, after);
                    after = next(tokens, last);
                }
                if (after < tokens.size() && tokens.get(after).type() == TokenType.LEFT_PAREN) {
                    last = closing(tokens, after);
                }
            }
            default -> last = -1;
        }
        int after = last < 0 ? last : next(tokens, last);
        // A cast or subscript after the operand would bind to it first: not taken apart here.
        if (after >= 0 && after < tokens.size() && (tokens.get(after).type() == TokenType.LEFT_BRACKET
                || tokens.get(after).type() == TokenType.OPERATOR && tokens.get(after).text(sql).equals("::"))) {
            return -1;
        }
        return last;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            depth += type == TokenType.LEFT_PAREN ? 1 : type == TokenType.RIGHT_PAREN ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int next(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).type().isTrivia()) {
            j++;
        }
        return j;
    }
}
