package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.PgStrings;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a COPY statement as PostgreSQL 15's grammar does:
 * {@code COPY [BINARY] table [(cols)] FROM|TO STDIN|STDOUT|'file'|PROGRAM 'cmd' [[WITH] (option [arg], …) | old options]}
 * and {@code COPY (query) TO …}, where the old options are {@code BINARY}, {@code CSV}, {@code HEADER},
 * {@code FREEZE}, {@code DELIMITER [AS] 'c'}, {@code NULL [AS] 's'}, {@code QUOTE [AS] 'c'}, {@code ESCAPE [AS] 'c'},
 * {@code FORCE QUOTE cols|*}, {@code FORCE NOT NULL cols}, {@code FORCE NULL cols} and {@code ENCODING 'e'}.
 */
public final class CopyStatementParser {
    private final SqlTokens tokens;
    private int at;

    private CopyStatementParser(String sql) {
        this.tokens = new SqlTokens(sql);
    }

    public static CopyStatement parse(String sql) {
        return new CopyStatementParser(sql).statement();
    }

    private CopyStatement statement() {
        expectWord("copy");
        boolean oldBinary = tokens.isWord(at, "binary");
        if (oldBinary) {
            at++;
        }
        String table = null;
        String relation = null;
        String query = null;
        List<String> columnSql = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        if (tokens.type(at) == TokenType.LEFT_PAREN && !oldBinary) {
            int close = closing(at);
            query = tokens.sql().substring(tokens.end(at), tokens.start(close)).trim();
            at = close + 1;
            if (!tokens.isWord(at, "to")) {
                throw syntaxErrorAt(at);
            }
        } else {
            int first = at;
            relation = identifier();
            while (tokens.type(at) == TokenType.DOT) {
                at++;
                relation = identifier();
            }
            table = tokens.span(first, at - 1);
            if (tokens.type(at) == TokenType.LEFT_PAREN) {
                int close = closing(at);
                at++;
                while (at < close) {
                    int start = at;
                    columnNames.add(identifier());
                    columnSql.add(tokens.span(start, at - 1));
                    if (at < close) {
                        expect(TokenType.COMMA);
                    }
                }
                at = close + 1;
            }
        }
        boolean from = tokens.isWord(at, "from");
        if (!from && !tokens.isWord(at, "to")) {
            throw syntaxErrorAt(at);
        }
        at++;
        boolean stdio = tokens.isWord(at, "stdin") || tokens.isWord(at, "stdout");
        if (tokens.isWord(at, "program")) {
            at++;
        }
        if (!stdio && !isString(at)) {
            throw syntaxErrorAt(at);
        }
        at++;
        CopyOptionsBuilder options = new CopyOptionsBuilder(from);
        if (oldBinary) {
            options.format(CopyFormat.BINARY, 0);
        }
        if (tokens.isWord(at, "with")) {
            at++;
        }
        if (tokens.type(at) == TokenType.LEFT_PAREN) {
            genericOptions(options);
        } else {
            oldOptions(options);
        }
        if (from && tokens.isWord(at, "where")) {
            throw new PgException("ERROR", SqlState.FEATURE_NOT_SUPPORTED.code(),
                    "COPY FROM with a WHERE clause is not supported by pgbridge", null, null, position(at), null);
        }
        if (at < tokens.size()) {
            throw syntaxErrorAt(at);
        }
        return new CopyStatement(from, table, relation, List.copyOf(columnSql), List.copyOf(columnNames), query, stdio,
                options.build());
    }

    /** {@code ( name [argument] , … )}. */
    private void genericOptions(CopyOptionsBuilder options) {
        int close = closing(at);
        at++;
        while (at < close) {
            int start = at;
            String name = tokens.word(at);
            if (name == null) {
                throw syntaxErrorAt(at);
            }
            at++;
            CopyOptionsBuilder.Argument argument;
            if (at == close || tokens.type(at) == TokenType.COMMA) {
                argument = new CopyOptionsBuilder.Argument.None();
            } else if (tokens.isOperator(at, "*")) {
                argument = new CopyOptionsBuilder.Argument.Star();
                at++;
            } else if (tokens.type(at) == TokenType.LEFT_PAREN) {
                int listEnd = closing(at);
                at++;
                List<String> names = new ArrayList<>();
                while (at < listEnd) {
                    names.add(value());
                    if (at < listEnd) {
                        expect(TokenType.COMMA);
                    }
                }
                at = listEnd + 1;
                argument = new CopyOptionsBuilder.Argument.Names(names);
            } else {
                argument = new CopyOptionsBuilder.Argument.Value(value());
            }
            if (at < close) {
                expect(TokenType.COMMA);
            }
            options.add(name, argument, position(start));
        }
        at = close + 1;
    }

