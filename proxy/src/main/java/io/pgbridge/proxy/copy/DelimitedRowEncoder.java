package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.TextContext;

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

    DelimitedRowEncoder(CopyOptions options) {
        super(options);
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
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
            writeValue(scratch, i, out);
        }
        out.writeByte('\n');
    }
}
