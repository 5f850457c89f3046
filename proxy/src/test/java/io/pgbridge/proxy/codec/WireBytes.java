package io.pgbridge.proxy.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds protocol bytes by hand for tests, field by field as the PostgreSQL "Message Formats" page lists them,
 * without going through the code under test.
 */
final class WireBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WireBytes body() {
        return new WireBytes();
    }

    WireBytes int8(int v) {
        out.write(v);
        return this;
    }

    WireBytes int16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    WireBytes int32(int v) {
        int16(v >>> 16);
        return int16(v);
    }

    /** UTF-8 bytes then NUL. */
    WireBytes cstr(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8)).int8(0);
    }

    WireBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    WireBytes utf8(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** {@code Byte1 type, Int32 length (itself + body), body}. */
    static byte[] typed(char type, WireBytes body) {
        byte[] b = body.bytes();
        return new WireBytes().int8(type).int32(4 + b.length).raw(b).bytes();
    }

    /** {@code Int32 length (itself + code + body), Int32 code, body}. */
    static byte[] untyped(int code, WireBytes body) {
        byte[] b = body.bytes();
        return new WireBytes().int32(8 + b.length).int32(code).raw(b).bytes();
    }

    /** A protocol 3.0 StartupMessage with name/value pairs and the final NUL. */
    static byte[] startup(String... nameValues) {
        WireBytes b = body();
        for (String s : nameValues) {
            b.cstr(s);
        }
        return untyped(3 << 16, b.int8(0));
    }

    static byte[] concat(byte[]... parts) {
        WireBytes b = body();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.bytes();
    }

    /** Hex with optional spaces, e.g. {@code "5A 00 00 00 05 49"}. */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
