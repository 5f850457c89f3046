package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Turns the bytes of COPY FROM STDIN into rows as CopyData frames arrive; a frame may end anywhere, in the middle of
 * a row or of a multi-byte character, so only the unfinished row is kept between frames. Each row reaches the
 * {@link RowSink} as one value per column: a String (text, CSV), a byte[] (binary) or null for NULL.
 */
public abstract sealed class CopyRowDecoder permits LineRowDecoder, BinaryRowDecoder {

    /** Receives the decoded rows, in order. */
    public interface RowSink {
        void row(Object[] values) throws Exception;
    }

    /** PostgreSQL shows at most this many bytes of a line in a CONTEXT and adds "..." (limit_printout_length). */
    private static final int MAX_DISPLAYED_BYTES = 100;

    final CopyOptions options;
    final List<String> columnNames;
    /** The table's name for CONTEXT lines. */
    private final String relation;
    /** The bytes received but not yet decoded: at most one unfinished row. */
    final ByteBuf pending = Unpooled.buffer(8192);
    private final CharsetDecoder charset;
    /** Whether ASCII bytes are those characters in the data's encoding (decoded without the decoder, faster). */
    private final boolean asciiSuperset;
    /** The 1-based number of the line (record) being decoded, as PostgreSQL counts it, header included. */
    long line;
    /** Whether the end-of-data marker {@code \.} (or binary's trailer) was seen: what follows is ignored. */
    boolean ended;

    CopyRowDecoder(CopyOptions options, List<String> columnNames, String relation) {
        this.options = options;
        this.columnNames = columnNames;
        this.relation = relation;
        this.asciiSuperset = options.encoding().equals(StandardCharsets.UTF_8)
                || options.encoding().equals(StandardCharsets.ISO_8859_1);
        this.charset = options.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** {@code relation}: the table's name as CONTEXT lines show it. */
    public static CopyRowDecoder of(CopyOptions options, List<String> columnNames, String relation) {
        return switch (options.format()) {
            case TEXT -> new TextRowDecoder(options, columnNames, relation);
            case CSV -> new CsvRowDecoder(options, columnNames, relation);
            case BINARY -> new BinaryRowDecoder(options, columnNames, relation);
        };
    }

    /** Decodes what {@code data} completes; the rest waits for the next frame. */
    public final void feed(byte[] data, RowSink sink) throws Exception {
        if (ended) {
            return;
        }
        pending.writeBytes(data);
        decode(sink, false);
        pending.discardReadBytes();
    }

    /** CopyDone: the last row may lack its line end; an unfinished row is an error. */
    public final void finish(RowSink sink) throws Exception {
        if (!ended) {
            decode(sink, true);
        }
        pending.release();
    }

    /** Drops what is buffered (the COPY failed). */
    public final void discard() {
        if (pending.refCnt() > 0) {
            pending.release();
        }
    }

    public final long line() {
        return line;
    }

    /**
     * PostgreSQL's CONTEXT for an error at line {@code lineNumber}: {@code COPY t, line 3}, followed by the line
     * when it was read whole ({@code line != null}), or by the column and its value.
     */
    public final String context(long lineNumber, String lineText) {
        return "COPY " + relation + ", line " + lineNumber + (lineText == null ? "" : ": \"" + lineText + "\"");
    }

    /** The context of an error about column {@code column}'s value ({@code value} null for binary data). */
    public final String columnContext(String column, String value) {
        return "COPY " + relation + ", line " + line + ", column " + column
                + (value == null ? "" : ": \"" + displayed(value) + "\"");
    }

    abstract void decode(RowSink sink, boolean atEnd) throws Exception;

    /** Text of {@code length} bytes at {@code offset}, in the data's encoding; bad bytes are 22021 as in PostgreSQL. */
    final String string(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (asciiSuperset && plainAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            String s = charset.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            if (s.indexOf('\0') >= 0) {
                throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00");
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \""
                    + encodingName(options.encoding()) + "\": " + firstBadBytes(bytes, offset, length));
        }
    }

    /** No byte with the high bit set and no NUL: the same characters in every encoding PostgreSQL lets clients use. */
    private static boolean plainAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text of bytes as they came from the client: PostgreSQL checks the encoding while reading a line, before the
     * line is whole, so its CONTEXT names the line number only.
     */
    final String rawString(byte[] bytes, int offset, int length) {
        try {
            return string(bytes, offset, length);
        } catch (PgException e) {
            throw e.withContext(context(line, null));
        }
    }

    /** A line for a CONTEXT: at most 100 bytes, cut at a character boundary, then "...". */
    final String displayed(byte[] bytes, int offset, int length) {
        if (length <= MAX_DISPLAYED_BYTES) {
            return lenient(bytes, offset, length);
        }
        int cut = MAX_DISPLAYED_BYTES;
        while (cut > 0 && (bytes[offset + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return lenient(bytes, offset, cut) + "...";
    }

    /** A value for a CONTEXT, shortened as {@link #displayed(byte[], int, int)} does. */
    static String displayed(String value) {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= MAX_DISPLAYED_BYTES) {
            return value;
        }
        int cut = MAX_DISPLAYED_BYTES;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(bytes, 0, cut, java.nio.charset.StandardCharsets.UTF_8) + "...";
    }

    private String lenient(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, options.encoding());
    }

    final PgException missingData(int column) {
        return new PgException(SqlState.BAD_COPY_FILE_FORMAT,
                "missing data for column \"" + columnNames.get(column) + "\"");
    }

    static PgException extraData() {
        return new PgException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column");
    }

    /** HEADER MATCH: the header's names must be the columns', in order. */
    final void matchHeader(Object[] names) {
        for (int i = 0; i < names.length; i++) {
            String expected = columnNames.get(i);
            Object got = names[i];
            if (got == null) {
                throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field "
                        + (i + 1) + ": got null value (\"" + options.nullString() + "\"), expected \"" + expected + "\"");
            }
            if (!expected.equals(got)) {
                throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field "
                        + (i + 1) + ": got \"" + got + "\", expected \"" + expected + "\"");
            }
        }
    }

    private static String encodingName(Charset charset) {
        return charset.equals(java.nio.charset.StandardCharsets.UTF_8) ? "UTF8" : charset.name();
    }

    /** PostgreSQL names the offending bytes: {@code 0xff} or {@code 0xe2 0x28}. */
    private static String firstBadBytes(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                StringBuilder s = new StringBuilder();
                for (int j = i; j < Math.min(i + 2, offset + length); j++) {
                    s.append(j > i ? " " : "").append(String.format("0x%02x", bytes[j] & 0xFF));
                }
                return s.toString();
            }
        }
        return "0x00";
    }
}
