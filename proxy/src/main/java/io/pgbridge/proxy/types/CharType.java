package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code "char"}: one byte, held as a Byte. Text output is the byte itself, nothing for 0, and since PostgreSQL 15
 * a backslash with three octal digits ({@code \377}) for bytes above 127, which are not valid UTF-8 alone.
 */
public final class CharType extends AbstractPgType<Byte> {
    public static final CharType INSTANCE = new CharType();

    private CharType() {
        super(PgOid.CHAR, "char", 1, PgOid.CHAR_ARRAY, "\"char\"");
    }

    @Override
    public void bind(PreparedStatement ps, int index, Byte value) throws SQLException {
        ps.setString(index, toText(value));
    }

    @Override
    public void encodeText(Byte value, ByteBuf out, TextContext context) {
        int b = value & 0xFF;
        if (b >= 0x80) {
            out.writeByte('\\');
            out.writeByte('0' + (b >> 6));
            out.writeByte('0' + ((b >> 3) & 7));
            out.writeByte('0' + (b & 7));
        } else if (b != 0) {
            out.writeByte(b);
        }
    }

    private static String toText(byte value) {
        int b = value & 0xFF;
        if (b >= 0x80) {
            return "\\" + (char) ('0' + (b >> 6)) + (char) ('0' + ((b >> 3) & 7)) + (char) ('0' + (b & 7));
        }
        return b == 0 ? "" : String.valueOf((char) b);
    }

    @Override
    public void encodeBinary(Byte value, ByteBuf out) {
        out.writeByte(value);
    }

    /** charin: {@code \ooo} is that byte; otherwise the first byte of the UTF-8 text, or 0 when empty. */
    @Override
    public Byte decodeText(String text, TextContext context) {
        if (text.length() == 4 && text.charAt(0) == '\\' && isOctal(text.charAt(1)) && isOctal(text.charAt(2))
                && isOctal(text.charAt(3))) {
            return (byte) (((text.charAt(1) - '0') << 6) | ((text.charAt(2) - '0') << 3) | (text.charAt(3) - '0'));
        }
        if (text.isEmpty()) {
            return 0;
        }
        char c = text.charAt(0);
        return c < 0x80 ? (byte) c : text.substring(0, Character.charCount(text.codePointAt(0)))
                .getBytes(StandardCharsets.UTF_8)[0];
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    @Override
    public Byte decodeBinary(ByteBuf in, int length) {
        expectLength(length, 1);
        return in.readByte();
    }

    @Override
    public Byte coerce(Object value) {
        if (value == null || value instanceof Byte) {
            return (Byte) value;
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        if (value instanceof Character c) {
            return decodeText(c.toString(), TextContext.UTC);
        }
        if (value instanceof Number n) {
            return n.byteValue();
        }
        throw cannotCoerce(value);
    }
}
