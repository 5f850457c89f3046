package io.pgbridge.translation;

import static io.pgbridge.translation.SqlLexer.TokenType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlLexerTest {

    /** A text that must scan as exactly one token of the given type. */
    static Stream<Arguments> singleTokens() {
        return Stream.of(
                Arguments.of("  \t\n\r\f ", WHITESPACE),
                Arguments.of("-- comment ; 'x'", LINE_COMMENT),
                Arguments.of("/* a */", BLOCK_COMMENT),
                Arguments.of("/* a /* nested ; */ still comment */", BLOCK_COMMENT),
                Arguments.of("/**/", BLOCK_COMMENT),
                Arguments.of("select", IDENTIFIER),
                Arguments.of("_a1$b", IDENTIFIER),
                Arguments.of("foo$$bar$$", IDENTIFIER),
                Arguments.of("café", IDENTIFIER),
                Arguments.of("e", IDENTIFIER),
                Arguments.of("\"Mixed \"\"Case\"\"\"", QUOTED_IDENTIFIER),
                Arguments.of("U&\"d\\0061t\"", QUOTED_IDENTIFIER),
                Arguments.of("'it''s; -- not a comment'", STRING),
                Arguments.of("N'national'", STRING),
                Arguments.of("'a\\'", STRING),
                Arguments.of("E'\\''", ESCAPE_STRING),
                Arguments.of("e'a\\\\'", ESCAPE_STRING),
                Arguments.of("E'x''y\\n'", ESCAPE_STRING),
                Arguments.of("U&'d\\0061t'", UNICODE_STRING),
                Arguments.of("u&'x'", UNICODE_STRING),
                Arguments.of("B'1010'", BIT_STRING),
                Arguments.of("x'1F'", BIT_STRING),
                Arguments.of("$$ it's; $1 $$", DOLLAR_STRING),
                Arguments.of("$fn$ $$ nested $$ ; $fn$", DOLLAR_STRING),
                Arguments.of("$_x1$ body $_x1$", DOLLAR_STRING),
                Arguments.of("$1", PARAMETER),
                Arguments.of("$10", PARAMETER),
                Arguments.of("42", NUMBER),
                Arguments.of("3.14", NUMBER),
                Arguments.of(".5", NUMBER),
                Arguments.of("5.", NUMBER),
                Arguments.of("1.5e-3", NUMBER),
                Arguments.of("2E10", NUMBER),
                Arguments.of("1_000", NUMBER),
                Arguments.of("0x1F", NUMBER),
                Arguments.of("::", OPERATOR),
                Arguments.of(":=", OPERATOR),
                Arguments.of("->>", OPERATOR),
                Arguments.of("||", OPERATOR),
                Arguments.of("<>", OPERATOR),
                Arguments.of("!=", OPERATOR),
                Arguments.of("~*", OPERATOR),
                Arguments.of("?|", OPERATOR),
                Arguments.of("@-", OPERATOR),
                Arguments.of("(", LEFT_PAREN),
                Arguments.of(")", RIGHT_PAREN),
                Arguments.of("[", LEFT_BRACKET),
                Arguments.of("]", RIGHT_BRACKET),
                Arguments.of(",", COMMA),
                Arguments.of(";", SEMICOLON),
                Arguments.of(".", DOT),
                Arguments.of(":", COLON),
                Arguments.of("{", OTHER),
                Arguments.of("$", OTHER));
    }

    @ParameterizedTest(name = "{0} is one {1}")
    @MethodSource("singleTokens")
    void scansWholeTextAsOneToken(String sql, TokenType type) {
        assertThat(SqlLexer.tokenize(sql)).containsExactly(new Token(type, 0, sql.length(), false));
    }

    /** Texts and their significant tokens. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("a::int", List.of("a", "::", "int")),
                Arguments.of("$1::text", List.of("$1", "::", "text")),
                Arguments.of("x=-1", List.of("x", "=", "-", "1")),
                Arguments.of("a*-b", List.of("a", "*", "-", "b")),
                Arguments.of("a@-b", List.of("a", "@-", "b")),
                Arguments.of("a+-- c\nb", List.of("a", "+", "b")),
                Arguments.of("a*/* c */b", List.of("a", "*", "b")),
                Arguments.of("j->'k'->>'v'", List.of("j", "->", "'k'", "->>", "'v'")),
                Arguments.of("a?|b", List.of("a", "?|", "b")),
                Arguments.of("1..5", List.of("1", "..", "5")),
                Arguments.of("a. b", List.of("a", ".", "b")),
                Arguments.of("t.col[1:2]", List.of("t", ".", "col", "[", "1", ":", "2", "]")),
                Arguments.of("$1abc", List.of("$1", "abc")),
                Arguments.of("E 'x'", List.of("E", "'x'")),
                Arguments.of("a$$b$$", List.of("a$$b$$")),
                Arguments.of("a $$b$$", List.of("a", "$$b$$")),
                Arguments.of("$a$x$b$ $a$", List.of("$a$x$b$ $a$")),
                Arguments.of("$1$", List.of("$1", "$")),
                Arguments.of("$ab c", List.of("$", "ab", "c")),
                Arguments.of("f(a, b);", List.of("f", "(", "a", ",", "b", ")", ";")),
                Arguments.of("'a' 'b'", List.of("'a'", "'b'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void splitsIntoTokens(String sql, List<String> expected) {
        List<String> texts = SqlLexer.tokenize(sql).stream()
                .filter(t -> !t.type().isTrivia())
                .map(t -> t.text(sql))
                .toList();
        assertThat(texts).isEqualTo(expected);
    }

    static Stream<Arguments> unterminated() {
        return Stream.of(
                Arguments.of("select 'abc", STRING),
                Arguments.of("select 'it''s", STRING),
                Arguments.of("select E'abc\\'", ESCAPE_STRING),
                Arguments.of("select \"abc", QUOTED_IDENTIFIER),
                Arguments.of("select $$abc", DOLLAR_STRING),
                Arguments.of("select $t$abc $$ $T$", DOLLAR_STRING),
                Arguments.of("select /* a /* b */", BLOCK_COMMENT),
                Arguments.of("select B'01", BIT_STRING),
                Arguments.of("select U&'x", UNICODE_STRING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unterminated")
    void unterminatedTokenRunsToEndAndIsFlagged(String sql, TokenType type) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        Token last = tokens.get(tokens.size() - 1);
        assertThat(last.type()).isEqualTo(type);
        assertThat(last.start()).isEqualTo("select ".length());
        assertThat(last.end()).isEqualTo(sql.length());
        assertThat(last.unterminated()).isTrue();
    }

    @Test
    void cursorReportsOffsetsAndSkipsTrivia() {
        SqlLexer lexer = new SqlLexer(" SELECT /* c */ 1 -- x");
        assertThat(lexer.nextSignificant()).isEqualTo(IDENTIFIER);
        assertThat(lexer.isWord("select")).isTrue();
        assertThat(lexer.isWord("selec")).isFalse();
        assertThat(lexer.start()).isEqualTo(1);
        assertThat(lexer.end()).isEqualTo(7);
        assertThat(lexer.nextSignificant()).isEqualTo(NUMBER);
        assertThat(lexer.text()).isEqualTo("1");
        assertThat(lexer.nextSignificant()).isEqualTo(EOF);
        assertThat(lexer.next()).isEqualTo(EOF);
    }

    @Test
    void tokensCoverTheTextWithoutGaps() {
        String sql = "select $1, E'\\'', $q$;$q$ /* /* */ */ from \"t\"\"x\" where a ?| b -- end";
        List<Token> tokens = SqlLexer.tokenize(sql);
        int expectedStart = 0;
        for (Token token : tokens) {
            assertThat(token.start()).isEqualTo(expectedStart);
            assertThat(token.end()).isGreaterThan(token.start());
            expectedStart = token.end();
        }
        assertThat(expectedStart).isEqualTo(sql.length());
    }

    @Test
    void emptyTextIsJustEof() {
        assertThat(SqlLexer.tokenize("")).isEmpty();
        assertThat(new SqlLexer("").next()).isEqualTo(EOF);
    }
}
