package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

/** Writes ASCII digits straight into a ByteBuf: result rows go through here, so no String per value. */
final class Ascii {
    private Ascii() {
    }

    static void writeString(ByteBuf out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            out.writeByte(s.charAt(i));
        }
    }

    /** Signed decimal, like printf {@code %ld}. */
    static void writeLong(ByteBuf out, long v) {
        if (v < 0) {
            out.writeByte('-');
            if (v == Long.MIN_VALUE) {
                writeString(out, "9223372036854775808");
                return;
            }
            v = -v;
        }
        writeUnsigned(out, v, 1);
    }

    /** A non-negative number left-padded with zeros to at least {@code width} digits, like {@code %02d}. */
    static void writeUnsigned(ByteBuf out, long v, int width) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            out.writeByte('0');
        }
        out.ensureWritable(digits);   // writerIndex() does not grow the buffer the way writeByte() does
        int start = out.writerIndex();
        out.writerIndex(start + digits);
        for (int i = start + digits - 1; i >= start; i--) {
            out.setByte(i, (int) ('0' + v % 10));
            v /= 10;
        }
    }

    /** {@code .123456} with trailing zeros trimmed, nothing at all for 0: how PostgreSQL prints fractional seconds. */
    static void writeFraction(ByteBuf out, int micros) {
        if (micros == 0) {
            return;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        out.writeByte('.');
        writeUnsigned(out, micros, digits);
    }

    static boolean isSpace(char c) {
        // C isspace(): what PostgreSQL skips around numbers and quotes in arrays
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
