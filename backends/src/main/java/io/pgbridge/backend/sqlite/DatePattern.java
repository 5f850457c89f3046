package io.pgbridge.backend.sqlite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's date/time template patterns ({@code YYYY-MM-DD HH24:MI:SS}, {@code FMDay, DD Mon}): formatting for
 * to_char and reading for to_date. {@code FM} drops the padding of the pattern after it; text in double quotes and
 * other characters are copied. Patterns not listed here are refused rather than copied as text.
 */
final class DatePattern {
    /** Longest first, so that {@code YYYY} is not read as {@code YY} twice. */
    private static final List<String> PATTERNS = List.of("YYYY", "HH24", "HH12", "MONTH", "Month", "month", "DDD",
            "MON", "Mon", "mon", "DAY", "Day", "day", "YY", "MM", "DD", "HH", "MI", "SS", "MS", "US", "AM", "PM",
            "am", "pm", "DY", "Dy", "dy", "Q", "D");

    private DatePattern() {
    }

    static String format(LocalDateTime t, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            boolean fill = template.startsWith("FM", i) || template.startsWith("fm", i);
            int at = fill ? i + 2 : i;
            if (at < template.length() && template.charAt(at) == '"') {
                int close = template.indexOf('"', at + 1);
                out.append(template, at + 1, close < 0 ? template.length() : close);
                i = close < 0 ? template.length() : close + 1;
                continue;
            }
            String pattern = patternAt(template, at);
            if (pattern == null) {
                out.append(template.charAt(at));
                i = at + 1;
                continue;
            }
            out.append(field(t, pattern, fill));
            i = at + pattern.length();
        }
        return out.toString();
    }

    private static String patternAt(String template, int at) {
        for (String pattern : PATTERNS) {
            if (template.startsWith(pattern, at)) {
                return pattern;
            }
        }
        if (at < template.length() && Character.isLetter(template.charAt(at))) {
            throw new IllegalArgumentException("the date pattern \"" + template.substring(at)
                    + "\" is not supported on sqlite backends");
        }
        return null;
    }

    private static String field(LocalDateTime t, String pattern, boolean fill) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (pattern) {
            case "YYYY" -> number(t.getYear(), 4, fill);
            case "YY" -> number(t.getYear() % 100, 2, fill);
            case "MM" -> number(t.getMonthValue(), 2, fill);
            case "DD" -> number(t.getDayOfMonth(), 2, fill);
            case "DDD" -> number(t.getDayOfYear(), 3, fill);
            case "D" -> String.valueOf(t.getDayOfWeek().getValue() % 7 + 1);
            case "Q" -> String.valueOf((t.getMonthValue() + 2) / 3);
            case "HH24" -> number(t.getHour(), 2, fill);
            case "HH", "HH12" -> number(hour12, 2, fill);
            case "MI" -> number(t.getMinute(), 2, fill);
            case "SS" -> number(t.getSecond(), 2, fill);
            case "MS" -> number(t.getNano() / 1_000_000, 3, fill);
            case "US" -> number(t.getNano() / 1_000, 6, fill);
            case "AM", "PM" -> t.getHour() < 12 ? "AM" : "PM";
            case "am", "pm" -> t.getHour() < 12 ? "am" : "pm";
            case "MONTH", "Month", "month" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    pattern, fill);
            case "MON", "Mon", "mon" -> name(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), pattern,
                    true);
            case "DAY", "Day", "day" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    pattern, fill);
            default -> name(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), pattern, true);
        };
    }

    private static String number(int value, int width, boolean fill) {
        return fill ? String.valueOf(value) : String.format(Locale.ROOT, "%0" + width + "d", value);
    }

    /** A month or day name in the pattern's case, padded to nine characters unless in fill mode. */
    private static String name(String english, String pattern, boolean fill) {
        String cased = Character.isLowerCase(pattern.charAt(0)) ? english.toLowerCase(Locale.ROOT)
                : Character.isUpperCase(pattern.charAt(1)) ? english.toUpperCase(Locale.ROOT) : english;
        return fill ? cased : String.format(Locale.ROOT, "%-9s", cased);
    }

    /** to_date: the fields the template names, read from {@code text}; missing ones are 1 (January 1st). */
    static LocalDate parseDate(String text, String template) {
        int year = 1;
        int month = 1;
        int day = 1;
        int i = 0;
        int p = 0;
        while (p < template.length()) {
            if (template.startsWith("FM", p) || template.startsWith("fm", p)) {
                p += 2;
                continue;
            }
            String pattern = patternAt(template, p);
            if (pattern == null) {
                p++;
                i += i < text.length() && !Character.isLetterOrDigit(text.charAt(i)) ? 1 : 0;
                continue;
            }
            p += pattern.length();
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            if (pattern.equalsIgnoreCase("mon") || pattern.equalsIgnoreCase("month")) {
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                month = monthNumber(text.substring(start, i));
                continue;
            }
            int digits = pattern.equals("YYYY") ? 4 : pattern.equals("DDD") ? 3 : 2;
            while (i < text.length() && i - start < digits && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("invalid value \"" + text.substring(start) + "\" for \""
                        + pattern + "\"");
            }
            int value = Integer.parseInt(text.substring(start, i));
            switch (pattern) {
                case "YYYY" -> year = value;
                case "YY" -> year = 2000 + value < 2070 ? 2000 + value : 1900 + value;
                case "MM" -> month = value;
                case "DD" -> day = value;
                default -> {
                    // times of day do not change a date
                }
            }
        }
        return LocalDate.of(year, month, day);
    }

    private static int monthNumber(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (java.time.Month month : java.time.Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && full.startsWith(lower)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("invalid value \"" + name + "\" for a month name");
    }
}
