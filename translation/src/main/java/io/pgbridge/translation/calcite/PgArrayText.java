package io.pgbridge.translation.calcite;

import io.pgbridge.translation.PgArrayLiteral;
import io.pgbridge.translation.TranslationException;

import java.math.BigDecimal;
import java.util.List;

/**
 * PostgreSQL's array input ({@code {a,"b c",NULL}}, array_in's rules for one dimension) turned into the JSON array
 * that MariaDB and SQLite store for it: numbers and booleans bare, everything else a JSON string, NULL as null.
 */
public final class PgArrayText {
    private PgArrayText() {
    }

    /** As {@link #toJson(String, PgType)}, the element type by PostgreSQL's internal name ({@code int4}). */
    public static String toJson(String text, String elementType) {
        return toJson(text, new PgType(elementType, -1, -1));
    }

    /** The JSON array for {@code text} read as an array of {@code element}; 22P02 for malformed input. */
    static String toJson(String text, PgType element) {
        List<String> items = PgArrayLiteral.elements(text);
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
}
