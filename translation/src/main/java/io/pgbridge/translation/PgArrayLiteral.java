package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text form of a one-dimensional array ({@code {a,"b c",NULL}}), read into its elements the way
 * {@code array_in} reads it: elements split at commas, double quotes with backslash escapes, surrounding
 * whitespace of unquoted elements dropped, an unquoted {@code NULL} (any case) a null element. The one reader of
 * array text for every translator.
 */
public final class PgArrayLiteral {
    private final String text;
    private int pos;

    private PgArrayLiteral(String text) {
        this.text = text;
    }

    /**
     * The elements (null for NULL).
     *
     * @throws TranslationException 22P02 with PostgreSQL's message for malformed text, 0A000 for explicit bounds or
     *     several dimensions
     */
    public static List<String> elements(String text) {
        return new PgArrayLiteral(text).elements();
    }

    private TranslationException malformed(String detail) {
        return new TranslationException("22P02", "malformed array literal: \"" + text + "\" (" + detail + ")", 0);
    }

    private List<String> elements() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '[') {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "array literals with explicit bounds are not supported", 0);
        }
        if (pos >= text.length() || text.charAt(pos) != '{') {
            throw malformed("Array value must start with \"{\" or dimension information.");
        }
        pos++;
        List<String> items = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
        } else {
            while (true) {
                items.add(element());
                skipSpace();
                char c = pos < text.length() ? text.charAt(pos++) : '\0';
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed("Unexpected array element.");
                }
            }
        }
        skipSpace();
        if (pos != text.length()) {
            throw malformed("Junk after closing right brace.");
        }
        return items;
    }

    private String element() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '{') {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "multidimensional arrays are not supported", 0);
        }
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int lastSignificant = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                quoted = true;
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                        pos++;
                    }
                    value.append(text.charAt(pos++));
                }
                if (pos >= text.length()) {
                    throw malformed("Unexpected end of input.");
                }
                pos++;
                lastSignificant = value.length();
            } else if (c == ',' || c == '}') {
                break;
            } else if (c == '{') {
                throw malformed("Unexpected \"{\" character.");
            } else {
                if (c == '\\' && pos + 1 < text.length()) {
                    c = text.charAt(++pos);
                    value.append(c);
                    lastSignificant = value.length();
                } else {
                    value.append(c);
                    if (!Character.isWhitespace(c)) {
                        lastSignificant = value.length();
                    }
                }
                pos++;
            }
        }
        String item = value.substring(0, lastSignificant);
        if (!quoted && item.isEmpty()) {
            throw malformed("Unexpected \",\" character.");
        }
        return !quoted && item.equalsIgnoreCase("null") ? null : item;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
