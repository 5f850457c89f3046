package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's date/time template patterns ({@code to_date('15/03/2024', 'DD/MM/YYYY')}) as MariaDB's
 * {@code STR_TO_DATE} format specifiers. Patterns without an equivalent are refused by name.
 */
final class PgDateFormat {
    /** Longest patterns first, so that {@code YYYY} is not read as two {@code YY}. */
    private static final List<Map.Entry<String, String>> PATTERNS = List.of(
            Map.entry("YYYY", "%Y"), Map.entry("HH24", "%H"), Map.entry("HH12", "%h"), Map.entry("MONTH", "%M"),
            Map.entry("Month", "%M"), Map.entry("month", "%M"), Map.entry("DDD", "%j"), Map.entry("MON", "%b"),
            Map.entry("Mon", "%b"), Map.entry("mon", "%b"), Map.entry("DAY", "%W"), Map.entry("Day", "%W"),
            Map.entry("Dy", "%a"), Map.entry("YY", "%y"), Map.entry("MM", "%m"), Map.entry("DD", "%d"),
            Map.entry("HH", "%h"), Map.entry("MI", "%i"), Map.entry("SS", "%s"), Map.entry("US", "%f"),
            Map.entry("AM", "%p"), Map.entry("PM", "%p"), Map.entry("am", "%p"), Map.entry("pm", "%p"));

    private PgDateFormat() {
    }

    static String asMariaDb(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < template.length()) {
            if (template.startsWith("FM", i) || template.startsWith("fm", i)) {
                i += 2;   // fill mode only matters when formatting
                continue;
            }
            if (template.charAt(i) == '"') {
                int close = template.indexOf('"', i + 1);
                String text = template.substring(i + 1, close < 0 ? template.length() : close);
                out.append(text.replace("%", "%%"));
                i = close < 0 ? template.length() : close + 1;
                continue;
            }
            for (Map.Entry<String, String> pattern : PATTERNS) {
                if (template.startsWith(pattern.getKey(), i)) {
                    out.append(pattern.getValue());
                    i += pattern.getKey().length();
                    continue outer;
                }
            }
            char c = template.charAt(i);
            if (Character.isLetter(c)) {
                throw TranslationException.unsupported("the date pattern \"" + template.substring(i) + "\"",
                        SqlTarget.MARIADB);
            }
            out.append(c == '%' ? "%%" : String.valueOf(c));
            i++;
        }
        return out.toString();
    }
}
