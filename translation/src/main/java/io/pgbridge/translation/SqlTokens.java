package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The significant tokens of one statement (no whitespace or comments) with their positions, for rewrites that work
 * on tokens rather than on a parse tree. Parentheses and brackets are matched once up front.
 */
public final class SqlTokens {
    private final String sql;
    private final List<SqlLexer.Token> tokens;
    private final int[] partner;

    public SqlTokens(String sql) {
        this.sql = sql;
        this.tokens = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.nextSignificant() != SqlLexer.TokenType.EOF) {
            tokens.add(lexer.token());
        }
        this.partner = new int[tokens.size()];
        int[] stack = new int[tokens.size() + 1];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            partner[i] = -1;
            SqlLexer.TokenType type = tokens.get(i).type();
            if (type == SqlLexer.TokenType.LEFT_PAREN || type == SqlLexer.TokenType.LEFT_BRACKET) {
                stack[depth++] = i;
            } else if ((type == SqlLexer.TokenType.RIGHT_PAREN || type == SqlLexer.TokenType.RIGHT_BRACKET) && depth > 0) {
                int open = stack[--depth];
                partner[open] = i;
                partner[i] = open;
            }
        }
    }

    public String sql() {
        return sql;
    }

    public int size() {
        return tokens.size();
    }

    public SqlLexer.Token get(int i) {
        return tokens.get(i);
    }

    public SqlLexer.TokenType type(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).type() : SqlLexer.TokenType.EOF;
    }

    public String text(int i) {
        return tokens.get(i).text(sql);
    }

    /** Whether token {@code i} is the unquoted word {@code lowerCaseWord} in any letter case. */
    public boolean isWord(int i, String lowerCaseWord) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        SqlLexer.Token t = tokens.get(i);
        return t.type() == SqlLexer.TokenType.IDENTIFIER && t.end() - t.start() == lowerCaseWord.length()
                && sql.regionMatches(true, t.start(), lowerCaseWord, 0, lowerCaseWord.length());
    }

    public boolean isOperator(int i, String operator) {
        return type(i) == SqlLexer.TokenType.OPERATOR && text(i).equals(operator);
    }

    /** The unquoted word at {@code i} in lower case, or {@code null} when the token is not an unquoted word. */
    public String word(int i) {
        return type(i) == SqlLexer.TokenType.IDENTIFIER ? text(i).toLowerCase(Locale.ROOT) : null;
    }

    /** The index of the matching bracket of the bracket at {@code i}, or -1 if it has none. */
    public int partner(int i) {
        return i >= 0 && i < partner.length ? partner[i] : -1;
    }

    /** Character offset where token {@code i} starts; the text's length for {@code i == size()}. */
    public int start(int i) {
        return i < tokens.size() ? tokens.get(i).start() : sql.length();
    }

    /** Character offset just after token {@code i}. */
    public int end(int i) {
        return tokens.get(i).end();
    }

    /** The original text from the start of token {@code from} to the end of token {@code to}, inclusive. */
    public String span(int from, int to) {
        return from > to ? "" : sql.substring(start(from), end(to));
    }

    /**
     * The first index in {@code [from, to)} at the same nesting depth as {@code from} holding one of the words, or -1.
     */
    public int findWord(int from, int to, String... lowerCaseWords) {
        for (int i = from; i < to; i++) {
            int close = partner(i);
            if (close > i) {
                i = close;
                continue;
            }
            for (String w : lowerCaseWords) {
                if (isWord(i, w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits {@code [from, to)} at top-level commas into {from, toExclusive} ranges. */
    public List<int[]> splitByCommas(int from, int to) {
        List<int[]> items = new ArrayList<>();
        int itemStart = from;
        for (int i = from; i < to; i++) {
            int close = partner(i);
            if (close > i) {
                i = close;
                continue;
            }
            if (type(i) == SqlLexer.TokenType.COMMA) {
                items.add(new int[] {itemStart, i});
                itemStart = i + 1;
            }
        }
        items.add(new int[] {itemStart, to});
        return items;
    }
}
