package io.pgbridge.translation;

/** PostgreSQL string literal forms and their standard-SQL equivalents. */
public final class PgStrings {
    private PgStrings() {
    }

    /** A standard SQL literal for {@code value}: single quotes, embedded quotes doubled, nothing else escaped. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The value of an {@code E'...'} literal (its whole token text, prefix and quotes included); {@code origin} is its
     * 0-based offset in the statement, for error positions.
     */
    public static String decodeEscapeString(String token, int origin) {
        int begin = token.indexOf('\'') + 1;
        int end = token.endsWith("'") && token.length() > begin ? token.length() - 1 : token.length();
        return decodeEscapeBody(token.substring(begin, end), origin);
    }

    /**
     * The text between the quotes of an {@code E'...'} literal, decoded as PostgreSQL's scanner does ("String
     * Constants with C-Style Escapes"): {@code \b \f \n \r \t}, octal {@code \o}–{@code \ooo}, hex {@code \xh} or
     * {@code \xhh} ({@code \x} without a digit is just {@code x}), Unicode with exactly 4 or 8 hex digits (otherwise
     * 22025), {@code ''}, and a backslash before any other character. A zero code point is 22021, as in UTF8.
     */
    public static String decodeEscapeBody(String body, int origin) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
            } else {
                char e = body.charAt(++i);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'x' -> i = appendCode(out, body, i + 1, 16, 1, 2, origin) - 1;
                    case 'u' -> i = appendCode(out, body, i + 1, 16, 4, 4, origin) - 1;
                    case 'U' -> i = appendCode(out, body, i + 1, 16, 8, 8, origin) - 1;
                    default -> {
                        if (e >= '0' && e <= '7') {
                            i = appendCode(out, body, i, 8, 1, 3, origin) - 1;
                        } else {
                            out.append(e);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends the code point of {@code min} to {@code max} digits of {@code radix} at {@code start} and returns the
     * index after them. No hex digit after {@code \x} means the letter itself.
     */
    private static int appendCode(StringBuilder out, String body, int start, int radix, int min, int max, int origin) {
        int end = start;
        while (end < body.length() && end - start < max && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start && radix == 16 && max == 2) {
            out.append('x');
            return start;
        }
        if (end - start < min) {
            throw new TranslationException("22025", "invalid Unicode escape", origin + 1);
        }
        int code = Integer.parseInt(body, start, end, radix);
        if (code == 0 || !Character.isValidCodePoint(code)) {
            throw new TranslationException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", origin + 1);
        }
        out.appendCodePoint(code);
        return end;
    }
}
