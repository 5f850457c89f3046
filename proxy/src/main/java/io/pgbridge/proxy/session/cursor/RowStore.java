package io.pgbridge.proxy.session.cursor;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.types.PgType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows a scrollable or held cursor has read, by row number: the first {@code memoryRows} on the heap, the rest
 * spilled to a temporary file in PostgreSQL's binary form of each column (exact for every type), as PostgreSQL's
 * tuplestore spills past work_mem. The file is deleted when the store closes.
 */
public final class RowStore implements AutoCloseable {
    /** Makes the store of a cursor's rows, starting at row {@code first}. */
    @FunctionalInterface
    public interface Factory {
        RowStore create(long first);
    }

    private static final int WRITE_BUFFER = 64 * 1024;

    private final PgType<Object>[] types;
    private final int memoryRows;
    private final long first;
    private final List<Object[]> memory = new ArrayList<>();
    private FileChannel file;
    /** Where each spilled row starts in the file; one more entry than rows, the end of the last. */
    private long[] offsets = new long[1];
    private int spilled;
    private ByteBuf pending;
    private long written;

    public RowStore(PgType<Object>[] types, int memoryRows, long first) {
        this.types = types;
        this.memoryRows = memoryRows;
        this.first = first;
    }

    public long first() {
        return first;
    }

    public long size() {
        return memory.size() + (long) spilled;
    }

    /** Whether rows went to disk. */
    public boolean spilled() {
        return file != null;
    }

    public void add(Object[] row) throws IOException {
        if (file == null && memory.size() < memoryRows) {
            memory.add(row);
            return;
        }
        if (file == null) {
            Path path = Files.createTempFile("pgbridge-cursor-", ".rows");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.delete(path);   // gone at once where the system allows (not on Windows): nothing left by a crash
            } catch (IOException stillOpen) {
                // DELETE_ON_CLOSE removes it when the store closes
            }
            pending = Unpooled.buffer(WRITE_BUFFER);
        }
        // per column: Int32 length (-1 for NULL), then the value's binary form
        for (int i = 0; i < types.length; i++) {
            Object value = row[i];
            if (value == null) {
                pending.writeInt(-1);
                continue;
            }
            int lengthIndex = pending.writerIndex();
            pending.writeInt(0);
            types[i].encodeBinary(value, pending);
            pending.setInt(lengthIndex, pending.writerIndex() - lengthIndex - 4);
        }
        if (spilled + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        spilled++;
        offsets[spilled] = written + pending.readableBytes();
        if (pending.readableBytes() >= WRITE_BUFFER) {
            flush();
        }
    }

    /** Row {@code index}, which must have been added. */
    public Object[] get(long index) throws IOException {
        long i = index - first;
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("row " + index + " is not in the store");
        }
        if (i < memory.size()) {
            return memory.get((int) i);
        }
        int k = (int) (i - memory.size());
        flush();
        int length = (int) (offsets[k + 1] - offsets[k]);
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (file.read(bytes, offsets[k] + bytes.position()) < 0) {
                throw new IOException("cursor spill file ended early");
            }
        }
        ByteBuf in = Unpooled.wrappedBuffer(bytes.flip());
        Object[] row = new Object[types.length];
        for (int c = 0; c < types.length; c++) {
            int valueLength = in.readInt();
            if (valueLength >= 0) {
                row[c] = types[c].decodeBinary(in.readSlice(valueLength), valueLength);
            }
        }
        return row;
    }

    private void flush() throws IOException {
        if (pending == null || pending.readableBytes() == 0) {
            return;
        }
        ByteBuffer out = pending.nioBuffer();
        while (out.hasRemaining()) {
            written += file.write(out, written);
        }
        pending.clear();
    }

    @Override
    public void close() throws IOException {
        memory.clear();
        if (file != null) {
            file.close();   // DELETE_ON_CLOSE removes it
            file = null;
            pending.release();
            pending = null;
        }
    }
}
