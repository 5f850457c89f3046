package io.pgbridge.translation;

/**
 * What a statement does, as far as the session must know: transaction control changes its state
 * machine, row-returning kinds need a RowDescription, and the rest only need a command tag.
 * Every CREATE, ALTER and DROP is {@link #DDL}; {@link #OTHER} covers statements with no kind of
 * their own (REINDEX, CLUSTER, ...) and text that cannot be classified.
 */
public enum StatementKind {
    SELECT, VALUES, TABLE, SHOW,
    INSERT, UPDATE, DELETE, MERGE, COPY,
    DDL,
    BEGIN, START_TRANSACTION, COMMIT, ROLLBACK,
    SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT, PREPARE_TRANSACTION,
    SET, RESET, DISCARD,
    DEALLOCATE, PREPARE, EXECUTE,
    DECLARE, FETCH, MOVE, CLOSE,
    LISTEN, NOTIFY, UNLISTEN,
    LOCK, TRUNCATE, CALL, DO,
    EXPLAIN, VACUUM, ANALYZE, CHECKPOINT,
    COMMENT, GRANT, REVOKE,
    /** No statement at all: only whitespace, comments or semicolons. */
    EMPTY,
    OTHER
}
