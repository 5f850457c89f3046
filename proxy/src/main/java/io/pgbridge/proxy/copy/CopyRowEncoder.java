package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.TextContext;

import java.util.List;

/**
 * Writes the rows of COPY TO STDOUT byte for byte as PostgreSQL 15 does ({@code copyto.c}); each row goes into the
 * body of one CopyData message, as PostgreSQL sends them. Values are written by their type's text or binary codec,
 * then escaped or quoted by the format.
 */
public abstract sealed class CopyRowEncoder permits DelimitedRowEncoder, BinaryRowEncoder {
    final CopyOptions options;

    CopyRowEncoder(CopyOptions options) {
        this.options = options;
    }

    public static CopyRowEncoder of(CopyOptions options, List<String> columnNames) {
        return switch (options.format()) {
            case TEXT -> new TextRowEncoder(options);
            case CSV -> new CsvRowEncoder(options, columnNames);
            case BINARY -> new BinaryRowEncoder(options);
        };
    }

    /** What precedes the first row in its own message (the HEADER line); false when nothing does. */
    public abstract boolean header(List<String> names, ByteBuf out);

    /** Writes one row: {@code values[i]} of {@code types[i]}, null for NULL. */
    public abstract void row(PgType<Object>[] types, Object[] values, ByteBuf out, TextContext context);

    /** What follows the last row in its own message (binary's trailer); false when nothing does. */
    public boolean trailer(ByteBuf out) {
        return false;
    }
}
