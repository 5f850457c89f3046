package io.pgbridge.proxy.compat;

/**
 * One statement of the compatibility corpus.
 *
 * @param id stable name from its {@code -- id:} comment; baselines and the report refer to it, so it survives edits
 *           and moves that a line number would not
 * @param file corpus file name, e.g. {@code 03-queries.sql}
 * @param line line of the statement's first token in that file, for people reading the report
 * @param sql the statement without its semicolon
 * @param expectedError SQLSTATE PostgreSQL must answer with, or null when PostgreSQL must accept the statement
 * @param ordered whether the statement has a top-level ORDER BY, so that its rows compare in order
 */
record CorpusStatement(String id, String file, int line, String sql, String expectedError, boolean ordered) {

    /** {@code file:line}, where to find the statement. */
    String location() {
        return file + ":" + line;
    }
}
