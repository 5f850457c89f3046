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
     * The value of an {@code E'...'} literal (its whole token text, prefix and quotes included), following the
     * manual's "String Constants with C-Style Escapes": {@code \b \f \n \r \t}, octal {@code \o}, hex {@code \xh},
     * 4- and 8-digit Unicode code points, {@code ''} and backslash before any other character.
     */
    public static String decodeEscapeString(String token) {
        int begin = token.indexOf('\'') + 1;
        int end = token.endsWith("'") && token.length() > begin ? token.length() - 1 : token.length();
        StringBuilder out = new StringBuilder(end - begin);
        for (int i = begin; i < end; i++) {
            char c = token.charAt(i);
            if (c == '\'' && i + 1 < end && token.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c != '\\' || i + 1 >= end) {
                out.append(c);
            } else {
                char e = token.charAt(++i);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'x' -> i = appendCode(token, i + 1, end, 16, 2, out) - 1;
                    case 'u' -> i = appendCode(token, i + 1, end, 16, 4, out) - 1;
                    case 'U' -> i = appendCode(token, i + 1, end, 16, 8, out) - 1;
                    default -> {
                        if (e >= '0' && e <= '7') {
                            i = appendCode(token, i, end, 8, 3, out) - 1;
                        } else {
                            out.append(e);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /** Reads up to {@code maxDigits} digits of {@code radix} at {@code from}, appends the code point, returns the index after. */
    private static int appendCode(String s, int from, int end, int radix, int maxDigits, StringBuilder out) {
        int value = 0;
        int i = from;
        while (i < end && i - from < maxDigits && Character.digit(s.charAt(i), radix) >= 0) {
            value = value * radix + Character.digit(s.charAt(i), radix);
            i++;
        }
        if (i == from) {
            out.append(s.charAt(from - 1));   // "\x" with no digits is just "x"
            return from;
        }
        out.appendCodePoint(value);
        return i;
    }
}
