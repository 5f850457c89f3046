package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Interval text. Output is IntervalStyle {@code postgres}: {@code 1 year 2 mons 3 days 04:05:06.5},
 * {@code -1 years -2 days +03:00:00}, {@code 00:00:00}. Input takes that style, the verbose one pgjdbc's
 * PGInterval writes ({@code 1 years 2 mons 3 days 4 hours 5 mins 6.5 secs}), {@code @ … ago}, and ISO 8601
 * ({@code P1Y2M3DT4H5M6.5S}). Fractions spill down as PostgreSQL spills them: 1.5 years = 1 year 6 mons,
 * 1.5 mons = 1 mon 15 days, 1.5 days = 1 day 12:00:00.
 */
final class IntervalText {
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    private IntervalText() {
    }

    static void write(PgInterval v, ByteBuf out) {
        int years = v.months() / 12;
        int months = v.months() % 12;
        long time = v.microseconds();
        long hours = time / MICROS_PER_HOUR;
        time -= hours * MICROS_PER_HOUR;
        long minutes = time / MICROS_PER_MINUTE;
        time -= minutes * MICROS_PER_MINUTE;
        long seconds = time / DateTimes.MICROS_PER_SECOND;
        long fraction = time - seconds * DateTimes.MICROS_PER_SECOND;
        // "is_zero" and "is_before" follow PostgreSQL's EncodeInterval: a field after a negative one gets a '+'
        boolean zero = true;
        boolean before = false;
        long[] values = {years, months, v.days()};
        String[] units = {"year", "mon", "day"};
        for (int i = 0; i < 3; i++) {
            long value = values[i];
            if (value == 0) {
                continue;
            }
            if (!zero) {
                out.writeByte(' ');
            }
            if (before && value > 0) {
                out.writeByte('+');
            }
            Ascii.writeLong(out, value);
            out.writeByte(' ');
            Ascii.writeString(out, units[i]);
            if (value != 1) {
                out.writeByte('s');
            }
            before = value < 0;
            zero = false;
        }
        if (zero || hours != 0 || minutes != 0 || seconds != 0 || fraction != 0) {
            boolean minus = hours < 0 || minutes < 0 || seconds < 0 || fraction < 0;
            if (!zero) {
                out.writeByte(' ');
            }
            if (minus) {
                out.writeByte('-');
            } else if (before) {
                out.writeByte('+');
            }
            Ascii.writeUnsigned(out, Math.abs(hours), 2);
            out.writeByte(':');
            Ascii.writeUnsigned(out, Math.abs(minutes), 2);
            out.writeByte(':');
            Ascii.writeUnsigned(out, Math.abs(seconds), 2);
            Ascii.writeFraction(out, (int) Math.abs(fraction));
        }
    }

    /** Accumulates fields, keeping fractions exact until the end. */
    private static final class Acc {
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal micros = BigDecimal.ZERO;
    }

    static PgInterval parse(String text, AbstractPgType<?> type) {
        String s = text.strip();
        Acc acc = new Acc();
        try {
            if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
                iso(s.substring(1), acc);
            } else {
                postgres(s, acc);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw type.invalidSyntax("22007", text);
        }
        return build(acc, text);
    }

    private static PgInterval build(Acc acc, String text) {
        // months: whole part, fraction becomes 30-day months; days: fraction becomes 24-hour days
        BigDecimal wholeMonths = acc.months.setScale(0, RoundingMode.DOWN);
        BigDecimal days = acc.days.add(acc.months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
        BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
        BigDecimal micros = acc.micros.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(DateTimes.MICROS_PER_DAY)));
        try {
            return new PgInterval(wholeMonths.intValueExact(), wholeDays.intValueExact(),
                    micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException e) {
            throw new PgTypeException("22015", "interval field value out of range: \"" + text + "\"");
        }
    }

    private static void postgres(String s, Acc acc) {
        String[] tokens = s.split("\\s+");
        int i = 0;
        int n = tokens.length;
        if (n > 0 && tokens[0].equals("@")) {
            i++;
        }
        boolean ago = n > i && tokens[n - 1].equalsIgnoreCase("ago");
        if (ago) {
            n--;
        }
        if (i >= n) {
            throw new NumberFormatException();
        }
        for (; i < n; i++) {
            String t = tokens[i];
            if (t.indexOf(':') >= 0) {
                acc.micros = acc.micros.add(clock(t));
                continue;
            }
            int numEnd = numberEnd(t);
            if (numEnd == 0) {
                throw new NumberFormatException();
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0 && numEnd == dash) {
                // SQL standard year-month: 1-2, -1-2
                boolean negative = t.charAt(0) == '-';
                String body = negative || t.charAt(0) == '+' ? t.substring(1) : t;
                int d = body.indexOf('-');
                long months = Long.parseLong(body.substring(0, d)) * 12 + Long.parseLong(body.substring(d + 1));
                acc.months = acc.months.add(BigDecimal.valueOf(negative ? -months : months));
                continue;
            }
            BigDecimal value = new BigDecimal(t.substring(0, numEnd));
            String unit = t.substring(numEnd);
            if (unit.isEmpty()) {
                if (i + 1 < n && tokens[i + 1].indexOf(':') >= 0) {
                    unit = "day"; // SQL standard day-time: 1 2:03:04
                } else if (i + 1 < n) {
                    unit = tokens[++i];
                } else {
                    unit = "second"; // a bare number is seconds
                }
            }
            add(acc, value, unit);
        }
        if (ago) {
            acc.months = acc.months.negate();
            acc.days = acc.days.negate();
            acc.micros = acc.micros.negate();
        }
    }

