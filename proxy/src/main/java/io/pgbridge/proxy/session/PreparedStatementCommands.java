package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.StatementClassifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL-level prepared statements: PREPARE, EXECUTE and DEALLOCATE. They live in the same namespace as the protocol's
 * named statements (Parse), as in PostgreSQL, so a statement prepared one way can be run or closed the other way.
 * EXECUTE becomes a Bind of the named statement with its arguments as text values.
 */
final class PreparedStatementCommands {
    private final Session session;

    PreparedStatementCommands(Session session) {
        this.session = session;
    }

    /** {@code PREPARE name [(type, ...)] AS statement}. */
    String prepare(String sql) {
        List<Token> tokens = significant(sql);
        int i = 1;
        String name = identifier(sql, tokens, i++);
        List<Integer> types = new ArrayList<>();
        if (type(tokens, i) == TokenType.LEFT_PAREN) {
            i++;
            StringBuilder typeName = new StringBuilder();
            int depth = 0;
            for (; i < tokens.size(); i++) {
                TokenType t = tokens.get(i).type();
                if (depth == 0 && (t == TokenType.COMMA || t == TokenType.RIGHT_PAREN)) {
                    types.add(typeOid(typeName.toString()));
                    typeName.setLength(0);
                    if (t == TokenType.RIGHT_PAREN) {
                        i++;
                        break;
                    }
                    continue;
                }
                depth += t == TokenType.LEFT_PAREN ? 1 : t == TokenType.RIGHT_PAREN ? -1 : 0;
                typeName.append(typeName.isEmpty() ? "" : " ").append(tokens.get(i).text(sql));
            }
        }
        if (i >= tokens.size() || !tokens.get(i).text(sql).equalsIgnoreCase("as") || i + 1 >= tokens.size()) {
            throw syntaxError(sql, tokens, i + (i < tokens.size() ? 1 : 0));
        }
        String statement = sql.substring(tokens.get(i + 1).start()).strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        switch (StatementClassifier.classify(statement).kind()) {
            case SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE, MERGE -> {
            }
            default -> throw syntaxError(sql, tokens, i + 1);
        }
        session.runner().defineStatement(name, statement, types.stream().mapToInt(Integer::intValue).toArray());
        return "PREPARE";
    }

    /** {@code EXECUTE name [(argument, ...)]}: the Bind that runs the named statement with constant arguments. */
    FrontendMessage.Bind execute(String sql, ParsedStatement target, FrontendMessage.Bind outer) {
        List<Token> tokens = significant(sql);
        List<byte[]> values = new ArrayList<>();
        int i = 2;
        if (type(tokens, i) == TokenType.LEFT_PAREN) {
            i++;
            while (i < tokens.size() && tokens.get(i).type() != TokenType.RIGHT_PAREN) {
                i = argument(sql, tokens, i, values);
                if (type(tokens, i) == TokenType.COMMA) {
                    i++;
                }
            }
        }
        int expected = target.parameterCount();
        if (values.size() != expected) {
            throw new PgException("ERROR", SqlState.SYNTAX_ERROR.code(),
                    "wrong number of parameters for prepared statement \"" + target.name() + "\"",
                    "Expected " + expected + " parameters but got " + values.size() + ".", null, 0, null);
        }
        return new FrontendMessage.Bind("", target.name(), new short[0], values.toArray(new byte[0][]),
                outer == null ? new short[0] : outer.resultFormats());
    }

    /** The statement EXECUTE names. */
    String executedName(String sql) {
        return identifier(sql, significant(sql), 1);
    }

    /** One constant argument: a string, a number, NULL or a boolean, optionally with a {@code ::type} cast. */
    private static int argument(String sql, List<Token> tokens, int i, List<byte[]> values) {
        Token t = tokens.get(i);
        String text = t.text(sql);
        boolean negative = t.type() == TokenType.OPERATOR && text.equals("-")
                && type(tokens, i + 1) == TokenType.NUMBER;
        if (negative) {
            values.add(("-" + tokens.get(i + 1).text(sql)).getBytes(StandardCharsets.UTF_8));
            i += 2;
        } else if (t.type() == TokenType.STRING) {
            values.add(SqlWords.unquote(text.startsWith("N") || text.startsWith("n") ? text.substring(1) : text)
                    .getBytes(StandardCharsets.UTF_8));
            i++;
        } else if (t.type() == TokenType.NUMBER) {
            values.add(text.getBytes(StandardCharsets.UTF_8));
            i++;
        } else if (t.type() == TokenType.IDENTIFIER && text.equalsIgnoreCase("null")) {
            values.add(null);
            i++;
        } else if (t.type() == TokenType.IDENTIFIER
                && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            values.add(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            i++;
        } else {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "pgbridge supports only constants as EXECUTE arguments, not \"" + text + "\"");
        }
        // A cast of a constant names the type PostgreSQL would coerce to anyway: the parameter's own type decides.
        while (type(tokens, i) == TokenType.OPERATOR && tokens.get(i).text(sql).equals("::")) {
            i += 2;
        }
        return i;
    }

    /** {@code DEALLOCATE [PREPARE] name | ALL}. */
    String deallocate(List<String> words) {
        int i = SqlWords.is(words, 1, "prepare") ? 2 : 1;
        if (SqlWords.is(words, i, "all")) {
            session.runner().deallocateAll();
            return "DEALLOCATE ALL";
        }
        session.runner().deallocate(SqlWords.identifier(words, i));
        return "DEALLOCATE";
    }

    private static int typeOid(String typeName) {
        PgType<?> type = PgTypes.byName(typeName);
        if (type == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "type \"" + typeName + "\" does not exist");
        }
        return type.oid();
    }

    private static List<Token> significant(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(t -> !t.type().isTrivia()).toList();
    }

    private static TokenType type(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).type() : TokenType.EOF;
    }

    private static String identifier(String sql, List<Token> tokens, int i) {
        TokenType t = type(tokens, i);
        if (t == TokenType.IDENTIFIER) {
            return tokens.get(i).text(sql).toLowerCase(Locale.ROOT);
        }
        if (t == TokenType.QUOTED_IDENTIFIER) {
            return SqlWords.unquote(tokens.get(i).text(sql));
        }
        throw syntaxError(sql, tokens, i);
    }

    private static PgException syntaxError(String sql, List<Token> tokens, int i) {
        return new PgException(SqlState.SYNTAX_ERROR, i < tokens.size()
                ? "syntax error at or near \"" + tokens.get(i).text(sql) + "\"" : "syntax error at end of input");
    }
}
