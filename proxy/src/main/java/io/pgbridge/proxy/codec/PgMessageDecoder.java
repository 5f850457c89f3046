package io.pgbridge.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pgbridge.proxy.codec.FrontendMessage.Bind;
import io.pgbridge.proxy.codec.FrontendMessage.CancelRequest;
import io.pgbridge.proxy.codec.FrontendMessage.Close;
import io.pgbridge.proxy.codec.FrontendMessage.CopyData;
import io.pgbridge.proxy.codec.FrontendMessage.CopyDone;
import io.pgbridge.proxy.codec.FrontendMessage.CopyFail;
import io.pgbridge.proxy.codec.FrontendMessage.Describe;
import io.pgbridge.proxy.codec.FrontendMessage.Execute;
import io.pgbridge.proxy.codec.FrontendMessage.Flush;
import io.pgbridge.proxy.codec.FrontendMessage.FunctionCall;
import io.pgbridge.proxy.codec.FrontendMessage.GssEncRequest;
import io.pgbridge.proxy.codec.FrontendMessage.Parse;
import io.pgbridge.proxy.codec.FrontendMessage.PasswordMessage;
import io.pgbridge.proxy.codec.FrontendMessage.ProtocolViolation;
import io.pgbridge.proxy.codec.FrontendMessage.Query;
import io.pgbridge.proxy.codec.FrontendMessage.SslRequest;
import io.pgbridge.proxy.codec.FrontendMessage.StartupMessage;
import io.pgbridge.proxy.codec.FrontendMessage.Sync;
import io.pgbridge.proxy.codec.FrontendMessage.Terminate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bytes a PostgreSQL client sends into {@link FrontendMessage} records, one per frame.
 *
 * <p>A connection starts with untyped startup frames ({@code Int32 length, Int32 code, body}): optionally an
 * SSLRequest and/or GSSENCRequest, then a StartupMessage or a CancelRequest. After the StartupMessage every frame is
 * typed ({@code Byte1 type, Int32 length, body}). Lengths count themselves but not the type byte.
 *
 * <p>Broken input never throws: the decoder emits one {@link ProtocolViolation} with PostgreSQL's wording, then
 * silently drops every later byte, because after a framing error nothing that follows can be trusted to be a frame
 * boundary. The session answers FATAL 08P01 and closes. A frame's length is checked as soon as its header arrives,
 * so an absurd length is refused without buffering its body.
 *
 * <p>Records own their data (Strings, byte arrays copied out of the cumulation buffer), so no {@code ByteBuf}
 * leaves this handler and Netty releases the cumulation as usual. Strings must be valid UTF-8 (pgbridge always
 * reports {@code client_encoding = UTF8}); invalid bytes are a violation rather than silently replaced.
 *
 * <p>A frame that is still incomplete when the channel closes is dropped without a message, as PostgreSQL does
 * ("incomplete startup packet" is only logged there).
 *
 * <p>Not sharable: it holds per-connection state.
 */
public final class PgMessageDecoder extends ByteToMessageDecoder {

    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    public static final int DEFAULT_MAX_STARTUP_PACKET_LENGTH = 10_000;
    /** PostgreSQL's PQ_LARGE_MESSAGE_LIMIT (MaxAllocSize - 1): 1 GiB - 1. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 0x3FFF_FFFF;
    /**
     * PostgreSQL's PQ_SMALL_MESSAGE_LIMIT, applied (as there) to messages that only carry names or short text:
     * Describe, Close, Execute, CopyFail. Keeps a bogus length from making us buffer a large frame.
     */
    static final int SMALL_MESSAGE_LIMIT = 10_000;
    /** PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH, the limit for password and SASL messages. */
    static final int AUTH_MESSAGE_LIMIT = 65_535;

    static final int CANCEL_REQUEST_CODE = 80877102; // 1234.5678
    static final int SSL_REQUEST_CODE = 80877103; // 1234.5679
    static final int GSSENC_REQUEST_CODE = 80877104; // 1234.5680
    private static final int SUPPORTED_MAJOR_VERSION = 3;
    private static final int CANCEL_REQUEST_LENGTH = 16;
    private static final int SPECIAL_REQUEST_LENGTH = 8;

    static final String INVALID_STARTUP_LENGTH = "invalid length of startup packet";
    static final String INVALID_CANCEL_LENGTH = "invalid length of cancel request packet";
    static final String INVALID_STARTUP_LAYOUT = "invalid startup packet layout: expected terminator as last byte";
    static final String INVALID_STRING = "invalid string in message";
    static final String INSUFFICIENT_DATA = "insufficient data left in message";
    static final String INVALID_FORMAT = "invalid message format";

