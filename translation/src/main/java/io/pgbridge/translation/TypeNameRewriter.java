package io.pgbridge.translation;

import java.util.Locale;
import java.util.Map;

/**
 * Replaces PostgreSQL type names that a backend does not know by its own spelling ({@code timestamptz} →
 * {@code timestamp with time zone} for H2), wherever they stand as unquoted words: in DDL and in {@code ::} casts.
 * Strings, comments and quoted identifiers are left alone. A stop-gap until issue 3's dialect translation.
 */
public final class TypeNameRewriter {
    private TypeNameRewriter() {
    }

    /** {@code sql} with every unquoted word that is a key of {@code aliases} (lower case) replaced. */
    public static String rewrite(String sql, Map<String, String> aliases) {
        if (aliases.isEmpty()) {
            return sql;
        }
        SqlLexer lexer = new SqlLexer(sql);
        StringBuilder out = null;
        int copied = 0;
        while (lexer.next() != SqlLexer.TokenType.EOF) {
            if (lexer.type() != SqlLexer.TokenType.IDENTIFIER) {
                continue;
            }
            String replacement = aliases.get(lexer.text().toLowerCase(Locale.ROOT));
            if (replacement == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(sql.length() + 32);
            }
            out.append(sql, copied, lexer.start()).append(replacement);
            copied = lexer.end();
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }
}
