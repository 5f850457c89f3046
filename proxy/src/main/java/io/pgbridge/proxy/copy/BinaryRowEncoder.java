package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.TextContext;

import java.util.List;

/**
 * Binary format: the file header goes in front of the first row (as PostgreSQL sends it), then per row Int16 field
 * count and (Int32 length, the type's binary form) per field, -1 for NULL; the trailer Int16 -1 is its own message.
 */
final class BinaryRowEncoder extends CopyRowEncoder {
    private boolean headerSent;

    BinaryRowEncoder(CopyOptions options) {
        super(options);
    }

    @Override
    public boolean header(List<String> names, ByteBuf out) {
        return false;
    }

    @Override
    public void row(PgType<Object>[] types, Object[] values, ByteBuf out, TextContext context) {
        writeHeaderOnce(out);
        out.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthIndex = out.writerIndex();
            out.writeInt(0);
            types[i].encodeBinary(values[i], out);
            out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
        }
    }

    @Override
    public boolean trailer(ByteBuf out) {
        writeHeaderOnce(out);   // no rows: header and trailer travel together
        out.writeShort(-1);
        return true;
    }

    private void writeHeaderOnce(ByteBuf out) {
        if (!headerSent) {
            headerSent = true;
            out.writeBytes(BinaryRowDecoder.SIGNATURE);   // PGCOPY\n\377\r\n\0
            out.writeInt(0);                              // flags
            out.writeInt(0);                              // header extension length
        }
    }
}
