package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.io.ByteArrayOutputStream;
import java.sql.Blob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code bytea}: text in hex output form ({@code \x0102}); input also in the old escape form; binary is raw. */
public final class ByteaType extends AbstractPgType<byte[]> {
    public static final ByteaType INSTANCE = new ByteaType();
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ByteaType() {
        super(PgOid.BYTEA, "bytea", -1, PgOid.BYTEA_ARRAY, "bytea");
    }

    @Override
    public byte[] read(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    @Override
    public void bind(PreparedStatement ps, int index, byte[] value) throws SQLException {
        ps.setBytes(index, value);
    }

    @Override
    public void encodeText(byte[] value, ByteBuf out, TextContext context) {
        out.ensureWritable(2 + 2 * value.length);
        out.writeByte('\\');
        out.writeByte('x');
        for (byte b : value) {
            out.writeByte(HEX[(b >> 4) & 0xF]);
            out.writeByte(HEX[b & 0xF]);
        }
    }

    @Override
    public void encodeBinary(byte[] value, ByteBuf out) {
        out.writeBytes(value);
    }

    @Override
    public byte[] decodeText(String text, TextContext context) {
        if (text.length() >= 2 && text.charAt(0) == '\\' && text.charAt(1) == 'x') {
            return decodeHex(text);
        }
        return decodeEscape(text);
    }

    /** Hex pairs, with whitespace allowed between (not inside) pairs. */
    private static byte[] decodeHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 2;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Ascii.isSpace(c)) {
                i++;
                continue;
            }
            int hi = hexValue(text, i);
            if (i + 1 >= n) {
                throw new PgTypeException("22023", "invalid hexadecimal data: odd number of digits");
            }
            int lo = hexValue(text, i + 1);
            out.write((hi << 4) | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexValue(String text, int i) {
        char c = text.charAt(i);
        int v = Character.digit(c, 16);
        if (v < 0 || c > 'f') {
            throw new PgTypeException("22023", "invalid hexadecimal digit: \"" + text.substring(i, text.offsetByCodePoints(i, 1)) + "\"");
        }
        return v;
    }

    /** The escape form: {@code \\} and {@code \ooo} are escapes, every other character is its UTF-8 bytes. */
    private byte[] decodeEscape(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        int i = 0;
        while (i < utf8.length) {
            byte b = utf8[i];
            if (b != '\\') {
                out.write(b);
                i++;
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < utf8.length && isOctal(utf8[i + 1], '3') && isOctal(utf8[i + 2], '7')
                    && isOctal(utf8[i + 3], '7')) {
                out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
                i += 4;
            } else {
                throw new PgTypeException("22P02", "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b, char max) {
        return b >= '0' && b <= max;
    }

    @Override
    public byte[] decodeBinary(ByteBuf in, int length) {
        if (length < 0 || length > in.readableBytes()) {
            throw badBinary();
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    @Override
    public byte[] coerce(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read BLOB", e);
            }
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
