package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PostgreSQL's uuid input for {@code '…'::uuid} on backends that store uuids as text: 32 hex digits, a hyphen
 * allowed after any group of four, the whole optionally in braces, no spaces. Written out as PostgreSQL prints it
 * (lower case, 8-4-4-4-12); anything else is refused with PostgreSQL's 22P02.
 */
final class UuidText {
    private static final Pattern INPUT = Pattern.compile("\\{?[0-9a-fA-F]{4}(?:-?[0-9a-fA-F]{4}){7}}?");

    private UuidText() {
    }

    static String canonical(String text) {
        boolean braced = text.startsWith("{");
        if (!INPUT.matcher(text).matches() || braced != text.endsWith("}")) {
            throw new TranslationException("22P02", "invalid input syntax for type uuid: \"" + text + "\"", 0);
        }
        String hex = text.replaceAll("[{}-]", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
