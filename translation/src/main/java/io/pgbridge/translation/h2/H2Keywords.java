package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.Set;

/**
 * Words H2 reserves that PostgreSQL lets applications use as names: {@code key}, {@code value}, {@code values}
 * as a label, and the date
 * fields {@code year} … {@code second} are common column names and aliases ({@code AS month}). Written unquoted they
 * are syntax errors on H2, so the translator quotes them where they are names. Quoting keeps their meaning: H2
 * folds unquoted names to lower case, as the quoted forms are written.
 */
final class H2Keywords {
    /** Never keywords in PostgreSQL queries, always in H2. */
    private static final Set<String> ALWAYS_NAMES = Set.of("key", "value", "top", "minus", "qualify", "regexp",
            "rownum", "_rowid_");
    /** Date fields: keywords after an interval literal, in extract(… FROM …) and in "day to second". */
    private static final Set<String> DATE_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");
    /** Window frame words: names only where nothing else can be meant. */
    private static final Set<String> FRAME_WORDS = Set.of("rows", "range", "groups", "partition");

    private H2Keywords() {
    }

    /** Whether the word at {@code i} is a name H2 would read as a keyword. */
    static boolean needsQuotes(SqlTokens t, int i) {
        String word = t.word(i);
        if (word == null) {
            return false;
        }
        if (ALWAYS_NAMES.contains(word)) {
            // PRIMARY KEY, FOREIGN KEY, FOR [NO] KEY UPDATE/SHARE keep the keyword.
            return !(word.equals("key") && (t.isWord(i - 1, "primary") || t.isWord(i - 1, "foreign")
                    || t.isWord(i - 1, "for") || t.isWord(i - 1, "no"))
                    || word.equals("value") && (t.isWord(i - 1, "system") || t.isWord(i - 1, "user")));   // OVERRIDING …
        }
        boolean nameContext = t.isWord(i - 1, "as") || t.type(i - 1) == SqlLexer.TokenType.DOT
                || t.type(i + 1) == SqlLexer.TokenType.DOT;
        if (word.equals("values")) {
            // A column label (SELECT count(*) AS values), not a VALUES list, which has its parenthesis.
            return t.isWord(i - 1, "as") && t.type(i + 1) != SqlLexer.TokenType.LEFT_PAREN;
        }
        if (FRAME_WORDS.contains(word)) {
            return nameContext;
        }
        if (!DATE_FIELDS.contains(word)) {
            return false;
        }
        if (nameContext) {
            return true;
        }
        boolean fieldContext = t.type(i - 1).isStringLiteral()          // interval '1' day
                || t.isWord(i - 1, "to") || t.isWord(i + 1, "to")          // day to second
                || t.isWord(i - 1, "interval")                             // ::interval day
                || t.type(i - 1) == SqlLexer.TokenType.LEFT_PAREN && t.isWord(i - 2, "extract")
                || t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN;         // year(x), H2's own functions
        return !fieldContext;
    }
}
