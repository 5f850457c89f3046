package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.TextContext;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text and CSV output: a line per row, values in their type's text form separated by the delimiter, NULL as the
 * NULL string; the format decides how a value is escaped or quoted. The HEADER line is the column names, written
 * as values.
 */
abstract sealed class DelimitedRowEncoder extends CopyRowEncoder permits TextRowEncoder, CsvRowEncoder {
    /** One value's text form, before escaping. */
    private final ByteBuf scratch = Unpooled.buffer(256);
    final byte[] nullBytes;
    private final CharsetEncoder transcoder;

    DelimitedRowEncoder(CopyOptions options) {
        super(options);
        this.nullBytes = options.nullString().getBytes(options.encoding());
        this.transcoder = options.encoding().equals(StandardCharsets.UTF_8) ? null
                : options.encoding().newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The type codecs write UTF-8; with ENCODING 'LATIN1' and the like each value is converted. */
    private void transcode(ByteBuf value) {
        if (transcoder == null) {
            return;
        }
        String text = value.toString(StandardCharsets.UTF_8);
        try {
            java.nio.ByteBuffer encoded = transcoder.encode(java.nio.CharBuffer.wrap(text));
            value.clear().writeBytes(encoded);
        } catch (CharacterCodingException e) {
            throw new PgException(SqlState.UNTRANSLATABLE_CHARACTER, "character in \"" + text
                    + "\" has no equivalent in encoding \"" + options.encoding().name() + "\"");
        }
    }

    /** Appends {@code value} escaped or quoted as the format wants; {@code column} is -1 in the header. */
    abstract void writeValue(ByteBuf value, int column, ByteBuf out);

    @Override
    public final boolean header(List<String> names, ByteBuf out) {
        if (!options.header()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.writeByte(options.delimiter());
            }
            scratch.clear().writeCharSequence(names.get(i), StandardCharsets.UTF_8);
            transcode(scratch);
            writeValue(scratch, -1, out);
        }
        out.writeByte('\n');
        return true;
    }

    @Override
    public final void row(PgType<Object>[] types, Object[] values, ByteBuf out, TextContext context) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.writeByte(options.delimiter());
            }
            if (values[i] == null) {
                out.writeBytes(nullBytes);
                continue;
            }
            scratch.clear();
            types[i].encodeText(values[i], scratch, context);
            transcode(scratch);
            writeValue(scratch, i, out);
        }
        out.writeByte('\n');
    }
}
