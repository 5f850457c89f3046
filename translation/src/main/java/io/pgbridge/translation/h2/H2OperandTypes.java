package io.pgbridge.translation.h2;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.Set;

/**
 * What the text of an operand shows about its type, for operators whose meaning on H2 depends on it: a date
 * ({@code DATE '…'}, {@code x::date}, {@code CAST(x AS date)}, {@code current_date}), an interval literal, a jsonb
 * value ({@code '…'::jsonb}), or a jsonb key ({@code 'name'}). The translator sees no schema, so a column's type is
 * never known; only what the statement spells out counts.
 */
final class H2OperandTypes {
    private static final Set<String> LITERAL_TYPES = Set.of("date", "timestamp", "time", "interval");
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second", "to");
    /** Words PostgreSQL reads as dates or times, which {@code x - 'word'} may mean instead of a jsonb key. */
    private static final Set<String> DATE_WORDS = Set.of("today", "tomorrow", "yesterday", "now", "epoch", "infinity",
            "allballs");

    private H2OperandTypes() {
    }

    static boolean isLiteralType(String word) {
        return word != null && LITERAL_TYPES.contains(word);
    }

    static boolean isIntervalField(String word) {
        return word != null && INTERVAL_FIELDS.contains(word);
    }

    static boolean isDate(String operand) {
        SqlTokens t = new SqlTokens(operand);
        int n = t.size();
        return n == 1 && t.isWord(0, "current_date")
                || n == 2 && t.isWord(0, "date") && t.type(1) == SqlLexer.TokenType.STRING
                || n >= 3 && t.isOperator(n - 2, "::") && t.isWord(n - 1, "date")
                || t.isWord(0, "cast") && t.partner(1) == n - 1 && t.isWord(n - 2, "date") && t.isWord(n - 3, "as");
    }

    static boolean isInterval(String operand) {
        SqlTokens t = new SqlTokens(operand);
        return t.isWord(0, "interval") && t.type(1) == SqlLexer.TokenType.STRING;
    }

    /** {@code '…'::jsonb}, or what the translator made of it: {@code pgbridge_jsonb('…')}. */
    static boolean isJsonb(String operand) {
        SqlTokens t = new SqlTokens(operand);
        int n = t.size();
        return n >= 3 && t.isOperator(n - 2, "::") && t.isWord(n - 1, "jsonb")
                || n >= 3 && t.isWord(0, "pgbridge_jsonb") && t.partner(1) == n - 1;
    }

    /** A plain string literal that names an object key ({@code 'limit'}) rather than a number, date or interval. */
    static boolean isJsonbKey(String operand) {
        SqlTokens t = new SqlTokens(operand);
        if (t.size() != 1 || t.type(0) != SqlLexer.TokenType.STRING) {
            return false;
        }
        String value = H2Translator.stringValue(t.text(0));
        return value.matches("[A-Za-z_][A-Za-z0-9_]*") && !DATE_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))
                && H2Intervals.toH2(value) == null;
    }
}
