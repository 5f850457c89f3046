package io.pgbridge.translation.ddl;

import java.util.Locale;

/**
 * An identifier as PostgreSQL resolves it: unquoted names fold to lower case, quoted ones keep their case. Every
 * target gets it double-quoted, so {@code CREATE TABLE Foo} and {@code select * from foo} meet on all backends and
 * a backend keyword ({@code key} on MariaDB, {@code value} on H2) can still name a column.
 *
 * @param value the name after folding and unquoting
 */
record Name(String value) {

    /** The name of an identifier token's text: {@code Foo} → {@code foo}, {@code "Foo"} → {@code Foo}. */
    static Name of(String tokenText) {
        if (tokenText.startsWith("\"")) {
            return new Name(tokenText.substring(1, tokenText.length() - 1).replace("\"\"", "\""));
        }
        if (tokenText.regionMatches(true, 0, "U&\"", 0, 3)) {
            return null;   // Unicode escapes in names: rare enough to refuse rather than decode
        }
        return new Name(tokenText.toLowerCase(Locale.ROOT));
    }

    /** The double-quoted spelling, which H2 (DATABASE_TO_LOWER), MariaDB (ANSI_QUOTES) and SQLite all read. */
    String quoted() {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return quoted();
    }
}