    /** The pre-9.0 option words, each mapped onto its generic option as PostgreSQL's grammar does. */
    private void oldOptions(CopyOptionsBuilder options) {
        while (at < tokens.size() && !tokens.isWord(at, "where")) {
            int start = at;
            String word = tokens.word(at);
            if (word == null) {
                throw syntaxErrorAt(at);
            }
            at++;
            var none = new CopyOptionsBuilder.Argument.None();
            switch (word) {
                case "binary" -> options.add("format", new CopyOptionsBuilder.Argument.Value("binary"), position(start));
                case "csv" -> options.add("format", new CopyOptionsBuilder.Argument.Value("csv"), position(start));
                case "header", "freeze" -> options.add(word, none, position(start));
                case "delimiter", "null", "quote", "escape", "encoding" -> {
                    if (!word.equals("encoding") && tokens.isWord(at, "as")) {
                        at++;
                    }
                    if (!isString(at)) {
                        throw syntaxErrorAt(at);
                    }
                    options.add(word, new CopyOptionsBuilder.Argument.Value(value()), position(start));
                }
                case "force" -> forceOption(options, start);
                default -> throw syntaxErrorAt(start);
            }
        }
    }

    private void forceOption(CopyOptionsBuilder options, int start) {
        String option;
        if (tokens.isWord(at, "quote")) {
            option = "force_quote";
        } else if (tokens.isWord(at, "not") && tokens.isWord(at + 1, "null")) {
            option = "force_not_null";
            at++;
        } else if (tokens.isWord(at, "null")) {
            option = "force_null";
        } else {
            throw syntaxErrorAt(at);
        }
        at++;
        if (option.equals("force_quote") && tokens.isOperator(at, "*")) {
            at++;
            options.add(option, new CopyOptionsBuilder.Argument.Star(), position(start));
            return;
        }
        List<String> names = new ArrayList<>();
        names.add(identifier());
        while (tokens.type(at) == TokenType.COMMA) {
            at++;
            names.add(identifier());
        }
        options.add(option, new CopyOptionsBuilder.Argument.Names(names), position(start));
    }

    /** A name (unquoted: folded to lower case), a string constant's value, or a number's text. */
    private String value() {
        TokenType type = tokens.type(at);
        String text = at < tokens.size() ? tokens.text(at) : "";
        String value = switch (type) {
            case IDENTIFIER -> text.toLowerCase(Locale.ROOT);
            case QUOTED_IDENTIFIER -> unquote(text);
            case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
            case ESCAPE_STRING -> PgStrings.decodeEscapeString(text, tokens.start(at));
            case NUMBER -> text;
            default -> throw syntaxErrorAt(at);
        };
        at++;
        return value;
    }

    private String identifier() {
        TokenType type = tokens.type(at);
        if (type != TokenType.IDENTIFIER && type != TokenType.QUOTED_IDENTIFIER) {
            throw syntaxErrorAt(at);
        }
        return value();
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }

    private boolean isString(int i) {
        return tokens.type(i) == TokenType.STRING || tokens.type(i) == TokenType.ESCAPE_STRING;
    }

    private int closing(int open) {
        int close = tokens.partner(open);
        if (close < 0) {
            throw syntaxErrorAt(tokens.size());
        }
        return close;
    }

    private void expectWord(String word) {
        if (!tokens.isWord(at, word)) {
            throw syntaxErrorAt(at);
        }
        at++;
    }

    private void expect(TokenType type) {
        if (tokens.type(at) != type) {
            throw syntaxErrorAt(at);
        }
        at++;
    }

    private int position(int token) {
        return tokens.start(token) + 1;
    }

    private PgException syntaxErrorAt(int token) {
        String message = token >= tokens.size() ? "syntax error at end of input"
                : "syntax error at or near \"" + tokens.text(token) + "\"";
        return new PgException("ERROR", SqlState.SYNTAX_ERROR.code(), message, null, null, position(token), null);
    }
}
