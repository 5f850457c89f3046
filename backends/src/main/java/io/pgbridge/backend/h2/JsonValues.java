package io.pgbridge.backend.h2;

/**
 * Reads members and elements out of JSON text without building a tree: enough for PostgreSQL's {@code ->},
 * {@code ->>}, {@code #>} and {@code #>>} on a backend that stores JSON as text. Malformed JSON gives
 * {@link IllegalArgumentException}, which H2 reports as an error of the statement.
 */
final class JsonValues {
    private final String text;
    private int pos;

    private JsonValues(String text) {
        this.text = text;
    }

    /** The raw text of member {@code key} of the object {@code json}; null if absent or {@code json} is no object. */
    static String member(String json, String key) {
        JsonValues r = new JsonValues(json);
        r.skipSpace();
        if (!r.peek('{')) {
            return null;
        }
        r.pos++;
        r.skipSpace();
        if (r.peek('}')) {
            return null;
        }
        String found = null;
        while (true) {
            r.skipSpace();
            String name = r.readString();
            r.skipSpace();
            r.expect(':');
            r.skipSpace();
            int start = r.pos;
            r.skipValue();
            if (name.equals(key)) {
                found = json.substring(start, r.pos);   // the last duplicate wins, as in jsonb
            }
            r.skipSpace();
            if (r.peek(',')) {
                r.pos++;
            } else {
                r.expect('}');
                return found;
            }
        }
    }

    /** The raw text of element {@code index} (negative counts from the end) of the array {@code json}, or null. */
    static String element(String json, int index) {
        JsonValues r = new JsonValues(json);
        r.skipSpace();
        if (!r.peek('[')) {
            return null;
        }
        r.pos++;
        r.skipSpace();
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        if (!r.peek(']')) {
            while (true) {
                r.skipSpace();
                int start = r.pos;
                r.skipValue();
                spans.add(new int[] {start, r.pos});
                r.skipSpace();
                if (r.peek(',')) {
                    r.pos++;
                } else {
                    r.expect(']');
                    break;
                }
            }
        }
        int i = index < 0 ? spans.size() + index : index;
        return i < 0 || i >= spans.size() ? null : json.substring(spans.get(i)[0], spans.get(i)[1]);
    }

    /** What {@code ->>} gives for a value's raw text: a string's content, SQL NULL for JSON null, else the text. */
    static String asText(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.equals("null")) {
            return null;
        }
        if (value.startsWith("\"")) {
            return new JsonValues(value).readString();
        }
        return value;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("invalid input syntax for type json: expected '" + c + "' at character "
                    + (pos + 1));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipValue() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("invalid input syntax for type json: unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            pos++;
            skipSpace();
            if (peek(close)) {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                if (c == '{') {
                    readString();
                    skipSpace();
                    expect(':');
                    skipSpace();
                }
                skipValue();
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(close);
                    return;
                }
            }
        } else {
            int start = pos;
            while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("invalid input syntax for type json at character " + (pos + 1));
            }
        }
    }

    private String readString() {
        StringBuilder out = new StringBuilder();
        pos = JsonTree.readString(text, pos, out);
        return out.toString();
    }
}
