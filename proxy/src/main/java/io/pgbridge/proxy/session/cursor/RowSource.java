package io.pgbridge.proxy.session.cursor;

/** The rows of a cursor's query, read forward once: the backend's open result set. */
public interface RowSource extends AutoCloseable {
    /** The next row's values, or null after the last. */
    Object[] next() throws Exception;

    /** Releases the result set; safe to call more than once. */
    @Override
    void close();
}
