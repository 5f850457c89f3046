package io.pgbridge.translation.calcite;

import java.util.Arrays;

/**
 * Text being rewritten together with, for each of its characters, the offset in the client's statement it came
 * from. Calcite reports syntax errors in the rewritten text; the client must see them where it typed them.
 */
final class MappedText {
    private final StringBuilder text = new StringBuilder();
    private int[] origins = new int[64];

    /** Appends {@code s}, every character of it attributed to {@code origin}. */
    MappedText append(String s, int origin) {
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i), origin);
        }
        return this;
    }

    /** Appends {@code source[start, end)} character by character from the same offsets. */
    MappedText copy(String source, int start, int end) {
        for (int i = start; i < end; i++) {
            add(source.charAt(i), i);
        }
        return this;
    }

    private void add(char c, int origin) {
        if (text.length() == origins.length) {
            origins = Arrays.copyOf(origins, origins.length * 2);
        }
        origins[text.length()] = origin;
        text.append(c);
    }

    char lastChar() {
        return text.charAt(text.length() - 1);
    }

    int length() {
        return text.length();
    }

    /** Removes and returns everything from {@code start} on, with its origins. */
    MappedText cut(int start) {
        MappedText tail = new MappedText();
        for (int i = start; i < text.length(); i++) {
            tail.add(text.charAt(i), origins[i]);
        }
        text.setLength(start);
        return tail;
    }

    /** Appends another mapped text, keeping its origins. */
    MappedText append(MappedText other) {
        for (int i = 0; i < other.text.length(); i++) {
            add(other.text.charAt(i), other.origins[i]);
        }
        return this;
    }

    /** The offset in the client's statement of character {@code index} (the end maps to the last character). */
    int originOf(int index) {
        if (text.isEmpty()) {
            return 0;
        }
        return origins[Math.max(0, Math.min(index, text.length() - 1))];
    }

    /** A piece of this text with its origins. */
    MappedText slice(int start, int end) {
        MappedText piece = new MappedText();
        for (int i = start; i < end; i++) {
            piece.add(text.charAt(i), origins[i]);
        }
        return piece;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
