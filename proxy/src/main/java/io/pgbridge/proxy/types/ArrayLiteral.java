package io.pgbridge.proxy.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a one-dimensional array literal ({@code {a,"b c",NULL}}, optionally {@code [1:3]={…}}) into element
 * strings, null for an unquoted NULL, following array_in's quoting and backslash rules.
 */
final class ArrayLiteral {
    private final String text;
    private int pos;

    ArrayLiteral(String text) {
        this.text = text;
    }

    private PgTypeException malformed() {
        return new PgTypeException("22P02", "malformed array literal: \"" + text + "\"");
    }

    List<String> parse() {
        skipSpaces();
        if (peek() == '[') {
            // dimension decoration: the bounds do not change a one-dimensional list
            int eq = text.indexOf('=', pos);
            if (eq < 0) {
                throw malformed();
            }
            pos = eq + 1;
            skipSpaces();
        }
        if (peek() != '{') {
            throw malformed();
        }
        pos++;
        List<String> items = new ArrayList<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return end(items);
        }
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '{') {
                throw new PgTypeException("0A000", "multidimensional arrays are not supported");
            }
            items.add(c == '"' ? quoted() : unquoted());
            skipSpaces();
            c = peek();
            pos++;
            if (c == '}') {
                return end(items);
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    private List<String> end(List<String> items) {
        skipSpaces();
        if (pos != text.length()) {
            throw malformed();
        }
        return items;
    }

    private String quoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw malformed();
                }
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
    }

    /** Up to the next unescaped comma or brace; trailing white space dropped; bare NULL is SQL NULL. */
    private String unquoted() {
        StringBuilder sb = new StringBuilder();
        boolean escaped = false;
        int keep = 0; // length up to the last escaped or non-space character
        while (true) {
            if (pos >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(pos);
            if (c == ',' || c == '}') {
                break;
            }
            if (c == '{' || c == '"') {
                throw malformed();
            }
            pos++;
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw malformed();
                }
                sb.append(text.charAt(pos++));
                escaped = true;
                keep = sb.length();
                continue;
            }
            sb.append(c);
            if (!Ascii.isSpace(c)) {
                keep = sb.length();
            }
        }
        sb.setLength(keep);
        if (sb.isEmpty()) {
            throw malformed();
        }
        String s = sb.toString();
        return !escaped && s.equalsIgnoreCase("NULL") ? null : s;
    }

    private void skipSpaces() {
        while (pos < text.length() && Ascii.isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
