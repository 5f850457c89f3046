package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's text form of a one-dimensional array ({@code {a,"b c",NULL}}), read into its elements the way
 * {@code array_in} reads it: elements split at commas, double quotes with backslash escapes, surrounding
 * whitespace of unquoted elements dropped, an unquoted {@code NULL} (any case) a null element.
 */
public final class PgArrayLiteral {
    private PgArrayLiteral() {
    }

    /** The elements (null for NULL), or null when {@code text} is not a one-dimensional array literal. */
    public static List<String> elements(String text) {
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            return null;
        }
        List<String> elements = new ArrayList<>();
        String body = s.substring(1, s.length() - 1);
        if (body.isBlank()) {
            return elements;
        }
        int i = 0;
        while (true) {
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            StringBuilder element = new StringBuilder();
            boolean quoted = i < body.length() && body.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    char c = body.charAt(i++);
                    if (c == '\\') {
                        if (i >= body.length()) {
                            return null;
                        }
                        c = body.charAt(i++);
                    }
                    element.append(c);
                }
                if (i >= body.length()) {
                    return null;   // unterminated quote
                }
                i++;
                while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
            } else {
                while (i < body.length() && body.charAt(i) != ',') {
                    char c = body.charAt(i++);
                    if (c == '{' || c == '}' || c == '"') {
                        return null;   // nested arrays, or a quote inside an unquoted element
                    }
                    if (c == '\\' && i < body.length()) {
                        c = body.charAt(i++);
                    }
                    element.append(c);
                }
            }
            String value = quoted ? element.toString() : element.toString().strip();
            if (!quoted && value.isEmpty()) {
                return null;   // "{a,,b}" is malformed in PostgreSQL
            }
            elements.add(!quoted && value.toLowerCase(Locale.ROOT).equals("null") ? null : value);
            if (i >= body.length()) {
                return elements;
            }
            if (body.charAt(i) != ',') {
                return null;
            }
            i++;
        }
    }
}
