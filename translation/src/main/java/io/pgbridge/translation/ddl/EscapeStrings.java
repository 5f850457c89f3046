package io.pgbridge.translation.ddl;

import io.pgbridge.translation.TranslationException;

/**
 * Decodes the body of a PostgreSQL {@code E'…'} string: backslash escapes ({@code \n}, {@code \t}, octal
 * {@code \101}, hex {@code \x41}, Unicode {@code \u0041} and {@code \U00000041}) and doubled quotes. Backends in
 * standard-string mode need the plain value.
 */
final class EscapeStrings {
    private EscapeStrings() {
    }

    /** @param offset the literal's 0-based start in the statement, for error positions */
    static String decode(String body, int offset) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '\'' && i < body.length() && body.charAt(i) == '\'') {
                out.append('\'');
                i++;
                continue;
            }
            if (c != '\\' || i >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> i = appendCode(body, i, 16, 2, 1, out, offset);
                case 'u' -> i = appendCode(body, i, 16, 4, 4, out, offset);
                case 'U' -> i = appendCode(body, i, 16, 8, 8, out, offset);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendCode(body, i - 1, 8, 3, 1, out, offset);
                    } else {
                        out.append(e);   // \\ and \' and any other character stand for themselves
                    }
                }
            }
        }
        return out.toString();
    }

    /** Reads between {@code min} and {@code max} digits of {@code radix} at {@code i}; returns the index after. */
    private static int appendCode(String body, int i, int radix, int max, int min, StringBuilder out, int offset) {
        int end = i;
        while (end < body.length() && end - i < max && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end - i < min) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR, "invalid Unicode escape", offset + 1);
        }
        out.appendCodePoint(Integer.parseInt(body, i, end, radix));
        return end;
    }
}
