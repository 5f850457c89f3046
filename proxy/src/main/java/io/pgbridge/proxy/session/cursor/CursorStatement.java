package io.pgbridge.proxy.session.cursor;

/**
 * One of PostgreSQL's cursor statements, read from its text: DECLARE, FETCH or MOVE, CLOSE. Malformed text gets
 * PostgreSQL's 42601 with the position of the offending token, conflicting options its 42P11.
 */
public sealed interface CursorStatement {

    /** {@code DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH|WITHOUT} HOLD] FOR query}. */
    record Declare(String name, boolean binary, Scroll scroll, boolean hold, String query, int queryOffset)
            implements CursorStatement {
    }

    /** {@code FETCH}, or {@code MOVE} when {@code move}: the direction and count in PostgreSQL's normal form. */
    record Fetch(String name, FetchDirection direction, long count, boolean move) implements CursorStatement {
        /** PostgreSQL's FETCH_ALL. */
        public static final long ALL = Long.MAX_VALUE;
    }

    /** {@code CLOSE name}, or {@code CLOSE ALL} when {@code name} is null. */
    record Close(String name) implements CursorStatement {
    }

    /** Whether the cursor may move backwards: as the declaration says, or, left open, as PostgreSQL decides. */
    enum Scroll { UNSPECIFIED, SCROLL, NO_SCROLL }

    /** PostgreSQL's FetchDirection. */
    enum FetchDirection { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }

    /** Reads one cursor statement; throws PostgreSQL's syntax error for anything else. */
    static CursorStatement parse(String sql) {
        return new CursorStatementReader(sql).statement();
    }
}
