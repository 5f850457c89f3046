package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.List;

/**
 * PostgreSQL's binary COPY format: the 11-byte signature {@code PGCOPY\n\377\r\n\0}, Int32 flags, Int32 header
 * extension length and the extension; then per row Int16 field count and (Int32 length, bytes) per field, -1 for
 * NULL; the trailer is a field count of -1. A row is decoded once all its bytes have arrived.
 */
final class BinaryRowDecoder extends CopyRowDecoder {
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private boolean headerRead;

    BinaryRowDecoder(CopyOptions options, List<String> columnNames, String relation) {
        super(options, columnNames, relation);
    }

    @Override
    void decode(RowSink sink, boolean atEnd) throws Exception {
        try {
            decodeRows(sink, atEnd);
        } catch (PgException e) {
            throw e.where() != null ? e : e.withContext(context(Math.max(line, 1), null));
        }
    }

    private void decodeRows(RowSink sink, boolean atEnd) throws Exception {
        if (!headerRead && !readHeader(atEnd)) {
            return;
        }
        while (!ended && pending.isReadable()) {
            Object[] row = readRow();
            if (row == null) {
                break;
            }
            if (!ended) {
                sink.row(row);
            }
        }
        if (atEnd && !ended) {
            // PostgreSQL accepts a missing trailer at a message boundary, but not half a row.
            if (pending.isReadable()) {
                throw badFormat("unexpected EOF in COPY data");
            }
        }
    }

    private boolean readHeader(boolean atEnd) {
        if (pending.readableBytes() < SIGNATURE.length + 8) {
            if (atEnd) {
                throw badFormat(pending.readableBytes() < SIGNATURE.length ? "COPY file signature not recognized"
                        : "invalid COPY file header (missing flags)");
            }
            return false;
        }
        int start = pending.readerIndex();
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (pending.getByte(start + i) != SIGNATURE[i]) {
                throw badFormat("COPY file signature not recognized");
            }
        }
        int flags = pending.getInt(start + SIGNATURE.length);
        if (((flags & ~(1 << 16)) >>> 16) != 0) {
            throw badFormat("unrecognized critical flags in COPY file header");
        }
        if ((flags & (1 << 16)) != 0) {
            throw badFormat("COPY file with OIDs is not supported");   // pre-12 WITH OIDS data
        }
        long extension = pending.getUnsignedInt(start + SIGNATURE.length + 4);
        if (pending.readableBytes() < SIGNATURE.length + 8 + extension) {
            if (atEnd) {
                throw badFormat("invalid COPY file header (wrong length)");
            }
            return false;
        }
        pending.skipBytes((int) (SIGNATURE.length + 8 + extension));
        headerRead = true;
        line = 0;
        return true;
    }

    /** One row, or null when its bytes have not all arrived (nothing consumed then). */
    private Object[] readRow() {
        int start = pending.readerIndex();
        if (pending.readableBytes() < 2) {
            return null;
        }
        short count = pending.getShort(start);
        if (count == -1) {
            pending.skipBytes(2);
            ended = true;
            return new Object[0];
        }
        line++;
        if (count != columnNames.size()) {
            throw badFormat("row field count is " + count + ", expected " + columnNames.size());
        }
        int at = start + 2;
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            if (pending.writerIndex() - at < 4) {
                line--;
                return null;
            }
            int length = pending.getInt(at);
            at += 4;
            if (length == -1) {
                continue;
            }
            if (length < 0) {
                throw badFormat("invalid field size");
            }
            if (pending.writerIndex() - at < length) {
                line--;
                return null;
            }
            byte[] value = new byte[length];
            pending.getBytes(at, value);
            values[i] = value;
            at += length;
        }
        pending.readerIndex(at);
        return values;
    }

    private static PgException badFormat(String message) {
        return new PgException(SqlState.BAD_COPY_FILE_FORMAT, message);
    }
}
