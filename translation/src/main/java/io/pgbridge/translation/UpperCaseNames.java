package io.pgbridge.translation;

import java.util.Locale;

/**
 * The translation for a backend that folds unquoted names to upper case (Oracle, Db2, Derby, HSQLDB). Translators
 * quote every name as PostgreSQL folded it, lower case for an unquoted one, which such a backend would take as a
 * different name from the one it folds {@code orders} to ({@code ORDERS}): a table created there without quotes
 * would be out of reach. So each quoted name written entirely in lower case reaches the backend in upper case;
 * names with capitals, which only quoting gives in PostgreSQL, keep their case. The proxy turns the backend's
 * upper-case result labels back into PostgreSQL's lower-case ones ({@code BackendDialect#columnLabel}).
 */
public record UpperCaseNames(Translator translator) implements Translator {

    @Override
    public Translation translate(String statement) {
        Translation translated = translator.translate(statement);
        String sql = fold(translated.sql());
        return sql.equals(translated.sql()) ? translated : new Translation(sql, translated.booleanColumns());
    }

    @Override
    public boolean readsLiteral(String literal) {
        return translator.readsLiteral(literal);
    }

    /** {@code sql} with each lower-case quoted name in upper case; strings, comments and the rest unchanged. */
    static String fold(String sql) {
        TextEdits edits = new TextEdits();
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.next() != SqlLexer.TokenType.EOF) {
            if (lexer.type() == SqlLexer.TokenType.QUOTED_IDENTIFIER && lexer.text().startsWith("\"")) {
                String name = lexer.text();
                String upper = name.toUpperCase(Locale.ROOT);
                if (name.equals(name.toLowerCase(Locale.ROOT)) && !upper.equals(name)) {
                    edits.replace(lexer.start(), lexer.end(), upper);
                }
            }
        }
        return edits.applyTo(sql);
    }
}
