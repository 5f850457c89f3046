package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * float4/float8 text as PostgreSQL 12+ writes it with extra_float_digits 1: the shortest decimal that reads back to
 * the same value (Java's toString finds the digits since JDK 19), laid out like printf {@code %g}: fixed notation for
 * decimal exponents -4 ≤ e < 15 (float8) or 6 (float4), else {@code 1.5e+16}.
 */
final class FloatText {
    private FloatText() {
    }

    static void writeDouble(double v, ByteBuf out) {
        if (writeSpecial(v, out)) {
            return;
        }
        if (v < 0) {
            out.writeByte('-');
        }
        double abs = Math.abs(v);
        write(shortest(Double.toString(abs), abs, false), out, 15);
    }

    static void writeFloat(float v, ByteBuf out) {
        if (writeSpecial(v, out)) {
            return;
        }
        if (v < 0) {
            out.writeByte('-');
        }
        float abs = Math.abs(v);
        write(shortest(Float.toString(abs), abs, true), out, 6);
    }

    private static boolean writeSpecial(double v, ByteBuf out) {
        if (Double.isNaN(v)) {
            Ascii.writeString(out, "NaN");
        } else if (Double.isInfinite(v)) {
            Ascii.writeString(out, v > 0 ? "Infinity" : "-Infinity");
        } else if (v == 0) {
            Ascii.writeString(out, 1 / v < 0 ? "-0" : "0");
        } else {
            return false;
        }
        return true;
    }

    /** Significant digits (no leading or trailing zeros) and the decimal exponent of the first one. */
    private record Decimal(String digits, int exponent) {
    }

    private static Decimal shortest(String javaText, double abs, boolean single) {
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        int exp = e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1));
        int point = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length());
        digits.append(mantissa, 0, point).append(mantissa, point + 1, mantissa.length());
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        int exponent = point - 1 - lead + exp;
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        String sig = digits.substring(lead, end);
        if (sig.length() == 2) {
            // Java never prints fewer than 2 digits (4.9E-324); Ryu, which PostgreSQL uses, does (5e-324)
            int d1 = sig.charAt(0) - '0';
            int d2 = sig.charAt(1) - '0';
            int nearer = d2 >= 5 ? d1 + 1 : d1;
            int farther = d2 >= 5 ? d1 : d1 + 1;
            for (int d : new int[] {nearer, farther}) {
                if (d == 0) {
                    continue;
                }
                Decimal c = d == 10 ? new Decimal("1", exponent + 1) : new Decimal(Integer.toString(d), exponent);
                String literal = c.digits + "E" + c.exponent;
                boolean same = single ? Float.parseFloat(literal) == (float) abs : Double.parseDouble(literal) == abs;
                if (same && !onBoundary(c, abs, single)) {
                    return c;
                }
            }
        }
        Decimal c = new Decimal(sig, exponent);
        return onBoundary(c, abs, single) ? strictlyInside(abs, single, sig.length() + 1) : c;
    }

    /**
     * Java accepts a decimal lying exactly halfway to a neighbouring value when ties-to-even reads it back as this
     * value (1e23); PostgreSQL's Ryu never does and prints more digits (9.999999999999999e+22). Only integers from
     * 2^53 (2^24 for float4) up can sit on such a midpoint with this few digits.
     */
    private static boolean onBoundary(Decimal c, double abs, boolean single) {
        if (abs < (single ? 0x1p24 : 0x1p53)) {
            return false;
        }
        BigDecimal value = new BigDecimal(new BigInteger(c.digits), c.digits.length() - 1 - c.exponent);
        BigDecimal x = new BigDecimal(abs);
        BigDecimal down = new BigDecimal(single ? Math.nextDown((float) abs) : Math.nextDown(abs));
        double next = single ? Math.nextUp((float) abs) : Math.nextUp(abs);
        // above the largest finite value the step stays one ulp
        BigDecimal up = Double.isInfinite(next) ? x.add(x.subtract(down)) : new BigDecimal(next);
        BigDecimal two = BigDecimal.valueOf(2);
        return value.compareTo(x.add(up).divide(two)) == 0 || value.compareTo(x.add(down).divide(two)) == 0;
    }

    /** The nearest decimal with the fewest digits (from {@code from}) strictly inside the rounding interval. */
    private static Decimal strictlyInside(double abs, boolean single, int from) {
        BigDecimal x = new BigDecimal(abs);
        for (int n = from; ; n++) {
            BigDecimal r = x.round(new MathContext(n, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            String digits = r.unscaledValue().toString();
            Decimal c = new Decimal(digits, digits.length() - 1 - r.scale());
            String literal = digits + "E" + (-r.scale());
            boolean same = single ? Float.parseFloat(literal) == (float) abs : Double.parseDouble(literal) == abs;
            if (same && !onBoundary(c, abs, single)) {
                return c;
            }
        }
    }

    private static void write(Decimal d, ByteBuf out, int fixedLimit) {
        String digits = d.digits;
        int exp = d.exponent;
        int n = digits.length();
        if (exp < -4 || exp >= fixedLimit) {
            out.writeByte(digits.charAt(0));
            if (n > 1) {
                out.writeByte('.');
                for (int i = 1; i < n; i++) {
                    out.writeByte(digits.charAt(i));
                }
            }
            out.writeByte('e');
            out.writeByte(exp < 0 ? '-' : '+');
            Ascii.writeUnsigned(out, Math.abs(exp), 2);
        } else if (exp < 0) {
            out.writeByte('0');
            out.writeByte('.');
            for (int i = -1; i > exp; i--) {
                out.writeByte('0');
            }
            Ascii.writeString(out, digits);
        } else {
            for (int i = 0; i <= exp || i < n; i++) {
                if (i == exp + 1) {
                    out.writeByte('.');
                }
                out.writeByte(i < n ? digits.charAt(i) : '0');
            }
        }
    }

    /**
     * float8in/float4in: spaces, then NaN/Infinity/inf in any case or a decimal number ({@code 1e3}, {@code .5},
     * {@code 5.}), then spaces. Returns null on bad syntax; the caller words the error.
     */
    static String numberOrNull(String text) {
        String s = text.strip();
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        String rest = s.substring(i);
        if (rest.equalsIgnoreCase("nan")) {
            return i == 0 ? "NaN" : null;
        }
        if (rest.equalsIgnoreCase("infinity") || rest.equalsIgnoreCase("inf")) {
            return s.charAt(0) == '-' ? "-Infinity" : "Infinity";
        }
        if (rest.length() > 2 && (rest.startsWith("0x") || rest.startsWith("0X"))) {
            return hexOrNull(s, i + 2);
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return null;
            }
        }
        return i == n ? s : null;
    }

    /** strtod's hexadecimal form, {@code 0x1.8p1}; Java wants the binary exponent, so {@code p0} is added. */
    private static String hexOrNull(String s, int start) {
        int i = start;
        int n = s.length();
        int digits = 0;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i == n) {
            return s + "p0";
        }
        if (s.charAt(i) != 'p' && s.charAt(i) != 'P') {
            return null;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            expDigits++;
        }
        return expDigits > 0 && i == n ? s : null;
    }

    /** True when the literal has a non-zero digit before its exponent: parsing it to 0 means underflow. */
    static boolean hasNonZeroMantissa(String literal) {
        boolean hex = literal.indexOf('x') >= 0 || literal.indexOf('X') >= 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9' || hex && Character.digit(c, 16) > 9) {
                return true;
            }
        }
        return false;
    }
}
