package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

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
                if (same) {
                    return c;
                }
            }
        }
        return new Decimal(sig, exponent);
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
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
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

    /** True when the literal has a non-zero digit before its exponent: parsing it to 0 means underflow. */
    static boolean hasNonZeroMantissa(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
