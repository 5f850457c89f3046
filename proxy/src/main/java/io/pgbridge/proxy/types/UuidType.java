package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** {@code uuid}: text lower-case 8-4-4-4-12, binary the 16 bytes big-endian. */
public final class UuidType extends AbstractPgType<UUID> {
    public static final UuidType INSTANCE = new UuidType();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UuidType() {
        super(PgOid.UUID, "uuid", 16, PgOid.UUID_ARRAY, "uuid");
    }

    @Override
    public void bind(PreparedStatement ps, int index, UUID value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            // MariaDB and SQLite have no UUID binding; their UUID columns take the text form
            ps.setString(index, value.toString());
        }
    }

    @Override
    public void encodeText(UUID value, ByteBuf out, TextContext context) {
        writeHex(out, value.getMostSignificantBits() >>> 32, 8);
        out.writeByte('-');
        writeHex(out, value.getMostSignificantBits() >>> 16, 4);
        out.writeByte('-');
        writeHex(out, value.getMostSignificantBits(), 4);
        out.writeByte('-');
        writeHex(out, value.getLeastSignificantBits() >>> 48, 4);
        out.writeByte('-');
        writeHex(out, value.getLeastSignificantBits(), 12);
    }

    private static void writeHex(ByteBuf out, long bits, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out.writeByte(HEX[(int) (bits >>> (4 * i)) & 0xF]);
        }
    }

    @Override
    public void encodeBinary(UUID value, ByteBuf out) {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    /** uuid_in: 32 hex digits, a hyphen allowed after any group of four, optionally inside braces. */
    @Override
    public UUID decodeText(String text, TextContext context) {
        int i = 0;
        int n = text.length();
        boolean braces = n > 0 && text.charAt(0) == '{';
        if (braces) {
            i++;
        }
        long hi = 0;
        long lo = 0;
        for (int d = 0; d < 32; d++) {
            if (i >= n) {
                throw invalidSyntax(text);
            }
            int v = Character.digit(text.charAt(i), 16);
            if (v < 0 || text.charAt(i) > 'f') {
                throw invalidSyntax(text);
            }
            if (d < 16) {
                hi = hi << 4 | v;
            } else {
                lo = lo << 4 | v;
            }
            i++;
            if (d % 4 == 3 && d < 31 && i < n && text.charAt(i) == '-') {
                i++;
            }
        }
        if (braces) {
            if (i >= n || text.charAt(i) != '}') {
                throw invalidSyntax(text);
            }
            i++;
        }
        if (i != n) {
            throw invalidSyntax(text);
        }
        return new UUID(hi, lo);
    }

    @Override
    public UUID decodeBinary(ByteBuf in, int length) {
        expectLength(length, 16);
        return new UUID(in.readLong(), in.readLong());
    }

    @Override
    public UUID coerce(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        if (value instanceof String s) {
            return decodeText(s.strip(), TextContext.UTC);
        }
        if (value instanceof byte[] b && b.length == 16) {
            ByteBuffer bb = ByteBuffer.wrap(b);
            return new UUID(bb.getLong(), bb.getLong());
        }
        throw cannotCoerce(value);
    }
}
