package io.pgbridge.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of character ranges of one text, applied together; ranges must not overlap. */
public final class TextEdits {
    private record Edit(int start, int end, String text, int order) {
    }

    private final List<Edit> edits = new ArrayList<>();

    public TextEdits replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text, edits.size()));
        return this;
    }

    public TextEdits insert(int at, String text) {
        return replace(at, at, text);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    public String applyTo(String text) {
        if (edits.isEmpty()) {
            return text;
        }
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::order));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (Edit edit : sorted) {
            if (edit.start() < copied) {
                throw new IllegalStateException("overlapping edits at " + edit.start());
            }
            out.append(text, copied, edit.start()).append(edit.text());
            copied = edit.end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