    /** {@code [+-]H:M[:S[.f]]}, or {@code [+-]M:S.f}... PostgreSQL reads two fields as hours and minutes. */
    private static BigDecimal clock(String t) {
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new NumberFormatException();
        }
        long h = Long.parseLong(parts[0]);
        long m = Long.parseLong(parts[1]);
        BigDecimal sec = parts.length == 3 ? new BigDecimal(parts[2]) : BigDecimal.ZERO;
        if (m > 59 || sec.compareTo(BigDecimal.valueOf(60)) >= 0 || sec.signum() < 0 || parts[1].startsWith("-")
                || parts[1].startsWith("+")) {
            throw new NumberFormatException();
        }
        BigDecimal micros = BigDecimal.valueOf(h * MICROS_PER_HOUR + m * MICROS_PER_MINUTE)
                .add(sec.multiply(BigDecimal.valueOf(DateTimes.MICROS_PER_SECOND)));
        return negative ? micros.negate() : micros;
    }

    private static int numberEnd(String t) {
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
            digits++;
        }
        return digits == 0 ? 0 : i;
    }

    private static void add(Acc acc, BigDecimal value, String unitText) {
        String unit = unitText.toLowerCase(Locale.ROOT);
        switch (unit) {
            case "microsecond", "microseconds", "usec", "usecs", "us" -> acc.micros = acc.micros.add(value);
            case "millisecond", "milliseconds", "msec", "msecs", "ms" ->
                    acc.micros = acc.micros.add(value.multiply(BigDecimal.valueOf(1000)));
            case "second", "seconds", "sec", "secs", "s" ->
                    acc.micros = acc.micros.add(value.multiply(BigDecimal.valueOf(DateTimes.MICROS_PER_SECOND)));
            case "minute", "minutes", "min", "mins", "m" ->
                    acc.micros = acc.micros.add(value.multiply(BigDecimal.valueOf(MICROS_PER_MINUTE)));
            case "hour", "hours", "hr", "hrs", "h" ->
                    acc.micros = acc.micros.add(value.multiply(BigDecimal.valueOf(MICROS_PER_HOUR)));
            case "day", "days", "d" -> acc.days = acc.days.add(value);
            case "week", "weeks", "w" -> acc.days = acc.days.add(value.multiply(BigDecimal.valueOf(7)));
            case "month", "months", "mon", "mons" -> acc.months = acc.months.add(value);
            case "year", "years", "yr", "yrs", "y" -> addYears(acc, value, 1);
            case "decade", "decades" -> addYears(acc, value, 10);
            case "century", "centuries" -> addYears(acc, value, 100);
            case "millennium", "millennia", "millenniums" -> addYears(acc, value, 1000);
            default -> throw new NumberFormatException();
        }
    }

    /** Year fractions become whole months only (rounded), never days: 1.5 years is 1 year 6 mons. */
    private static void addYears(Acc acc, BigDecimal value, int yearsPerUnit) {
        BigDecimal months = value.multiply(BigDecimal.valueOf(12L * yearsPerUnit));
        acc.months = acc.months.add(months.setScale(0, RoundingMode.HALF_EVEN));
    }

    /** ISO 8601 designators: {@code 1Y2M3W4DT5H6M7.5S}, each number may be signed or fractional. */
    private static void iso(String s, Acc acc) {
        boolean time = false;
        int i = 0;
        if (s.isEmpty()) {
            throw new NumberFormatException();
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'T' || c == 't') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            int end = start + numberEnd(s.substring(start));
            if (end == start || end >= s.length()) {
                throw new NumberFormatException();
            }
            BigDecimal value = new BigDecimal(s.substring(start, end));
            char designator = Character.toUpperCase(s.charAt(end));
            String unit = switch (designator) {
                case 'Y' -> time ? null : "year";
                case 'M' -> time ? "minute" : "month";
                case 'W' -> time ? null : "week";
                case 'D' -> time ? null : "day";
                case 'H' -> time ? "hour" : null;
                case 'S' -> time ? "second" : null;
                default -> null;
            };
            if (unit == null) {
                throw new NumberFormatException();
            }
            add(acc, value, unit);
            i = end + 1;
        }
    }
}
