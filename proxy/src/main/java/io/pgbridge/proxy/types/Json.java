package io.pgbridge.proxy.types;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader. {@code json} only needs the input checked (PostgreSQL keeps json text verbatim);
 * {@code jsonb} prints its canonical form: {@code {"a": 1, "b": [1, 2]}}, keys shortest first then by bytes,
 * the last duplicate key wins, numbers as numeric prints them, strings re-escaped.
 */
final class Json {
    private static final Object NULL = new Object();

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Throws 22P02 unless {@code text} is one JSON value. */
    static void validate(String text) {
        parse(text);
    }

    /** The text jsonb_out writes for this value. */
    static String canonical(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        write(parse(text), sb);
        return sb.toString();
    }

    /**
     * The elements of a JSON array as PostgreSQL's text of each: strings unquoted, numbers and true/false as
     * written, null as Java null, nested arrays and objects as their canonical JSON. Backends without arrays store
     * them as JSON arrays; this turns one back into what array_in would read element by element.
     */
    static List<String> arrayElements(String text) {
        if (!(parse(text) instanceof List<?> list)) {
            throw new PgTypeException("22P02", "malformed array literal: \"" + text + "\"");
        }
        List<String> elements = new ArrayList<>(list.size());
        for (Object value : list) {
            if (value == NULL) {
                elements.add(null);
            } else if (value instanceof String s) {
                elements.add(s);
            } else if (value instanceof BigDecimal || value instanceof Boolean) {
                elements.add(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            } else {
                StringBuilder sb = new StringBuilder();
                write(value, sb);
                elements.add(sb.toString());
            }
        }
        return elements;
    }

    /** {@code s} as a JSON string, quoted and escaped. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    private static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error();
        }
        return v;
    }

    private PgTypeException error() {
        return new PgTypeException("22P02", "invalid input syntax for type json");
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Object value(int depth) {
        if (pos >= text.length() || depth > 6400) {
            throw error();
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                return number();
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error();
        }
        pos += word.length();
        return value;
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error();
            }
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw error();
            }
            pos++;
            skipSpace();
            Object v = value(depth + 1);
            map.remove(key); // the last duplicate wins and takes no earlier position
            map.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error();
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error();
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error();
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error();
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error();
                    }
                    int cp = Integer.parseInt(checkHex(text.substring(pos, pos + 4)), 16);
                    pos += 4;
                    if (cp == 0) {
                        throw new PgTypeException("22P05", "unsupported Unicode escape sequence");
                    }
                    sb.append((char) cp);
                }
                default -> throw error();
            }
            start = pos;
        }
    }

    private String checkHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw error();
            }
        }
        return s;
    }

    /** JSON number grammar: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?. */
    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error();
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error();
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error();
            }
        }
        BigDecimal d = new BigDecimal(text.substring(start, pos));
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    @SuppressWarnings("unchecked")
    private static void write(Object v, StringBuilder sb) {
        if (v == NULL) {
            sb.append("null");
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(list.get(i), sb);
            }
            sb.append(']');
        } else {
            Map<String, Object> map = (Map<String, Object>) v;
            String[] keys = map.keySet().toArray(new String[0]);
            byte[][] utf8 = new byte[keys.length][];
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < keys.length; i++) {
                utf8[i] = keys[i].getBytes(StandardCharsets.UTF_8);
                order[i] = i;
            }
            // jsonb key order: shorter first, then bytewise
            Arrays.sort(order, (a, b) -> utf8[a].length != utf8[b].length
                    ? Integer.compare(utf8[a].length, utf8[b].length) : Arrays.compareUnsigned(utf8[a], utf8[b]));
            sb.append('{');
            for (int i = 0; i < order.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                quote(keys[order[i]], sb);
                sb.append(": ");
                write(map.get(keys[order[i]]), sb);
            }
            sb.append('}');
        }
    }

    /** escape_json: the short escapes, other control characters as lower-case hex escapes (backslash, u, 00xx). */
    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
