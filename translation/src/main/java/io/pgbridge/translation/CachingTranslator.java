package io.pgbridge.translation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers translations by statement shape, so that a statement seen before, or one that differs only in its plain
 * literals ({@link LiteralShape}), costs a lexer pass and a lookup instead of a parse. Failures are remembered too:
 * a rejected parse is the most expensive kind.
 *
 * <p>A shape's translation becomes a template when each literal's stand-in appears exactly once in it; the
 * statement's own literals are then put back in their places. A translation that rewrote a stand-in (it looked at
 * the value) is not a template, and statements of that shape are translated one by one.
 */
public final class CachingTranslator implements Translator {
    private final Translator delegate;
    private final Cache<String, Entry> cache;
    /**
     * Translations by exact text, in front of the shape cache: a statement sent again as it was (a script, an ORM's
     * fixed query) costs a hash and a lookup instead of the lexer pass the shape needs (2–5 µs for a 300-character
     * join here). A text is kept from its second sighting on ({@link #seenOnce}), so that one-off texts (pgbench's
     * simple mode, a new literal every time) cost nothing here.
     */
    private final Cache<String, Translation> byText;
    /**
     * Hashes of texts seen once, one slot per hash bucket: a text whose hash is already in its slot is kept by text.
     * Unsynchronised on purpose: a lost or torn-free int write only delays a text's admission.
     */
    private final int[] seenOnce = new int[4096];

    private sealed interface Entry {
    }

    /** The translated text cut at each literal's place; {@code slots[i]} is the literal after {@code parts[i]}. */
    private record Template(String[] parts, int[] slots, Translation hints) implements Entry {
    }

    private record Failure(TranslationException error) implements Entry {
    }

    /** The shape's translation depends on its literals' values. */
    private record ValueDependent() implements Entry {
    }

    /** A translation of a statement without replaceable literals. */
    private record Exact(Translation translation) implements Entry {
    }

    public CachingTranslator(Translator delegate, long maximumEntries) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder().maximumSize(maximumEntries).build();
        this.byText = Caffeine.newBuilder().maximumSize(maximumEntries).build();
    }

    @Override
    public Translation translate(String statement) {
        Translation known = byText.getIfPresent(statement);
        if (known != null) {
            return known;
        }
        LiteralShape shape = LiteralShape.of(statement, delegate::readsLiteral);
        Entry entry = shape == null ? cache.get(statement, this::translateExactly)
                : cache.get(shape.shape(), key -> translateShape(shape));
        Translation translation = resolve(entry, statement, shape);   // a Failure throws: not kept by text
        int hash = statement.hashCode();
        int slot = hash & (seenOnce.length - 1);
        if (seenOnce[slot] == hash) {
            byText.put(statement, translation);
        } else {
            seenOnce[slot] = hash;
        }
        return translation;
    }

    private Translation resolve(Entry entry, String statement, LiteralShape shape) {
        return switch (entry) {
            case Exact exact -> exact.translation();
            case Template template -> template.hints().withSql(fill(template, shape));
            case Failure failure -> throw relocated(failure.error(), shape);
            case ValueDependent ignored -> delegate.translate(statement);
        };
    }

    private Entry translateExactly(String statement) {
        try {
            return new Exact(delegate.translate(statement));
        } catch (TranslationException e) {
            return new Failure(e);
        }
    }

    private Entry translateShape(LiteralShape shape) {
        Translation translation;
        try {
            translation = delegate.translate(shape.shape());
        } catch (TranslationException e) {
            return new Failure(e);
        }
        if (!translation.followUps().isEmpty()) {
            return new ValueDependent();   // the literals are in two statements; one template holds one
        }
        String sql = translation.sql();
        List<LiteralShape.Literal> literals = shape.literals();
        int[] at = new int[literals.size()];
        for (int i = 0; i < literals.size(); i++) {
            String standIn = literals.get(i).standIn();
            int first = sql.indexOf(standIn);
            if (first < 0 || sql.indexOf(standIn, first + 1) >= 0 || !standsAlone(sql, first, standIn.length())) {
                return new ValueDependent();
            }
            at[i] = first;
        }
        // Literals may come out in another order than they went in (a rewrite can move an expression).
        Integer[] order = new Integer[at.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(at[a], at[b]));
        List<String> parts = new ArrayList<>(at.length + 1);
        int[] slots = new int[at.length];
        int copied = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            parts.add(sql.substring(copied, at[i]));
            slots[k] = i;
            copied = at[i] + literals.get(i).standIn().length();
        }
        parts.add(sql.substring(copied));
        return new Template(parts.toArray(String[]::new), slots, translation);
    }

    /** The stand-in is a whole token there, not part of a longer number or word. */
    private static boolean standsAlone(String sql, int at, int length) {
        return (at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1)) && sql.charAt(at - 1) != '.')
                && (at + length == sql.length() || !Character.isLetterOrDigit(sql.charAt(at + length))
                        && sql.charAt(at + length) != '.');
    }

    private static String fill(Template template, LiteralShape shape) {
        List<LiteralShape.Literal> literals = shape.literals();
        String[] parts = template.parts();
        int length = 0;
        for (String part : parts) {
            length += part.length();
        }
        StringBuilder out = new StringBuilder(length + 16 * literals.size());
        for (int k = 0; k < template.slots().length; k++) {
            out.append(parts[k]).append(literals.get(template.slots()[k]).original());
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    private static TranslationException relocated(TranslationException error, LiteralShape shape) {
        if (shape == null || error.position() == 0) {
            return error;
        }
        return new TranslationException(error.sqlState(), error.getMessage(), shape.originalPosition(error.position()));
    }

    /** Shape entries held now; for tests and metrics. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
