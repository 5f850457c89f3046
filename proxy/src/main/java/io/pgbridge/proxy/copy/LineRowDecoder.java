package io.pgbridge.proxy.copy;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The line-based formats (text and CSV): a row ends at {@code \n}, {@code \r\n} or {@code \r} outside what the format
 * escapes or quotes; {@code \.} alone on a line ends the data; with HEADER the first line is skipped (or, with
 * HEADER MATCH, compared with the column names).
 */
abstract sealed class LineRowDecoder extends CopyRowDecoder permits TextRowDecoder, CsvRowDecoder {
    final byte[] nullBytes;
    /** The field being de-escaped or unquoted. */
    final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;

    LineRowDecoder(CopyOptions options, List<String> columnNames) {
        super(options, columnNames);
        this.nullBytes = options.nullString().getBytes(options.encoding());
    }

    /** A new line starts: scanning state (CSV's open quote) is reset. */
    abstract void beginLine();

    /**
     * The index after the data that starts at {@code i}: {@code i} itself when {@code buf[i]} ends the line, -1 when
     * the bytes up to {@code end} do not tell yet (an escape or a quote cut by the frame's end).
     */
    abstract int skipData(byte[] buf, int i, int end, boolean atEnd);

    /** The values of one line: one per column, null for NULL. */
    abstract Object[] fields(byte[] buf, int from, int to);

    @Override
    final void decode(RowSink sink, boolean atEnd) throws Exception {
        byte[] buf = pending.array();
        int base = pending.arrayOffset();
        while (pending.isReadable() && !ended) {
            int start = base + pending.readerIndex();
            int end = base + pending.writerIndex();
            int eol = -1;
            int next = -1;
            beginLine();
            for (int i = start; i < end; ) {
                int after = skipData(buf, i, end, atEnd);
                if (after < 0) {
                    break;
                }
                if (after > i) {
                    i = after;
                    continue;
                }
                if (buf[i] == '\r' && i + 1 >= end && !atEnd) {
                    break;   // \r\n may be split between two frames
                }
                eol = i;
                next = buf[i] == '\r' && i + 1 < end && buf[i + 1] == '\n' ? i + 2 : i + 1;
                break;
            }
            if (eol < 0) {
                if (!atEnd) {
                    return;
                }
                eol = end;
                next = end;
            }
            pending.readerIndex(next - base);
            line(buf, start, eol - start, sink);
        }
    }

    private void line(byte[] buf, int start, int length, RowSink sink) throws Exception {
        line++;
        lineBytes = buf;
        lineStart = start;
        lineLength = length;
        if (length == 2 && buf[start] == '\\' && buf[start + 1] == '.') {
            ended = true;
            return;
        }
        Object[] values = fields(buf, start, start + length);
        if (line == 1 && options.header()) {
            if (options.headerMatch()) {
                matchHeader(values);
            }
            return;
        }
        sink.row(values);
    }

    /** Whether the raw bytes {@code [from, to)} are the NULL string. */
    final boolean isNullString(byte[] buf, int from, int to) {
        return to - from == nullBytes.length && java.util.Arrays.equals(buf, from, to, nullBytes, 0, nullBytes.length);
    }

    @Override
    public final String lineText() {
        return lineBytes == null ? "" : displayed(lineBytes, lineStart, lineLength);
    }
}
