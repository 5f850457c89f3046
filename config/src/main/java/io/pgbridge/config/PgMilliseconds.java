package io.pgbridge.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of PostgreSQL's time settings whose unit is the millisecond ({@code statement_timeout},
 * {@code idle_session_timeout}…), read and shown as PostgreSQL 15 does (guc.c's parse_int and _ShowOption): an
 * integer or decimal number, optionally followed by one of the units us, ms, s, min, h, d (case matters, spaces
 * allowed around it), rounded half to even to whole milliseconds; shown in the largest unit that divides the value.
 * The YAML file and SET use the same reader, so a configured value is spelled as SHOW shows it.
 */
public final class PgMilliseconds {
    /** PostgreSQL's range for these settings. */
    public static final int MAX = Integer.MAX_VALUE;
    public static final String UNITS_HINT =
            "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
    public static final String RANGE_HINT = "Value exceeds integer range.";

    private static final String[] UNITS = {"d", "h", "min", "s", "ms", "us"};
    private static final double[] MULTIPLIERS = {86_400_000, 3_600_000, 60_000, 1000, 1, 0.001};
    /** What C's strtol(…, 0) reads: optional sign, then hex, octal or decimal digits. */
    private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");
    /** What C's strtod reads of a decimal number. */
    private static final Pattern DECIMAL =
            Pattern.compile("\\s*[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private PgMilliseconds() {
    }

    /** A value PostgreSQL would refuse; {@code hint} is PostgreSQL's HINT, or null where it gives none. */
    public static final class Invalid extends RuntimeException {
        private final String hint;

        Invalid(String hint) {
            super(hint == null ? "invalid value" : hint, null, false, false);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /**
     * The value in milliseconds, range not checked (PostgreSQL reports a value outside 0 .. {@link #MAX} with its
     * own message); throws {@link Invalid} for text PostgreSQL cannot read as such a value.
     */
    public static long parse(String text) {
        double value;
        int end;
        Matcher integer = INTEGER.matcher(text);
        if (integer.lookingAt() && !followedByFraction(text, integer.end())) {
            value = integerValue(integer.group(1), integer.group(2));
            end = integer.end();
        } else {
            Matcher decimal = DECIMAL.matcher(text);
            if (!decimal.lookingAt()) {
                throw new Invalid(null);
            }
            value = Double.parseDouble(decimal.group().strip());
            end = decimal.end();
        }
        String rest = text.substring(end).stripLeading();
        if (!rest.isEmpty()) {
            value = inMilliseconds(value, rest);
        }
        value = Math.rint(value);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new Invalid(RANGE_HINT);
        }
        return (long) value;
    }

    private static boolean followedByFraction(String text, int end) {
        return end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == 'e' || text.charAt(end) == 'E');
    }

    private static double integerValue(String sign, String digits) {
        double value;
        if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            value = new java.math.BigInteger(digits.substring(2), 16).doubleValue();
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            value = new java.math.BigInteger(digits.substring(1), 8).doubleValue();
        } else {
            value = new java.math.BigInteger(digits).doubleValue();
        }
        return sign.equals("-") ? -value : value;
    }

    /** {@code value} given in {@code unitText} (the unit and maybe trailing spaces) in milliseconds. */
    private static double inMilliseconds(double value, String unitText) {
        String unit = unitText.strip();
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                double ms = value * MULTIPLIERS[i];
                // A fraction is rounded to the next smaller unit first ("1.0000001s" is 1000ms, not 1000.0001).
                return i + 1 < UNITS.length ? Math.rint(ms / MULTIPLIERS[i + 1]) * MULTIPLIERS[i + 1] : ms;
            }
        }
        throw new Invalid(UNITS_HINT);
    }

    /** As SHOW shows it: {@code 0}, or the value in the largest unit that divides it ({@code 2s}, {@code 1500ms}). */
    public static String show(long millis) {
        if (millis <= 0) {
            return Long.toString(millis);
        }
        for (int i = 0; i < UNITS.length - 1; i++) {
            long unit = (long) MULTIPLIERS[i];
            if (millis % unit == 0) {
                return millis / unit + UNITS[i];
            }
        }
        return millis + "ms";
    }
}
