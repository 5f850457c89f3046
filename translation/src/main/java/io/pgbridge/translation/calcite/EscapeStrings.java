package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;

/**
 * Decodes the body of a PostgreSQL {@code E'…'} string. Babel would read it as a UTF-16 literal and write
 * {@code _UTF16'…'}; the backends need the plain value in a standard string.
 */
final class EscapeStrings {
    private EscapeStrings() {
    }

    /** @param origin offset of the literal in the statement, for error positions */
    static String decode(String body, int origin) {
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
                continue;
            }
            if (c != '\\' || i + 1 >= body.length()) {
                value.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'x' -> i = appendCode(value, body, i + 1, 2, 16, origin) - 1;
                case 'u' -> i = appendCode(value, body, i + 1, 4, 16, origin) - 1;
                case 'U' -> i = appendCode(value, body, i + 1, 8, 16, origin) - 1;
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendCode(value, body, i, 3, 8, origin) - 1;
                    } else {
                        value.append(e);
                    }
                }
            }
        }
        return value.toString();
    }

    /** Appends the code point of up to {@code max} digits at {@code start}; returns the index after them. */
    private static int appendCode(StringBuilder value, String body, int start, int max, int radix, int origin) {
        int end = start;
        while (end < body.length() && end - start < max && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        boolean exact = radix == 8 || max == 2;
        if (end == start || !exact && end - start != max) {
            throw new TranslationException("22025", "invalid Unicode escape", origin + 1);
        }
        int code = Integer.parseInt(body, start, end, radix);
        if (code == 0 || !Character.isValidCodePoint(code)) {
            throw new TranslationException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", origin + 1);
        }
        value.appendCodePoint(code);
        return end;
    }
}
