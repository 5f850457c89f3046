package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;

/**
 * Checks that a {@code '…'::json} literal is JSON, for backends whose JSON functions take malformed text as NULL
 * (MariaDB) where PostgreSQL raises 22P02. A typed literal is never stood in by the statement cache, so its value
 * may be read here.
 */
final class JsonSyntax {
    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    static void check(String text) {
        JsonSyntax reader = new JsonSyntax(text);
        if (!reader.value(0) || reader.skipSpace() != text.length()) {
            throw new TranslationException("22P02", "invalid input syntax for type json", 0);
        }
    }

    private int skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return pos;
    }

    private boolean value(int depth) {
        if (skipSpace() >= text.length() || depth > 1000) {
            return false;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> items('}', true, depth);
            case '[' -> items(']', false, depth);
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        };
    }

    /** The members of an object or the elements of an array, from the opening bracket on. */
    private boolean items(char close, boolean members, int depth) {
        pos++;
        if (skipSpace() < text.length() && text.charAt(pos) == close) {
            pos++;
            return true;
        }
        while (true) {
            if (members && !(skipSpace() < text.length() && text.charAt(pos) == '"' && string()
                    && skipSpace() < text.length() && text.charAt(pos++) == ':')) {
                return false;
            }
            if (!value(depth + 1) || skipSpace() >= text.length()) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean string() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (pos >= text.length() || "\"\\/bfnrtu".indexOf(text.charAt(pos)) < 0) {
                    return false;
                }
                pos++;
            }
        }
        return false;
    }

    private boolean word(String word) {
        if (!text.startsWith(word, pos)) {
            return false;
        }
        pos += word.length();
        return true;
    }

    private boolean number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return pos > start && text.substring(start, pos).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }
}
