package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The significant tokens of one DDL statement and a position among them, with the small vocabulary a
 * recursive-descent reader of PostgreSQL's DDL grammar needs. Errors name the token where reading stopped, as
 * PostgreSQL's {@code syntax error at or near "x"} does, with its 1-based position.
 */
final class TokenCursor {
    private final String sql;
    private final List<Token> tokens;
    private int pos;

    TokenCursor(String sql) {
        this.sql = sql;
        List<Token> significant = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(sql)) {
            if (token.unterminated()) {
                throw new TranslationException(TranslationException.SYNTAX_ERROR,
                        "unterminated quoted string or comment", token.start() + 1);
            }
            if (!token.type().isTrivia()) {
                significant.add(token);
            }
        }
        while (!significant.isEmpty() && significant.getLast().type() == TokenType.SEMICOLON) {
            significant.removeLast();
        }
        this.tokens = significant;
    }

    /** A cursor over some of another cursor's tokens, such as the type after a {@code ::} cast. */
    TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = List.copyOf(tokens);
    }

    String sql() {
        return sql;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token token(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    TokenType type(int ahead) {
        Token token = token(ahead);
        return token == null ? TokenType.EOF : token.type();
    }

    String text(int ahead) {
        Token token = token(ahead);
        return token == null ? "" : token.text(sql);
    }

    Token advance() {
        if (atEnd()) {
            throw syntaxError();
        }
        return tokens.get(pos++);
    }

    /** Whether the token {@code ahead} is the unquoted word {@code lowerCaseWord}. */
    boolean isWord(int ahead, String lowerCaseWord) {
        Token token = token(ahead);
        return token != null && token.type() == TokenType.IDENTIFIER
                && token.end() - token.start() == lowerCaseWord.length()
                && sql.regionMatches(true, token.start(), lowerCaseWord, 0, lowerCaseWord.length());
    }

    boolean isWord(String lowerCaseWord) {
        return isWord(0, lowerCaseWord);
    }

    boolean isAnyWord(Set<String> lowerCaseWords) {
        return type(0) == TokenType.IDENTIFIER && lowerCaseWords.contains(text(0).toLowerCase(java.util.Locale.ROOT));
    }

    /** Consumes the words if they all come next, in order; otherwise consumes nothing. */
    boolean acceptWords(String... lowerCaseWords) {
        for (int i = 0; i < lowerCaseWords.length; i++) {
            if (!isWord(i, lowerCaseWords[i])) {
                return false;
            }
        }
        pos += lowerCaseWords.length;
        return true;
    }

    void expectWords(String... lowerCaseWords) {
        if (!acceptWords(lowerCaseWords)) {
            throw syntaxError();
        }
    }

    boolean accept(TokenType type) {
        if (type(0) == type) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(TokenType type) {
        if (!accept(type)) {
            throw syntaxError();
        }
    }

    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    /** PostgreSQL 15's reserved key words: never a name unless quoted (Appendix C of the manual). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse", "analyze", "and", "any",
            "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint",
            "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
            "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
            "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
            "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window",
            "with");

    /**
     * A reserved word where a name belongs: certainly invalid PostgreSQL, so the translator must report it rather
     * than fall back to sending the statement as written (which the backend might accept).
     */
    static final class ReservedWord extends RuntimeException {
        final TranslationException error;

        ReservedWord(TranslationException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** An identifier, quoted or not. */
    Name name() {
        TokenType type = type(0);
        if (type != TokenType.IDENTIFIER && type != TokenType.QUOTED_IDENTIFIER) {
            throw syntaxError();
        }
        if (type == TokenType.IDENTIFIER && RESERVED.contains(text(0).toLowerCase(java.util.Locale.ROOT))) {
            throw new ReservedWord(new TranslationException(TranslationException.SYNTAX_ERROR,
                    "syntax error at or near \"" + text(0) + "\"", position()));
        }
        Name name = Name.of(text(0));
        if (name == null) {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "Unicode-escaped identifiers are not supported in DDL", token(0).start() + 1);
        }
        pos++;
        return name;
    }

    /** {@code name[.name…]}. */
    ObjectName objectName() {
        List<Name> parts = new ArrayList<>();
        parts.add(name());
        while (type(0) == TokenType.DOT) {
            pos++;
            parts.add(name());
        }
        return new ObjectName(parts);
    }

    /** {@code (name, …)}. */
    List<Name> nameList() {
        expect(TokenType.LEFT_PAREN);
        List<Name> names = new ArrayList<>();
        do {
            names.add(name());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN);
        return names;
    }

    /**
     * The tokens from here up to, not including, the first top-level comma, unmatched right parenthesis, end of
     * statement, or (at depth 0) one of {@code stopWords}. An expression's extent, without parsing it.
     */
    List<Token> until(Set<String> stopWords) {
        List<Token> taken = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            TokenType type = type(0);
            if (depth == 0 && (type == TokenType.COMMA || type == TokenType.RIGHT_PAREN || isAnyWord(stopWords))) {
                break;
            }
            if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
                depth--;
            }
            taken.add(advance());
        }
        if (taken.isEmpty()) {
            throw syntaxError();
        }
        return taken;
    }

    /** A parenthesised expression's inner tokens: {@code (a > 0)} gives {@code a > 0}. */
    List<Token> parenthesised() {
        expect(TokenType.LEFT_PAREN);
        List<Token> inner = until(Set.of());
        expect(TokenType.RIGHT_PAREN);
        return inner;
    }

    /** The rest of the statement's text from the current token on. */
    String rest() {
        return atEnd() ? "" : sql.substring(token(0).start(), tokens.getLast().end());
    }

    int position() {
        Token token = token(0);
        return token == null ? sql.length() + 1 : token.start() + 1;
    }

    TranslationException syntaxError() {
        Token token = token(0);
        return new TranslationException(TranslationException.SYNTAX_ERROR,
                token == null ? "syntax error at end of input" : "syntax error at or near \"" + token.text(sql) + "\"",
                position());
    }
}
