package io.pgbridge.translation.schema;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TranslationException;

import java.util.Map;
import java.util.Optional;

/**
 * {@code text_column + 1}: PostgreSQL has no arithmetic between a string type and a number and fails with 42883,
 * where backends convert the text to a number (MariaDB, SQLite) and fail on a value, or answer. Only a plain
 * column of a string type beside a number constant, with {@code +} or {@code -} between them, is judged here.
 */
final class TextArithmetic {
    /** PostgreSQL's names of the string types, as its error message spells them. */
    private static final Map<String, String> STRING_TYPES = Map.of("text", "text", "varchar", "character varying",
            "bpchar", "character");

    private TextArithmetic() {
    }

    /** @throws TranslationException 42883 for the first such operation */
    static void refuse(SqlTokens t, TableReferences refs) {
        for (int i = 1; i + 1 < t.size(); i++) {
            if (!t.isOperator(i, "+") && !t.isOperator(i, "-")) {
                continue;
            }
            boolean numberAfter = t.type(i + 1) == TokenType.NUMBER && !binds(t, i + 2);
            boolean numberBefore = t.type(i - 1) == TokenType.NUMBER && !binds(t, i - 2);
            String left = numberAfter ? stringColumnEndingAt(t, refs, i - 1) : null;
            String right = numberBefore ? stringColumnStartingAt(t, refs, i + 1) : null;
            if (left != null || right != null) {
                String number = t.text(numberAfter ? i + 1 : i - 1).matches("\\d+") ? "integer" : "numeric";
                throw new TranslationException("42883", "operator does not exist: "
                        + (left != null ? left + " " + t.text(i) + " " + number : number + " " + t.text(i) + " " + right),
                        t.start(i) + 1);
            }
        }
    }

    /** Whether token {@code i} takes the number next to it away from the +/- ({@code ::}, {@code *}, …). */
    private static boolean binds(SqlTokens t, int i) {
        return t.type(i) == TokenType.OPERATOR && !t.isOperator(i, "+") && !t.isOperator(i, "-")
                && !t.isOperator(i, "=") && !t.isOperator(i, "<") && !t.isOperator(i, ">")
                || t.type(i) == TokenType.DOT || t.type(i) == TokenType.LEFT_BRACKET;
    }

    private static String stringColumnEndingAt(SqlTokens t, TableReferences refs, int i) {
        if (t.type(i - 1) == TokenType.DOT) {
            return t.type(i - 3) == TokenType.DOT || binds(t, i - 3) ? null
                    : stringType(refs.column(TableReferences.identifier(t, i - 2), TableReferences.identifier(t, i)));
        }
        return binds(t, i - 1) ? null : stringType(refs.column(null, TableReferences.identifier(t, i)));
    }

    private static String stringColumnStartingAt(SqlTokens t, TableReferences refs, int i) {
        if (t.type(i + 1) == TokenType.DOT) {
            return binds(t, i + 3) || t.type(i + 3) == TokenType.LEFT_PAREN ? null
                    : stringType(refs.column(TableReferences.identifier(t, i), TableReferences.identifier(t, i + 2)));
        }
        return binds(t, i + 1) || t.type(i + 1) == TokenType.LEFT_PAREN ? null
                : stringType(refs.column(null, TableReferences.identifier(t, i)));
    }

    private static String stringType(Optional<ColumnShape> column) {
        return column.map(c -> STRING_TYPES.get(c.pgType())).orElse(null);
    }
}
