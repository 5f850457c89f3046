package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written scanner for PostgreSQL SQL text, following the rules of the "Lexical Structure"
 * chapter of the PostgreSQL manual (assuming {@code standard_conforming_strings = on}).
 *
 * <p>It exists so that the splitter, the parameter rewriter and the classifier agree on where
 * strings, comments and dollar quotes begin and end; none of them may look inside those. The
 * scanner is a cursor: {@link #next()} advances and the current token is read through {@link
 * #type()}, {@link #start()} and {@link #end()}, so scanning allocates nothing. It never throws:
 * a string, quoted identifier or comment that is not closed extends to the end of the text and is
 * flagged {@link #unterminated()}; a character that starts no token becomes a one-character
 * {@link TokenType#OTHER}.
 */
public final class SqlLexer {

    /** Kinds of token. Whitespace and comments are tokens too, so spans can be kept verbatim. */
    public enum TokenType {
        WHITESPACE,
        /** {@code -- ...} up to, not including, the line end. */
        LINE_COMMENT,
        /** {@code /* ... *}{@code /}, nested. */
        BLOCK_COMMENT,
        /** Unquoted identifier or keyword; may contain {@code $} after the first character. */
        IDENTIFIER,
        /** {@code "..."} or {@code U&"..."}, with {@code ""} escapes. */
        QUOTED_IDENTIFIER,
        /** {@code '...'} or {@code N'...'}, with {@code ''} escapes. */
        STRING,
        /** {@code E'...'}: backslash escapes as well as {@code ''}. */
        ESCAPE_STRING,
        /** {@code U&'...'}. */
        UNICODE_STRING,
        /** {@code B'...'} or {@code X'...'}. */
        BIT_STRING,
        /** {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        /** {@code $n} positional parameter. */
        PARAMETER,
        NUMBER,
        /** Operator, including {@code ::}, {@code :=}, {@code ..}, {@code ->>}, {@code ?|}. */
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        LEFT_BRACKET,
        RIGHT_BRACKET,
        COMMA,
        SEMICOLON,
        DOT,
        COLON,
        /** A character that starts no PostgreSQL token, e.g. {@code \{} or a lone {@code $}. */
        OTHER,
        /** End of input; returned again by every further {@link #next()}. */
        EOF;

        /** Whitespace and comments: tokens that never change a statement's meaning. */
        public boolean isTrivia() {
            return this == WHITESPACE || this == LINE_COMMENT || this == BLOCK_COMMENT;
        }

        /** Literals whose text is opaque: their content never holds SQL syntax. */
        public boolean isStringLiteral() {
            return this == STRING
                    || this == ESCAPE_STRING
                    || this == UNICODE_STRING
                    || this == BIT_STRING
                    || this == DOLLAR_STRING;
        }
    }

    /** A token as a value, for callers that prefer a list to the cursor. */
    public record Token(TokenType type, int start, int end, boolean unterminated) {
        /** The token's text within {@code sql}, the string it was scanned from. */
        public String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
    /** An operator holding one of these may end in {@code +} or {@code -}. */
    private static final String NON_SQL_OPERATOR_CHARS = "~!@#%^&|`?";

    private final String sql;
    private final int length;
    private int pos;
    private TokenType type;
    private int start;
    private boolean unterminated;

    public SqlLexer(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    /** Scans all of {@code sql}, trivia included, without the final EOF token. */
    public static List<Token> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        while (lexer.next() != TokenType.EOF) {
            tokens.add(lexer.token());
        }
        return tokens;
    }

    /** Advances to the next token, trivia included, and returns its type. */
    public TokenType next() {
        unterminated = false;
        start = pos;
        if (pos >= length) {
            return type = TokenType.EOF;
        }
        type = scan(sql.charAt(pos));
        return type;
    }

    /** Advances to the next token that is not whitespace or a comment. */
    public TokenType nextSignificant() {
        TokenType t;
        do {
            t = next();
        } while (t.isTrivia());
        return t;
    }

    public TokenType type() {
        return type;
    }

    public int start() {
        return start;
    }

    public int end() {
        return pos;
    }

    /** Whether the current string, quoted identifier or block comment ran into the end of text. */
    public boolean unterminated() {
        return unterminated;
    }

    public String text() {
        return sql.substring(start, pos);
    }

    public Token token() {
        return new Token(type, start, pos, unterminated);
    }

    /** Whether the current token is the unquoted word {@code lowerCaseWord}, in any letter case. */
    public boolean isWord(String lowerCaseWord) {
        return type == TokenType.IDENTIFIER
                && pos - start == lowerCaseWord.length()
                && sql.regionMatches(true, start, lowerCaseWord, 0, lowerCaseWord.length());
    }

    private TokenType scan(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\r', '\f' -> {
                pos++;
                while (pos < length && isSpace(sql.charAt(pos))) {
                    pos++;
                }
                return TokenType.WHITESPACE;
            }
            case '(' -> {
                pos++;
                return TokenType.LEFT_PAREN;
            }
            case ')' -> {
                pos++;
                return TokenType.RIGHT_PAREN;
            }
            case '[' -> {
                pos++;
                return TokenType.LEFT_BRACKET;
            }
            case ']' -> {
                pos++;
                return TokenType.RIGHT_BRACKET;
            }
            case ',' -> {
                pos++;
                return TokenType.COMMA;
            }
            case ';' -> {
                pos++;
                return TokenType.SEMICOLON;
            }
            case '\'' -> {
                return quoted('\'', false, TokenType.STRING);
            }
            case '"' -> {
                return quoted('"', false, TokenType.QUOTED_IDENTIFIER);
            }
            case '$' -> {
                return dollar();
            }
            case ':' -> {
                if (peek(1) == ':' || peek(1) == '=') {
                    pos += 2;
                    return TokenType.OPERATOR;
                }
                pos++;
                return TokenType.COLON;
            }
            case '.' -> {
                if (peek(1) == '.') {
                    pos += 2; // PL/pgSQL's range "1..5"
                    return TokenType.OPERATOR;
                }
                if (isDigit(peek(1))) {
                    return number();
                }
                pos++;
                return TokenType.DOT;
            }
            default -> {
                if (c == '-' && peek(1) == '-') {
                    return lineComment();
                }
                if (c == '/' && peek(1) == '*') {
                    return blockComment();
                }
                if (isDigit(c)) {
                    return number();
                }
                if (isIdentStart(c)) {
                    return identifierOrPrefixedLiteral(c);
                }
                if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    return operator();
                }
                pos++;
                return TokenType.OTHER;
            }
        }
    }

    private TokenType lineComment() {
        int nl = pos;
        while (nl < length && sql.charAt(nl) != '\n' && sql.charAt(nl) != '\r') {
            nl++;
        }
        pos = nl;
        return TokenType.LINE_COMMENT;
    }

    private TokenType blockComment() {
        int depth = 0;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                pos += 2;
                if (--depth == 0) {
                    return TokenType.BLOCK_COMMENT;
                }
            } else {
                pos++;
            }
        }
        unterminated = true;
        return TokenType.BLOCK_COMMENT;
    }

    /** Scans from the opening quote at {@code pos}; a doubled quote is an escaped quote. */
    private TokenType quoted(char quote, boolean backslashEscapes, TokenType result) {
        pos++;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return result;
            }
            if (c == '\\' && backslashEscapes && pos + 1 < length) {
                pos += 2;
                continue;
            }
            pos++;
        }
        unterminated = true;
        return result;
    }

    /** {@code $n}, {@code $$}, {@code $tag$}, or a lone {@code $}. */
    private TokenType dollar() {
        int p = pos + 1;
        if (p < length && isDigit(sql.charAt(p))) {
            while (p < length && isDigit(sql.charAt(p))) {
                p++;
            }
            pos = p;
            return TokenType.PARAMETER;
        }
        if (p < length && isIdentStart(sql.charAt(p))) {
            while (p < length && isTagChar(sql.charAt(p))) {
                p++;
            }
        }
        if (p >= length || sql.charAt(p) != '$') {
            pos++;
            return TokenType.OTHER;
        }
        int bodyStart = p + 1;
        String delimiter = sql.substring(pos, bodyStart);
        int close = sql.indexOf(delimiter, bodyStart);
        if (close < 0) {
            pos = length;
            unterminated = true;
        } else {
            pos = close + delimiter.length();
        }
        return TokenType.DOLLAR_STRING;
    }

    /**
     * Digits with optional fraction and exponent. Also takes PostgreSQL 16's {@code 0x}/{@code 0o}/
     * {@code 0b} integers and {@code _} separators, so newer clients' literals stay one token.
     */
    private TokenType number() {
        if (sql.charAt(pos) == '0' && pos + 2 < length && "xXoObB".indexOf(sql.charAt(pos + 1)) >= 0
                && Character.digit(sql.charAt(pos + 2), 16) >= 0) {
            pos += 2;
            while (pos < length && (Character.digit(sql.charAt(pos), 16) >= 0 || sql.charAt(pos) == '_')) {
                pos++;
            }
            return TokenType.NUMBER;
        }
        digits();
        // "1..5" is the integer 1 followed by "..", as in PL/pgSQL ranges.
        if (pos < length && sql.charAt(pos) == '.' && peek(1) != '.') {
            pos++;
            digits();
        }
        if (pos < length && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < length && (sql.charAt(p) == '+' || sql.charAt(p) == '-')) {
                p++;
            }
            if (p < length && isDigit(sql.charAt(p))) {
                pos = p;
                digits();
            }
        }
        return TokenType.NUMBER;
    }

    private void digits() {
        while (pos < length && (isDigit(sql.charAt(pos))
                || (sql.charAt(pos) == '_' && isDigit(peek(1))))) {
            pos++;
        }
    }

    private TokenType identifierOrPrefixedLiteral(char c) {
        char next = peek(1);
        if (next == '\'') {
            switch (c) {
                case 'e', 'E' -> {
                    pos++;
                    return quoted('\'', true, TokenType.ESCAPE_STRING);
                }
                case 'b', 'B', 'x', 'X' -> {
                    pos++;
                    return quoted('\'', false, TokenType.BIT_STRING);
                }
                case 'n', 'N' -> {
                    pos++;
                    return quoted('\'', false, TokenType.STRING);
                }
                default -> { }
            }
        }
        if ((c == 'u' || c == 'U') && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            pos += 2;
            return peek(0) == '\''
                    ? quoted('\'', false, TokenType.UNICODE_STRING)
                    : quoted('"', false, TokenType.QUOTED_IDENTIFIER);
        }
        pos++;
        while (pos < length && isIdentPart(sql.charAt(pos))) {
            pos++;
        }
        return TokenType.IDENTIFIER;
    }

    /**
     * The longest run of operator characters, cut where a comment starts, and stripped of trailing
     * {@code +}/{@code -} unless it holds a character SQL's own operators never use: the manual's
     * rule that lets {@code X*-Y} mean {@code X * -Y}.
     */
    private TokenType operator() {
        int p = pos;
        while (p < length && OPERATOR_CHARS.indexOf(sql.charAt(p)) >= 0) {
            char c = sql.charAt(p);
            if (p > pos && ((c == '-' && sql.charAt(p - 1) == '-') || (c == '*' && sql.charAt(p - 1) == '/'))) {
                p--;
                break;
            }
            p++;
        }
        if (p - pos > 1) {
            boolean exotic = false;
            for (int i = pos; i < p; i++) {
                if (NON_SQL_OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0) {
                    exotic = true;
                    break;
                }
            }
            if (!exotic) {
                while (p - pos > 1 && (sql.charAt(p - 1) == '+' || sql.charAt(p - 1) == '-')) {
                    p--;
                }
            }
        }
        pos = p;
        return TokenType.OPERATOR;
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < length ? sql.charAt(p) : '\0';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL takes every non-ASCII byte as a letter; non-ASCII chars do the same here. */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagChar(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isIdentPart(char c) {
        return isTagChar(c) || c == '$';
    }
}
