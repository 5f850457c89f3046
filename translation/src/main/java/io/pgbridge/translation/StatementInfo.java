package io.pgbridge.translation;

import java.util.List;

/**
 * The classification of one statement.
 *
 * @param kind what the statement does
 * @param tag PostgreSQL's command tag without the row count ({@code "SELECT"}, {@code "INSERT"},
 *     {@code "CREATE TABLE"}, ...); {@code null} for {@link StatementKind#EMPTY} (PostgreSQL
 *     answers EmptyQueryResponse) and {@link StatementKind#EXECUTE} (the tag is that of the
 *     prepared statement, which only the session knows)
 * @param returnsRows whether the statement is known to return rows: queries, SHOW, EXPLAIN,
 *     FETCH, and INSERT/UPDATE/DELETE/MERGE with a top-level RETURNING. False when unknown
 *     (EXECUTE, CALL with OUT parameters), and for SELECT INTO, which creates a table
 * @param words the statement's leading unquoted words, lowercased, up to the first token that is
 *     not a word (at most 16): {@code SET LOCAL search_path TO x, y} gives {@code [set, local,
 *     search_path, to, x]}. For parsing SET, RESET, SHOW, BEGIN and friends further
 */
public record StatementInfo(StatementKind kind, String tag, boolean returnsRows, List<String> words) {

    public StatementInfo {
        words = List.copyOf(words);
    }

    /**
     * The CommandComplete tag PostgreSQL sends: {@code "SELECT 5"}, {@code "INSERT 0 5"}, {@code
     * "UPDATE 5"}, ... for the counting tags, the fixed tag otherwise ({@code rowCount} ignored).
     * {@code null} when {@link #tag()} is null. Note PostgreSQL answers COMMIT of a failed
     * transaction with {@code ROLLBACK}; that is the session's business.
     */
    public String commandTag(long rowCount) {
        if (tag == null) {
            return null;
        }
        return switch (tag) {
            case "INSERT" -> "INSERT 0 " + rowCount;
            case "SELECT", "UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE" -> tag + " " + rowCount;
            default -> tag;
        };
    }

    /** Whether the tag carries a row count, i.e. {@link #commandTag} depends on it. */
    public boolean tagHasRowCount() {
        return tag != null && switch (tag) {
            case "INSERT", "SELECT", "UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE" -> true;
            default -> false;
        };
    }

    /** Whether this is BEGIN or START TRANSACTION. */
    public boolean startsTransaction() {
        return kind == StatementKind.BEGIN || kind == StatementKind.START_TRANSACTION;
    }

    /** Whether this is COMMIT/END or ROLLBACK/ABORT (not ROLLBACK TO SAVEPOINT). */
    public boolean endsTransaction() {
        return kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK;
    }
}
