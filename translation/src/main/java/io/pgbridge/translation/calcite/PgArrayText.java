package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's array input ({@code {a,"b c",NULL}}, array_in's rules for one dimension) turned into the JSON array
 * that MariaDB and SQLite store for it: numbers and booleans bare, everything else a JSON string, NULL as null.
 */
public final class PgArrayText {
    private final String text;
    private int pos;

    private PgArrayText(String text) {
        this.text = text;
    }

    /** As {@link #toJson(String, PgType)}, the element type by PostgreSQL's internal name ({@code int4}). */
    public static String toJson(String text, String elementType) {
        return toJson(text, new PgType(elementType, -1, -1));
    }

    /** The JSON array for {@code text} read as an array of {@code element}; 22P02 for malformed input. */
    static String toJson(String text, PgType element) {
        List<String> items = new PgArrayText(text).elements();
        StringBuilder json = new StringBuilder("[");
        for (String item : items) {
            json.append(json.length() == 1 ? "" : ", ").append(item == null ? "null" : jsonElement(item, element));
        }
        return json.append(']').toString();
    }

    private static String jsonElement(String item, PgType element) {
        if (element.isInteger() || element.name().equals("numeric") || element.name().startsWith("float")) {
            try {
                BigDecimal number = new BigDecimal(item.strip());
                if (element.isInteger() && number.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException();
                }
                return number.toPlainString();
            } catch (NumberFormatException e) {
                throw invalid(element.isInteger() ? "integer" : element.name(), item);
            }
        }
        if (element.name().equals("bool")) {
            Boolean value = DialectRules.booleanText(item);
            if (value == null) {
                throw invalid("boolean", item);
            }
            return value.toString();
        }
        return jsonString(item);
    }

    /** {@code s} as a JSON string literal. */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static TranslationException invalid(String type, String value) {
        return new TranslationException("22P02", "invalid input syntax for type " + type + ": \"" + value + "\"", 0);
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
