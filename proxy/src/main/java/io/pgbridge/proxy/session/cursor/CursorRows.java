package io.pgbridge.proxy.session.cursor;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The rows a cursor moves over, as PostgreSQL's executor hands them out: forward from the backend's result set as
 * it streams, and, for a cursor that may scroll, backward over the rows already read, which a {@link RowStore}
 * keeps. A forward-only cursor keeps nothing: each row goes from the result set to the client.
 *
 * <p>The scan position is 0 before the first row, {@code n} on row {@code n}, and one past the last row after it.
 */
public final class CursorRows implements AutoCloseable {
    private final RowStore.Factory storeFactory;
    private RowSource source;
    /** Rows read and kept, from row {@code store.first()} on; null while nothing needs keeping. */
    private RowStore store;
    /** Rows read from the source so far. */
    private long read;
    /** The number of rows once the source has run out, else -1. */
    private long total = -1;
    private long position;

    /**
     * {@code scrollable}: rows are kept as they are read, so the cursor can go back; else they are not kept until
     * {@link #materialise()}.
     */
    public CursorRows(RowSource source, RowStore.Factory storeFactory, boolean scrollable) {
        this.source = source;
        this.storeFactory = storeFactory;
        this.store = scrollable ? storeFactory.create(1) : null;
    }

    long forward(long count, RowSink sink) throws Exception {
        long n = 0;
        while (n < count) {
            Object[] row = row(position + 1);
            if (row == null) {
                position = total + 1;
                break;
            }
            position++;
            n++;
            if (sink != null) {
                sink.accept(row);
            }
        }
        return n;
    }

    long backward(long count, RowSink sink) throws Exception {
        long n = 0;
        while (n < count) {
            if (position <= 1) {
                position = 0;
                break;
            }
            position--;
            n++;
            if (sink != null) {
                sink.accept(row(position));
            }
        }
        return n;
    }

    void rewind() {
        position = 0;
    }

    /** Row {@code index} (1-based), read from the source when it is the next one; null past the last. */
    private Object[] row(long index) throws Exception {
        if (index <= read) {
            return store.get(index);
        }
        if (total >= 0) {
            return null;
        }
        Object[] row = source.next();
        if (row == null) {
            total = read;
            closeSource();
            return null;
        }
        read++;
        if (store != null) {
            store.add(row);
        }
        return row;
    }

    /**
     * Reads the rest of the result into the store and releases the result set: a WITH HOLD cursor outliving its
     * transaction, as PostgreSQL persists one at COMMIT. Rows before the position that were not kept stay gone.
     */
    public void materialise() throws Exception {
        if (store == null) {
            store = storeFactory.create(read + 1);
        }
        while (total < 0) {
            row(read + 1);
        }
    }

    private void closeSource() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    @Override
    public void close() {
        closeSource();
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store = null;
        }
    }
}
