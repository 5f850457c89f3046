package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.PostgresKeywords;

/**
 * Identifiers as PostgreSQL prints them in catalog output (quote_identifier): quoted unless lower-case letters,
 * digits and _ that are no keyword but an unreserved one.
 */
final class QuotedNames {
    private QuotedNames() {
    }

    static String quoteIfNeeded(String name) {
        return PostgresKeywords.quoteIdentifier(name);
    }

    /** The last part of a possibly qualified, possibly quoted name: {@code public."T"} → {@code T}. */
    static String lastPart(String name) {
        String last = name.trim();
        int dot = last.lastIndexOf('.');
        if (dot >= 0 && !(last.endsWith("\"") && last.lastIndexOf('"', last.length() - 2) > dot)) {
            last = last.substring(dot + 1);
        }
        if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
            return last.substring(1, last.length() - 1).replace("\"\"", "\"");
        }
        return last.toLowerCase(java.util.Locale.ROOT);
    }
}
