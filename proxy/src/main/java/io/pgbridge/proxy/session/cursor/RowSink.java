package io.pgbridge.proxy.session.cursor;

/** Receives the rows a FETCH returns, one at a time, in the order the cursor passes them. */
@FunctionalInterface
public interface RowSink {
    void accept(Object[] row) throws Exception;

    /**
     * Called once before the first row, when the FETCH reaches its rows (even if there are none): where PostgreSQL
     * starts its receiver and sends the RowDescription. A FETCH refused before that sends none.
     */
    default void start() throws Exception {
    }
}
