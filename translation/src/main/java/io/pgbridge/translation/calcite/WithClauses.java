package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.TokenType;

import java.util.Locale;
import java.util.Set;

/**
 * The WITH clauses Calcite's parser cannot read and the targets cannot run as written: a data-modifying
 * statement inside WITH ({@code WITH x AS (INSERT … RETURNING …) SELECT …}), and WITH in front of INSERT, UPDATE or
 * DELETE. They are refused by name (0A000) instead of failing as a syntax error.
 */
final class WithClauses {
    private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "merge");

    private WithClauses() {
    }

    /** Throws 0A000 for a WITH clause of the kinds above; returns quietly otherwise. */
    static void refuseUnsupported(String statement, DialectRules rules) {
        SqlLexer lexer = new SqlLexer(statement);
        if (lexer.nextSignificant() != TokenType.IDENTIFIER || !lexer.isWord("with")) {
            return;
        }
        int depth = 0;
        boolean bodyStarts = false;
        boolean afterAs = false;
        for (TokenType t = lexer.nextSignificant(); t != TokenType.EOF; t = lexer.nextSignificant()) {
            switch (t) {
                case LEFT_PAREN -> depth++;
                case RIGHT_PAREN -> depth--;
                case IDENTIFIER -> {
                    String word = lexer.text().toLowerCase(Locale.ROOT);
                    if (bodyStarts && DATA_CHANGES.contains(word)) {
                        throw rules.unsupported("WITH … AS (" + word.toUpperCase(Locale.ROOT)
                                + " …), a data-modifying statement in WITH");
                    }
                    if (depth == 0 && DATA_CHANGES.contains(word)) {
                        throw rules.unsupported("WITH in front of " + word.toUpperCase(Locale.ROOT));
                    }
                    if (depth == 0 && word.equals("select")) {
                        return;
                    }
                }
                default -> {
                }
            }
            // A CTE's body is the parenthesis right after AS [NOT] [MATERIALIZED].
            bodyStarts = t == TokenType.LEFT_PAREN && depth == 1 && afterAs;
            afterAs = depth == 0 && t == TokenType.IDENTIFIER && (lexer.isWord("as") || lexer.isWord("materialized")
                    || afterAs && lexer.isWord("not"));
        }
    }
}
