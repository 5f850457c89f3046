package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code numeric}. Values are BigDecimal; NaN and ±Infinity, which BigDecimal cannot hold, are the Double constants
 * {@link Double#NaN}, {@link Double#POSITIVE_INFINITY} and {@link Double#NEGATIVE_INFINITY}. The scale is kept, so
 * {@code 1.50} prints as {@code 1.50}. Binary: base-10000 digits with weight, sign and display scale.
 */
public final class NumericType extends AbstractPgType<Number> {
    public static final NumericType INSTANCE = new NumericType();

    private static final int SIGN_POS = 0x0000;
    private static final int SIGN_NEG = 0x4000;
    private static final int SIGN_NAN = 0xC000;
    private static final int SIGN_PINF = 0xD000;
    private static final int SIGN_NINF = 0xF000;
    /** NUMERIC_DSCALE_MAX: the largest scale the on-disk and wire format can carry. */
    private static final int MAX_SCALE = 0x3FFF;

    private NumericType() {
        super(PgOid.NUMERIC, "numeric", -1, PgOid.NUMERIC_ARRAY, "numeric");
    }

    @Override
    public void bind(PreparedStatement ps, int index, Number value) throws SQLException {
        Number v = normalize(value);
        if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else {
            ps.setDouble(index, v.doubleValue());
        }
    }

    @Override
    public void encodeText(Number value, ByteBuf out, TextContext context) {
        Number v = normalize(value);
        if (v instanceof BigDecimal d) {
            Ascii.writeString(out, d.toPlainString());
        } else {
            double x = v.doubleValue();
            Ascii.writeString(out, Double.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
        }
    }

    @Override
    public void encodeBinary(Number value, ByteBuf out) {
        Number v = normalize(value);
        if (!(v instanceof BigDecimal d)) {
            double x = v.doubleValue();
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(Double.isNaN(x) ? SIGN_NAN : x > 0 ? SIGN_PINF : SIGN_NINF);
            // numeric_send reads the scale bits of the special header: 0 for NaN, 32 for the infinities
            out.writeShort(Double.isNaN(x) ? 0 : 32);
            return;
        }
        int scale = d.scale();
        String unscaled = d.unscaledValue().abs().toString();
        if (d.signum() == 0) {
            out.writeLong(scale & 0xFFFF); // ndigits 0, weight 0, sign positive, dscale
            return;
        }
        int len = unscaled.length();
        int intLen = Math.max(len - scale, 0);
        int leftPad = (4 - intLen % 4) % 4;
        int fracLen = scale; // digits after the point, zeros in front when the number is below 0.1
        int rightPad = (4 - fracLen % 4) % 4;
        int total = leftPad + intLen + fracLen + rightPad;
        // digit i of the padded string: zeros around the unscaled digits
        int unscaledStart = leftPad + intLen + fracLen - len;
        int groups = total / 4;
        int weight = (leftPad + intLen) / 4 - 1;
        int first = 0;
        int last = groups - 1;
        int[] digits = new int[groups];
        for (int g = 0; g < groups; g++) {
            int acc = 0;
            for (int k = 0; k < 4; k++) {
                int pos = g * 4 + k - unscaledStart;
                acc = acc * 10 + (pos >= 0 && pos < len ? unscaled.charAt(pos) - '0' : 0);
            }
            digits[g] = acc;
        }
        while (digits[first] == 0) {
            first++;
        }
        while (digits[last] == 0) {
            last--;
        }
        out.writeShort(last - first + 1);
        out.writeShort(weight - first);
        out.writeShort(d.signum() < 0 ? SIGN_NEG : SIGN_POS);
        out.writeShort(scale);
        for (int g = first; g <= last; g++) {
            out.writeShort(digits[g]);
        }
    }

    @Override
    public Number decodeText(String text, TextContext context) {
        String s = text.strip();
        if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.isEmpty() || !(Character.isDigit(unsigned.charAt(0)) || unsigned.charAt(0) == '.')) {
            throw invalidSyntax(text);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw invalidSyntax(text);
        }
        return checkScale(d.scale() < 0 ? d.setScale(0) : d);
    }

    @Override
    public Number decodeBinary(ByteBuf in, int length) {
        if (length < 8 || length > in.readableBytes()) {
            throw badBinary();
        }
        int ndigits = in.readUnsignedShort();
        int weight = in.readShort();
        int sign = in.readUnsignedShort();
        int dscale = in.readUnsignedShort();
        if (length != 8 + 2 * ndigits) {
            throw badBinary();
        }
        switch (sign) {
            case SIGN_NAN:
                in.skipBytes(2 * ndigits);
                return Double.NaN;
            case SIGN_PINF:
                in.skipBytes(2 * ndigits);
                return Double.POSITIVE_INFINITY;
            case SIGN_NINF:
                in.skipBytes(2 * ndigits);
                return Double.NEGATIVE_INFINITY;
            case SIGN_POS, SIGN_NEG:
                break;
            default:
                throw new PgTypeException("22P03", "invalid sign in external \"numeric\" value");
        }
        if (dscale > MAX_SCALE) {
            throw new PgTypeException("22P03", "invalid scale in external \"numeric\" value");
        }
        StringBuilder sb = new StringBuilder(ndigits * 4 + 1);
        for (int i = 0; i < ndigits; i++) {
            int digit = in.readUnsignedShort();
            if (digit >= 10000) {
                throw new PgTypeException("22P03", "invalid digit in external \"numeric\" value");
            }
            String g = Integer.toString(digit);
            sb.append("0000", g.length(), 4).append(g);
        }
        if (ndigits == 0) {
            return BigDecimal.ZERO.setScale(dscale);
        }
        BigInteger unscaled = new BigInteger(sb.toString());
        BigDecimal d = new BigDecimal(sign == SIGN_NEG ? unscaled.negate() : unscaled, (ndigits - 1 - weight) * 4);
        // numeric_recv drops digits the display scale hides
        return d.setScale(dscale, RoundingMode.DOWN);
    }

    @Override
    public Number coerce(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return normalize(n);
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }

    /** Any Number to a BigDecimal with scale ≥ 0, or a Double NaN/±Infinity. */
    private Number normalize(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof Double || n instanceof Float) {
            double x = n.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return x;
            }
            d = n instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x);
        } else if (n instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        return d.scale() < 0 ? d.setScale(0) : checkScale(d);
    }

    private BigDecimal checkScale(BigDecimal d) {
        if (d.scale() > MAX_SCALE) {
            return d.setScale(MAX_SCALE, RoundingMode.HALF_UP);
        }
        return d;
    }
}
