package io.pgbridge.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Low-level pieces of the PostgreSQL v3 wire format shared by the codec and by code that writes messages straight
 * into a {@link ByteBuf} (the result streamer writes DataRows without building {@link BackendMessage} records).
 *
 * <p>A typed message is {@code Byte1 type, Int32 length, body}, where the length counts itself and the body but not
 * the type byte. Strings are "C strings": UTF-8 bytes followed by one NUL, so a string can never contain NUL.
 */
public final class PgWire {

    /** Size of the Int32 length word; also the smallest legal value of that word (a message with no body). */
    public static final int LENGTH_SIZE = 4;

    private PgWire() {
    }

    /**
     * Starts a typed message: writes the type byte and a placeholder length.
     *
     * @return the index of the length word, to hand to {@link #endMessage(ByteBuf, int)} once the body is written
     */
    public static int beginMessage(ByteBuf out, byte type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0); // backfilled by endMessage
        return lengthIndex;
    }

    /** Backfills the Int32 length of a message begun with {@link #beginMessage}: everything written since, plus itself. */
    public static void endMessage(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    /**
     * Writes {@code s} as UTF-8 followed by a NUL.
     *
     * @throws IllegalArgumentException if {@code s} contains NUL: the peer would read the rest as other fields
     */
    public static void writeCString(ByteBuf out, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a protocol string cannot contain NUL: " + s.replace('\0', '?'));
        }
        out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /**
     * Reads a NUL-terminated UTF-8 string starting at the reader index and moves the reader index past the NUL.
     *
     * @return the string, or {@code null} if the readable bytes hold no NUL (the reader index is then unchanged)
     * @throws IllegalArgumentException if the bytes are not valid UTF-8 (the reader index is then unchanged)
     */
    public static String readCString(ByteBuf in) {
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            return null;
        }
        String s = decodeUtf8(ByteBufUtil.getBytes(in, in.readerIndex(), length));
        if (s == null) {
            throw new IllegalArgumentException(INVALID_UTF8);
        }
        in.skipBytes(length + 1);
        return s;
    }

    /** PostgreSQL's wording for bytes that are not UTF-8. */
    static final String INVALID_UTF8 = "invalid byte sequence for encoding \"UTF8\"";

    /**
     * Decodes strictly: malformed UTF-8 gives {@code null} instead of U+FFFD, because silently rewriting a client's
     * SQL or identifiers would change what runs. Pure ASCII, by far the common case, skips the CharsetDecoder.
     */
    static String decodeUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
                } catch (CharacterCodingException e) {
                    return null;
                }
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
