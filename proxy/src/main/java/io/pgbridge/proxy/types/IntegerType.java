package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The shared parsing of int2, int4, int8 and oid: PostgreSQL's pg_strtoint rules, range checked per type. */
abstract class IntegerType<T extends Number> extends AbstractPgType<T> {
    private final long min;
    private final long max;

    IntegerType(int oid, String name, int typeSize, int arrayOid, String displayName, long min, long max) {
        super(oid, name, typeSize, arrayOid, displayName);
        this.min = min;
        this.max = max;
    }

    /** Optional spaces, sign, digits, optional spaces; nothing else (no {@code 1e3}, no {@code 1.0}). */
    final long parse(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Ascii.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        // accumulate negatively so that Long.MIN_VALUE fits
        long acc = 0;
        boolean overflow = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i) - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                acc = acc * 10 - d;
            }
            i++;
        }
        if (i == digitsStart) {
            throw invalidSyntax(text);
        }
        while (i < n && Ascii.isSpace(text.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw invalidSyntax(text);
        }
        if (!negative) {
            if (acc == Long.MIN_VALUE) {
                overflow = true;
            }
            acc = -acc;
        }
        if (overflow || acc < min || acc > max) {
            throw outOfRange(text);
        }
        return acc;
    }

    /** Numbers from any driver: exact integral values only, so a silent truncation cannot corrupt a row. */
    final long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return check(((Number) value).longValue(), value);
        }
        if (value instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw outOfRange(b.toString());
            }
            return check(b.longValue(), value);
        }
        if (value instanceof BigDecimal d) {
            try {
                return check(d.longValueExact(), value);
            } catch (ArithmeticException e) {
                throw outOfRange(d.toPlainString());
            }
        }
        if (value instanceof Number num) {
            double d = num.doubleValue();
            if (d != Math.rint(d) || d < min || d > max) {
                throw outOfRange(num.toString());
            }
            return (long) d;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            return parse(s);
        }
        throw cannotCoerce(value);
    }

    private long check(long v, Object original) {
        if (v < min || v > max) {
            throw outOfRange(original.toString());
        }
        return v;
    }

    static void writeText(long v, ByteBuf out) {
        Ascii.writeLong(out, v);
    }
}
