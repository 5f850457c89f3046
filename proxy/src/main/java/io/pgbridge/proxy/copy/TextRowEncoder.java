package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;

/**
 * Text format ({@code CopyAttributeOutText}): a backslash before itself and the delimiter, and {@code \b \f \n \r
 * \t \v} for those control characters; everything else as it is.
 */
final class TextRowEncoder extends DelimitedRowEncoder {

    TextRowEncoder(CopyOptions options) {
        super(options);
    }

    @Override
    void writeValue(ByteBuf value, int column, ByteBuf out) {
        byte delimiter = options.delimiter();
        int end = value.writerIndex();
        for (int i = value.readerIndex(); i < end; i++) {
            byte c = value.getByte(i);
            if (c >= 0 && c < 0x20) {
                byte escape = switch (c) {
                    case '\b' -> 'b';
                    case '\f' -> 'f';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case '\t' -> 't';
                    case 0x0B -> 'v';
                    default -> c == delimiter ? c : 0;
                };
                if (escape == 0) {
                    out.writeByte(c);
                } else {
                    out.writeByte('\\').writeByte(escape);
                }
            } else if (c == '\\' || c == delimiter) {
                out.writeByte('\\').writeByte(c);
            } else {
                out.writeByte(c);
            }
        }
    }
}
