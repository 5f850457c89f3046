package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.calcite.PgArrayText;

import java.util.List;
import java.util.Locale;

/**
 * The DEFAULT of an array column on MariaDB and SQLite, which store arrays as JSON: {@code '{}'},
 * {@code '{a,b}'::text[]} and {@code ARRAY[]::text[]} become the JSON array literal; other expressions are refused.
 */
final class ArrayDefaults {
    private ArrayDefaults() {
    }

    static String asJson(List<Token> expression, PgType columnType, String sql, SqlTarget target) {
        List<Token> tokens = expression;
        int cast = indexOfCast(tokens, sql);
        if (cast >= 0) {
            tokens = tokens.subList(0, cast);
        }
        String json;
        if (tokens.size() == 1 && tokens.getFirst().type() == TokenType.STRING) {
            String literal = ExpressionWriter.unquoteString(tokens.getFirst().text(sql));
            json = PgArrayText.toJson(literal, elementType(columnType));
        } else if (tokens.size() == 3 && tokens.get(0).text(sql).equalsIgnoreCase("array")
                && tokens.get(1).type() == TokenType.LEFT_BRACKET && tokens.get(2).type() == TokenType.RIGHT_BRACKET) {
            json = "[]";
        } else {
            throw TranslationException.unsupported("array defaults other than a constant", target);
        }
        String literal = "'" + json.replace("'", "''") + "'";
        return target == SqlTarget.MARIADB ? "(" + literal + ")" : literal;
    }

    private static int indexOfCast(List<Token> tokens, String sql) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type() == TokenType.OPERATOR && tokens.get(i).text(sql).equals("::")) {
                return i;
            }
        }
        return -1;
    }

    /** The element type by PostgreSQL's internal name, as the JSON conversion tells numbers and booleans apart. */
    private static String elementType(PgType type) {
        return switch (type.name().toLowerCase(Locale.ROOT)) {
            case "smallint" -> "int2";
            case "integer" -> "int4";
            case "bigint" -> "int8";
            case "numeric" -> "numeric";
            case "real" -> "float4";
            case "double precision" -> "float8";
            case "boolean" -> "bool";
            default -> "text";
        };
    }
}