    private static final Sync SYNC = new Sync();
    private static final Flush FLUSH = new Flush();
    private static final CopyDone COPY_DONE = new CopyDone();
    private static final Terminate TERMINATE = new Terminate();

    /**
     * What the next bytes are expected to be.
     * <ul>
     * <li>{@code STARTUP}: an untyped frame; needs 4 bytes to judge the length, then the whole frame.</li>
     * <li>{@code MESSAGES}: a typed frame; needs 1 byte to judge the type, 5 to judge the length, then the frame.</li>
     * <li>{@code DISCARD}: nothing useful; after a violation or a CancelRequest every byte is skipped.</li>
     * </ul>
     */
    private enum State { STARTUP, MESSAGES, DISCARD }

    private final int maxStartupPacketLength;
    private final int maxMessageLength;
    private State state = State.STARTUP;
    private boolean sslRequested;
    private boolean gssEncRequested;

    /** A decoder with PostgreSQL's limits. */
    public PgMessageDecoder() {
        this(DEFAULT_MAX_STARTUP_PACKET_LENGTH, DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /**
     * @param maxStartupPacketLength largest accepted startup frame, length word included; at least 16 so that a
     *                               CancelRequest fits
     * @param maxMessageLength       largest accepted value of a typed message's length word (which counts itself
     *                               and the body); at least 4. Short-message types keep PostgreSQL's lower limits.
     */
    public PgMessageDecoder(int maxStartupPacketLength, int maxMessageLength) {
        if (maxStartupPacketLength < CANCEL_REQUEST_LENGTH) {
            throw new IllegalArgumentException("maxStartupPacketLength must be >= " + CANCEL_REQUEST_LENGTH
                    + ": " + maxStartupPacketLength);
        }
        if (maxMessageLength < PgWire.LENGTH_SIZE) {
            throw new IllegalArgumentException("maxMessageLength must be >= 4: " + maxMessageLength);
        }
        this.maxStartupPacketLength = maxStartupPacketLength;
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        for (;;) {
            switch (state) {
                case STARTUP -> {
                    if (!decodeStartupFrame(in, out)) {
                        return;
                    }
                }
                case MESSAGES -> {
                    if (!decodeTypedFrame(in, out)) {
                        return;
                    }
                }
                case DISCARD -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
            }
        }
    }

    /** @return false when more bytes are needed, true when a frame (or a violation) was consumed */
    private boolean decodeStartupFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < PgWire.LENGTH_SIZE) {
            return false;
        }
        int start = in.readerIndex();
        int length = in.getInt(start);
        if (length < SPECIAL_REQUEST_LENGTH || length > maxStartupPacketLength) {
            return violation(in, out, INVALID_STARTUP_LENGTH);
        }
        if (in.readableBytes() < length) {
            return false;
        }
        int code = in.getInt(start + 4);
        ByteBuf body = in.slice(start + SPECIAL_REQUEST_LENGTH, length - SPECIAL_REQUEST_LENGTH);
        in.skipBytes(length);

        if (code == SSL_REQUEST_CODE && !sslRequested) {
            sslRequested = true;
            return encryptionRequest(in, out, length, new SslRequest(), "SSL");
        }
        if (code == GSSENC_REQUEST_CODE && !gssEncRequested) {
            gssEncRequested = true;
            return encryptionRequest(in, out, length, new GssEncRequest(), "GSSAPI encryption");
        }
        if (code == CANCEL_REQUEST_CODE) {
            if (length != CANCEL_REQUEST_LENGTH) {
                return violation(in, out, INVALID_CANCEL_LENGTH);
            }
            out.add(new CancelRequest(body.getInt(0), body.getInt(4)));
            state = State.DISCARD; // a cancel connection carries nothing else
            return true;
        }
        int major = code >>> 16;
        int minor = code & 0xFFFF;
        if (major != SUPPORTED_MAJOR_VERSION) {
            // Also what a repeated SSLRequest/GSSENCRequest gets, as in PostgreSQL.
            return violation(in, out, "unsupported frontend protocol " + major + "." + minor
                    + ": server supports 3.0 to 3.0");
        }
        try {
            out.add(new StartupMessage(major, minor, startupParameters(body)));
        } catch (MalformedMessageException e) {
            return violation(in, out, e.getMessage());
        }
        state = State.MESSAGES;
        return true;
    }

