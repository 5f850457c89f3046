package io.pgbridge.backend.h2;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text read into plain Java values ({@link Map} with insertion order, {@link List}, {@link String},
 * {@link Number} kept as its text in {@link Numeral}, {@link Boolean}, {@link #NULL}), and written back the way
 * PostgreSQL prints jsonb: object keys shorter first, then by their bytes, duplicates resolved to the last, and
 * {@code ", "} / {@code ": "} between items. Malformed text is SQLSTATE 22P02, as PostgreSQL reports it.
 */
public final class JsonTree {
    /** JSON's null, distinct from SQL NULL (a Java null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number as written, so that {@code 1.50} stays {@code 1.50} as in jsonb. */
    public record Numeral(String text) {
    }

    private final String text;
    private int pos;

    private JsonTree(String text) {
        this.text = text;
    }

    public static Object parse(String json) throws SQLException {
        JsonTree p = new JsonTree(json);
        try {
            Object value = p.value();
            p.skipSpace();
            if (p.pos != json.length()) {
                throw p.invalid();
            }
            return value;
        } catch (IndexOutOfBoundsException e) {
            throw p.invalid();
        }
    }

    /** The jsonb text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** PostgreSQL's name for the JSON type of a value: object, array, string, number, boolean or null. */
    public static String typeOf(Object value) {
        if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Numeral) {
            return "number";
        } else if (value instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            String[] keys = map.keySet().toArray(new String[0]);
            Arrays.sort(keys, JsonTree::compareKeys);
            out.append('{');
            for (int i = 0; i < keys.length; i++) {
                out.append(i == 0 ? "" : ", ");
                quote(keys[i], out);
                out.append(": ");
                write(map.get(keys[i]), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Numeral n) {
            out.append(n.text());
        } else {
            out.append(value);
        }
    }

    /** jsonb's key order: length in bytes first, then the bytes. */
    private static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value() throws SQLException {
        skipSpace();
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (text.charAt(pos) == '}') {
                    pos++;
                    return map;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.remove(key);   // the last duplicate wins, and takes its place in order
                    map.put(key, value());
                    skipSpace();
                    if (text.charAt(pos++) == '}') {
                        return map;
                    }
                    if (text.charAt(pos - 1) != ',') {
                        throw invalid();
                    }
                }
            }
            case '[' -> {
                pos++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skipSpace();
                    if (text.charAt(pos++) == ']') {
                        return list;
                    }
                    if (text.charAt(pos - 1) != ',') {
                        throw invalid();
                    }
                }
            }
            case '"' -> {
                return string();
            }
            default -> {
                return literal();
            }
        }
    }

    private Object literal() throws SQLException {
        int start = pos;
        while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            case "null" -> {
                return NULL;
            }
            default -> {
                if (!word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                    pos = start;
                    throw invalid();
                }
                return new Numeral(word);
            }
        }
    }

    private String string() throws SQLException {
        StringBuilder out = new StringBuilder();
        try {
            pos = readString(text, pos, out);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        return out.toString();
    }

    /**
     * Reads the JSON string whose opening quote is at {@code pos} into {@code out} and returns the position after its
     * closing quote; malformed text is {@link IllegalArgumentException}.
     */
    static int readString(String text, int pos, StringBuilder out) {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw new IllegalArgumentException("invalid input syntax for type json: expected '\"' at character "
                    + (pos + 1));
        }
        int at = pos + 1;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return at;
            }
            if (c != '\\') {
                out.append(c);
            } else if (at < text.length()) {
                at = unescape(text, at, out);
            }
        }
        throw new IllegalArgumentException("invalid input syntax for type json: unterminated string");
    }

    /**
     * Appends the character of the escape sequence that starts after the backslash at {@code pos} and returns the
     * position after it; a malformed sequence is {@link IllegalArgumentException}.
     */
    static int unescape(String text, int pos, StringBuilder out) {
        char e = text.charAt(pos);
        switch (e) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"', '\\', '/' -> out.append(e);
            case 'u' -> {
                if (pos + 5 > text.length()) {
                    throw new IllegalArgumentException("invalid input syntax for type json: bad \\u escape");
                }
                out.append((char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16));
                return pos + 5;
            }
            default -> throw new IllegalArgumentException("invalid input syntax for type json: bad escape \\" + e);
        }
        return pos + 1;
    }

    private void expect(char c) throws SQLException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw invalid();
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SQLException invalid() {
        return new SQLException("invalid input syntax for type json: " + text, "22P02");
    }
}
