package io.pgbridge.translation;

import io.pgbridge.translation.SqlLexer.TokenType;
import java.util.Arrays;

/**
 * Turns PostgreSQL positional parameters ({@code $1}, {@code $2}, ...) into JDBC {@code ?} markers.
 *
 * <p>JDBC binds markers by position of appearance while PostgreSQL binds by number, so a statement
 * like {@code $2 ... $1 ... $2} becomes {@code ? ... ? ... ?} with the order {@code [1, 0, 1]}: the
 * session binds its i-th JDBC parameter from PostgreSQL parameter {@code order[i]}. Strings,
 * comments, quoted identifiers and dollar quotes are copied untouched.
 *
 * <p>A {@code ?} that is part of an operator (jsonb {@code ?}, {@code ?|}, {@code ?&}, geometric
 * {@code ?-|}) would be taken for a marker by a JDBC driver. pgjdbc reads {@code ??} as a literal
 * {@code ?}, so {@link #rewrite(String, boolean)} with {@code true} doubles them for pgjdbc; the
 * other drivers have no such escape and get the text as it is.
 *
 * <p>A pure function of its input: callers may cache results by statement text.
 */
public final class ParameterRewriter {

    /** Above this PostgreSQL cannot bind the parameter (the protocol counts them in 16 bits). */
    private static final int MAX_PARAMETER = 65535;

    private ParameterRewriter() {}

    /** {@link #rewrite(String, boolean)} without escaping operator question marks. */
    public static JdbcSql rewrite(String sql) {
        return rewrite(sql, false);
    }

    /**
     * @param escapeQuestionMarks double each {@code ?} of an operator outside strings and comments,
     *     as pgjdbc requires
     */
    public static JdbcSql rewrite(String sql, boolean escapeQuestionMarks) {
        if (sql.indexOf('$') < 0 && (!escapeQuestionMarks || sql.indexOf('?') < 0)) {
            return new JdbcSql(sql, new int[0], 0);
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int[] order = new int[8];
        int markers = 0;
        int highest = 0;
        int copied = 0;
        SqlLexer lexer = new SqlLexer(sql);
        TokenType type;
        while ((type = lexer.next()) != TokenType.EOF) {
            if (type == TokenType.PARAMETER) {
                int n = parameterNumber(sql, lexer.start() + 1, lexer.end());
                if (n < 1) {
                    continue; // $0 or out of range: left for the backend to reject
                }
                out.append(sql, copied, lexer.start()).append('?');
                copied = lexer.end();
                if (markers == order.length) {
                    order = Arrays.copyOf(order, markers * 2);
                }
                order[markers++] = n - 1;
                highest = Math.max(highest, n);
            } else if (type == TokenType.OPERATOR && escapeQuestionMarks) {
                for (int i = lexer.start(); i < lexer.end(); i++) {
                    if (sql.charAt(i) == '?') {
                        out.append(sql, copied, i + 1).append('?');
                        copied = i + 1;
                    }
                }
            }
        }
        if (copied == 0) {
            return new JdbcSql(sql, new int[0], 0);
        }
        out.append(sql, copied, sql.length());
        return new JdbcSql(out.toString(), Arrays.copyOf(order, markers), highest);
    }

    /** The number after {@code $}, or -1 when it is 0 or too large to bind. */
    private static int parameterNumber(String sql, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (sql.charAt(i) - '0');
            if (n > MAX_PARAMETER) {
                return -1;
            }
        }
        return n == 0 ? -1 : n;
    }
}