    /**
     * The client must wait for our one-byte answer before sending anything else. Bytes already queued behind the
     * request were sent in clear text and, once TLS is set up in front of this decoder, would be taken as if they had
     * come through it (CVE-2021-23214), so like PostgreSQL we refuse them.
     */
    private boolean encryptionRequest(ByteBuf in, List<Object> out, int length, FrontendMessage request,
                                      String what) {
        if (length != SPECIAL_REQUEST_LENGTH) {
            return violation(in, out, INVALID_STARTUP_LENGTH);
        }
        if (in.isReadable()) {
            return violation(in, out, "received unencrypted data after " + what + " request");
        }
        out.add(request);
        return true;
    }

    /** {@code (String name, String value)*, Byte 0}, the terminator being the last byte. */
    private static Map<String, String> startupParameters(ByteBuf body) throws MalformedMessageException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (;;) {
            if (!body.isReadable()) {
                throw new MalformedMessageException(INVALID_STARTUP_LAYOUT);
            }
            if (body.getByte(body.readerIndex()) == 0) {
                body.skipBytes(1);
                if (body.isReadable()) {
                    throw new MalformedMessageException(INVALID_STARTUP_LAYOUT);
                }
                return Collections.unmodifiableMap(parameters);
            }
            String name = readStartupString(body);
            String value = readStartupString(body);
            parameters.put(name, value); // a repeated name keeps the last value, as PostgreSQL does
        }
    }

    private static String readStartupString(ByteBuf body) throws MalformedMessageException {
        if (body.bytesBefore((byte) 0) < 0) {
            throw new MalformedMessageException(INVALID_STARTUP_LAYOUT);
        }
        return readCString(body);
    }

    /** @return false when more bytes are needed, true when a frame (or a violation) was consumed */
    private boolean decodeTypedFrame(ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return false;
        }
        int start = in.readerIndex();
        byte type = in.getByte(start);
        int limit = maxLengthOf(type);
        if (limit < 0) {
            return violation(in, out, "invalid frontend message type " + (type & 0xFF));
        }
        if (in.readableBytes() < 1 + PgWire.LENGTH_SIZE) {
            return false;
        }
        int length = in.getInt(start + 1);
        if (length < PgWire.LENGTH_SIZE) {
            return violation(in, out, "invalid message length " + length);
        }
        if (length > limit) {
            return violation(in, out, "invalid message length " + length + ": a '" + (char) type
                    + "' message may be at most " + limit + " bytes");
        }
        if (in.readableBytes() - 1 < length) {
            return false;
        }
        ByteBuf body = in.slice(start + 1 + PgWire.LENGTH_SIZE, length - PgWire.LENGTH_SIZE);
        in.skipBytes(1 + length);
        try {
            out.add(decodeBody(type, body));
        } catch (MalformedMessageException e) {
            return violation(in, out, e.getMessage());
        }
        return true;
    }

    /** Largest legal length word for a message type, or -1 if the type is not a frontend message. */
    private int maxLengthOf(byte type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'd', 'F' -> maxMessageLength;
            case 'D', 'E', 'C', 'f' -> Math.min(SMALL_MESSAGE_LIMIT, maxMessageLength);
            case 'p' -> Math.min(AUTH_MESSAGE_LIMIT, maxMessageLength);
            case 'S', 'H', 'c', 'X' -> PgWire.LENGTH_SIZE; // no body
            default -> -1;
        };
    }

    /** Decodes a body whose type {@link #maxLengthOf} accepted; the body is exactly the frame's payload. */
    private static FrontendMessage decodeBody(byte type, ByteBuf body) throws MalformedMessageException {
        FrontendMessage message = switch (type) {
            case 'Q' -> new Query(readCString(body));
            case 'P' -> decodeParse(body);
            case 'B' -> decodeBind(body);
            case 'D' -> new Describe(readKind(body, "DESCRIBE"), readCString(body));
            case 'E' -> new Execute(readCString(body), readInt(body));
            case 'C' -> new Close(readKind(body, "CLOSE"), readCString(body));
            case 'd' -> new CopyData(readBytes(body, body.readableBytes()));
            case 'f' -> new CopyFail(readCString(body));
            case 'F' -> new FunctionCall(readBytes(body, body.readableBytes()));
            case 'p' -> new PasswordMessage(readBytes(body, body.readableBytes()));
            case 'S' -> SYNC;
            case 'H' -> FLUSH;
            case 'c' -> COPY_DONE;
            case 'X' -> TERMINATE;
            default -> throw new IllegalStateException("type accepted but not decoded: " + (char) type);
        };
        if (body.isReadable()) {
            throw new MalformedMessageException(INVALID_FORMAT);
        }
        return message;
    }

    /** {@code String name, String sql, Int16 n, Int32[n] type OIDs}. */
    private static Parse decodeParse(ByteBuf body) throws MalformedMessageException {
        String name = readCString(body);
        String sql = readCString(body);
        int count = readCount(body);
        ensureReadable(body, 4L * count);
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = body.readInt();
        }
        return new Parse(name, sql, types);
    }

    /**
     * {@code String portal, String statement, Int16 nf, Int16[nf] formats, Int16 nv, (Int32 len, Byte[len])[nv],
     * Int16 nr, Int16[nr] result formats}; length -1 is NULL, any other negative length is a violation.
     */
    private static Bind decodeBind(ByteBuf body) throws MalformedMessageException {
        String portal = readCString(body);
        String statement = readCString(body);
        short[] parameterFormats = readShorts(body, readCount(body));
        int valueCount = readCount(body);
        if (parameterFormats.length > 1 && parameterFormats.length != valueCount) {
            throw new MalformedMessageException("bind message has " + parameterFormats.length
                    + " parameter formats but " + valueCount + " parameters");
        }
        ensureReadable(body, 4L * valueCount); // every value has at least its length word
        byte[][] values = new byte[valueCount][];
        for (int i = 0; i < valueCount; i++) {
            int length = readInt(body);
            values[i] = length == -1 ? null : readBytes(body, length);
        }
        short[] resultFormats = readShorts(body, readCount(body));
        return new Bind(portal, statement, parameterFormats, values, resultFormats);
    }

    /** 'S' (statement) or 'P' (portal); PostgreSQL names the message in its complaint. */
    private static char readKind(ByteBuf body, String messageName) throws MalformedMessageException {
        ensureReadable(body, 1);
        byte kind = body.readByte();
        if (kind != 'S' && kind != 'P') {
            throw new MalformedMessageException("invalid " + messageName + " message subtype " + (kind & 0xFF));
        }
        return (char) kind;
    }

    /**
     * Counts are Int16 on the wire but unsigned, as PostgreSQL reads them: clients send up to 65535 parameters,
     * so 0x8000 and above are large counts, not negative ones. A count larger than the data is caught by the
     * length checks that follow.
     */
    private static int readCount(ByteBuf body) throws MalformedMessageException {
        ensureReadable(body, 2);
        return body.readUnsignedShort();
    }

    private static short[] readShorts(ByteBuf body, int count) throws MalformedMessageException {
        ensureReadable(body, 2L * count);
        short[] values = new short[count];
        for (int i = 0; i < count; i++) {
            values[i] = body.readShort();
        }
        return values;
    }

    private static int readInt(ByteBuf body) throws MalformedMessageException {
        ensureReadable(body, 4);
        return body.readInt();
    }

    private static byte[] readBytes(ByteBuf body, int length) throws MalformedMessageException {
        if (length < 0) {
            throw new MalformedMessageException(INSUFFICIENT_DATA);
        }
        ensureReadable(body, length);
        byte[] bytes = ByteBufUtil.getBytes(body, body.readerIndex(), length);
        body.skipBytes(length);
        return bytes;
    }

    private static String readCString(ByteBuf body) throws MalformedMessageException {
        int length = body.bytesBefore((byte) 0);
        if (length < 0) {
            throw new MalformedMessageException(INVALID_STRING);
        }
        String s = PgWire.decodeUtf8(ByteBufUtil.getBytes(body, body.readerIndex(), length));
        if (s == null) {
            throw new MalformedMessageException(PgWire.INVALID_UTF8);
        }
        body.skipBytes(length + 1);
        return s;
    }

    private static void ensureReadable(ByteBuf body, long bytes) throws MalformedMessageException {
        if (body.readableBytes() < bytes) {
            throw new MalformedMessageException(INSUFFICIENT_DATA);
        }
    }

    /** Emits the violation and stops decoding for good. Always returns true: the loop goes on into DISCARD. */
    private boolean violation(ByteBuf in, List<Object> out, String reason) {
        in.skipBytes(in.readableBytes());
        out.add(new ProtocolViolation(reason));
        state = State.DISCARD;
        return true;
    }

    /** A frame whose fields do not fit its length; only ever becomes a {@link ProtocolViolation}. */
    private static final class MalformedMessageException extends Exception {
        MalformedMessageException(String reason) {
            super(reason, null, false, false);
        }
    }
}
