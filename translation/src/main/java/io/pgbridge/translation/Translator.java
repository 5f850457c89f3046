package io.pgbridge.translation;

/**
 * Turns one PostgreSQL statement (no trailing semicolon) into the SQL of one backend. {@code $n} parameters stay
 * {@code $n} in the output, in their places; values are never inlined. Implementations are thread-safe and
 * stateless: the same input always gives the same output, which is what lets {@link CachingTranslator} share them.
 *
 * <p>A translator must not decide anything from the value of a plain literal that stands where a value is compared,
 * assigned or listed ({@code a = 5}, {@code VALUES ('x')}): the cache translates such statements once, with stand-ins
 * for those literals, and reuses the result for other values. It may copy, move or drop such a literal, or build a
 * new literal from it (the cache notices and stops reusing); it must not choose a different rewrite because of it,
 * unless it claims such literals with {@link #readsLiteral}.
 * Literals that are function arguments, typed ({@code DATE '…'}, {@code '…'::t}) or next to other operators are
 * never replaced and may be looked at freely.
 */
public interface Translator {

    /**
     * @throws TranslationException with SQLSTATE {@code 0A000} for a construct the backend cannot express, or
     *     {@code 42601} (with a position) for text that is not valid PostgreSQL
     */
    Translation translate(String statement);

    /**
     * Whether this translator's output depends on the value of the plain literal {@code literal} (its token text,
     * quotes included) even where it stands as a value, so the cache must keep it rather than stand in for it.
     */
    default boolean readsLiteral(String literal) {
        return false;
    }
}
