package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTokens;

/**
 * {@code INSERT … OVERRIDING SYSTEM VALUE}, which Calcite's parser does not read. The Calcite targets take the
 * values given for generated keys anyway (MariaDB's AUTO_INCREMENT, SQLite's rowid), and whether PostgreSQL would
 * have refused them without the clause is the schema rewrite's check, so the clause goes, as blanks that keep every
 * position. {@code OVERRIDING USER VALUE}, which ignores the values given, is refused.
 */
final class OverridingClause {
    private OverridingClause() {
    }

    static String remove(String statement, DialectRules rules) {
        if (!statement.regionMatches(true, statement.length() - statement.stripLeading().length(), "insert", 0, 6)) {
            return statement;
        }
        SqlTokens t = new SqlTokens(statement);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.isWord(i, "overriding") && t.isWord(i + 2, "value")) {
                if (t.isWord(i + 1, "user")) {
                    throw rules.unsupported("OVERRIDING USER VALUE");
                }
                if (t.isWord(i + 1, "system")) {
                    return statement.substring(0, t.start(i)) + " ".repeat(t.end(i + 2) - t.start(i))
                            + statement.substring(t.end(i + 2));
                }
            }
        }
        return statement;
    }
}
