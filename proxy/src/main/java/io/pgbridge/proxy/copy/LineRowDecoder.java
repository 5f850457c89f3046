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
    /** How lines end, learnt from the first line as PostgreSQL does; mixing styles is an error. */
    private enum LineEnd { UNKNOWN, NL, CR, CRNL }

    private LineEnd lineEnd = LineEnd.UNKNOWN;

    LineRowDecoder(CopyOptions options, List<String> columnNames, String relation) {
        super(options, columnNames, relation);
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
                next = lineEnd(buf, i, end);
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

    /** Where the next line starts after the line end at {@code i}; checks it against the style of the first. */
    private int lineEnd(byte[] buf, int i, int end) {
        boolean crnl = buf[i] == '\r' && i + 1 < end && buf[i + 1] == '\n';
        LineEnd seen = buf[i] == '\n' ? LineEnd.NL : crnl ? LineEnd.CRNL : LineEnd.CR;
        if (lineEnd == LineEnd.UNKNOWN) {
            lineEnd = seen;
        } else if (seen != lineEnd && !(lineEnd == LineEnd.CR && seen == LineEnd.CRNL)) {
            throw strayLineEnd(seen == LineEnd.NL ? "newline" : "carriage return");
        }
        return seen == LineEnd.CRNL && lineEnd == LineEnd.CRNL ? i + 2 : i + 1;
    }

    /** PostgreSQL's error for a line end of another style than the first line's, at the line being read. */
    private io.pgbridge.proxy.error.PgException strayLineEnd(String what) {
        boolean newline = what.equals("newline");
        String hint = options.csv() ? "Use quoted CSV field to represent " + what + "."
                : "Use \"\\" + (newline ? "n" : "r") + "\" to represent " + what + ".";
        return new io.pgbridge.proxy.error.PgException("ERROR", io.pgbridge.proxy.error.SqlState.BAD_COPY_FILE_FORMAT.code(),
                (options.csv() ? "unquoted " : "literal ") + what + " found in data", null, hint, 0,
                context(line + 1, null), null);
    }

    private void line(byte[] buf, int start, int length, RowSink sink) throws Exception {
        line++;
        if (length == 2 && buf[start] == '\\' && buf[start + 1] == '.') {
            ended = true;
            return;
        }
        Object[] values;
        try {
            values = fields(buf, start, start + length);
        } catch (io.pgbridge.proxy.error.PgException e) {
            throw e.where() != null ? e : e.withContext(context(line, displayed(buf, start, length)));
        }
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
}
