package io.pgbridge.translation.h2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * PostgreSQL interval input ({@code '1 day 2 hours'}, {@code '-3 mons'}, {@code '1 day 02:03:04'}) as H2 interval
 * literals, which take one field or one field range each ({@code INTERVAL '1' DAY}). Returns {@code null} for input
 * it does not read (ISO 8601 forms and the like), which then reaches H2 as written.
 */
final class H2Intervals {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private H2Intervals() {
    }

    static String toH2(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("@")) {
            s = s.substring(1).trim();
        }
        boolean ago = s.endsWith(" ago");
        if (ago) {
            s = s.substring(0, s.length() - 4).trim();
        }
        if (s.isEmpty()) {
            return null;
        }
        long months = 0;
        long days = 0;
        long micros = 0;
        String[] parts = s.split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf(':') > 0) {
                Long time = clock(part);
                if (time == null) {
                    return null;
                }
                micros += time;
                continue;
            }
            BigDecimal number;
            String unit;
            int unitStart = firstLetter(part);
            try {
                if (unitStart > 0) {
                    number = new BigDecimal(part.substring(0, unitStart));
                    unit = part.substring(unitStart);
                } else if (i + 1 < parts.length) {
                    number = new BigDecimal(part);
                    unit = parts[++i];
                } else {
                    number = new BigDecimal(part);
                    unit = "second";   // a bare number is seconds, as in PostgreSQL
                }
            } catch (NumberFormatException e) {
                return null;
            }
            switch (unitOf(unit)) {
                case "year" -> months += whole(number, 12);
                case "month" -> months += whole(number, 1);
                case "week" -> {
                    BigDecimal d = number.multiply(BigDecimal.valueOf(7));
                    days += d.longValue();
                    micros += fraction(d, MICROS_PER_DAY);
                }
                case "day" -> {
                    days += number.longValue();
                    micros += fraction(number, MICROS_PER_DAY);
                }
                case "hour" -> micros += whole(number, 3_600_000_000L);
                case "minute" -> micros += whole(number, 60_000_000L);
                case "second" -> micros += whole(number, 1_000_000L);
                case "millisecond" -> micros += whole(number, 1_000L);
                case "microsecond" -> micros += whole(number, 1L);
                default -> {
                    return null;
                }
            }
        }
        if (ago) {
            months = -months;
            days = -days;
            micros = -micros;
        }
        return render(months, days, micros);
    }

    /** PostgreSQL's spellings of interval units (its datetktbl), reduced to the ones H2 needs. */
    private static String unitOf(String unit) {
        return switch (unit) {
            case "y", "yr", "yrs", "year", "years" -> "year";
            case "mon", "mons", "month", "months" -> "month";
            case "w", "week", "weeks" -> "week";
            case "d", "day", "days" -> "day";
            case "h", "hr", "hrs", "hour", "hours" -> "hour";
            case "m", "min", "mins", "minute", "minutes" -> "minute";
            case "s", "sec", "secs", "second", "seconds" -> "second";
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> "millisecond";
            case "us", "usec", "usecs", "microsecond", "microseconds" -> "microsecond";
            default -> "";
        };
    }

    private static String render(long months, long days, long micros) {
        StringBuilder out = new StringBuilder();
        if (months != 0) {
            out.append(months % 12 == 0 ? "INTERVAL '" + months / 12 + "' YEAR" : "INTERVAL '" + months + "' MONTH");
        }
        if (days != 0 && (micros == 0 || Long.signum(days) != Long.signum(micros))) {
            append(out, "INTERVAL '" + days + "' DAY");
            if (micros != 0) {
                append(out, seconds(micros));
            }
        } else if (micros != 0) {
            append(out, days == 0 ? seconds(micros) : dayToSecond(days, micros));
        }
        if (out.isEmpty()) {
            return "INTERVAL '0' SECOND";
        }
        return out.indexOf(" + ") > 0 ? "(" + out + ")" : out.toString();
    }

    private static void append(StringBuilder out, String interval) {
        if (!out.isEmpty()) {
            out.append(" + ");
        }
        out.append(interval);
    }

    private static String seconds(long micros) {
        long abs = Math.abs(micros);
        long h = abs / 3_600_000_000L;
        long m = abs / 60_000_000L % 60;
        BigDecimal sec = BigDecimal.valueOf(abs % 60_000_000L, 6).stripTrailingZeros();
        return "INTERVAL '" + (micros < 0 ? "-" : "") + h + ":" + m + ":" + sec.toPlainString() + "' HOUR TO SECOND";
    }

    private static String dayToSecond(long days, long micros) {
        String time = seconds(micros);
        String clock = time.substring(time.indexOf('\'') + 1, time.lastIndexOf('\'')).replace("-", "");
        return "INTERVAL '" + (days < 0 ? "-" : "") + Math.abs(days) + " " + clock + "' DAY TO SECOND";
    }

    private static long whole(BigDecimal number, long unit) {
        return number.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long fraction(BigDecimal number, long unit) {
        return number.subtract(new BigDecimal(number.toBigInteger())).multiply(BigDecimal.valueOf(unit))
                .setScale(0, RoundingMode.HALF_EVEN).longValue();
    }

    /** {@code [-]h:mm[:ss[.f]]} in microseconds. */
    private static Long clock(String part) {
        boolean negative = part.startsWith("-");
        String[] f = (negative || part.startsWith("+") ? part.substring(1) : part).split(":");
        if (f.length < 2 || f.length > 3) {
            return null;
        }
        try {
            long value = Long.parseLong(f[0]) * 3_600_000_000L + Long.parseLong(f[1]) * 60_000_000L;
            if (f.length == 3) {
                value += new BigDecimal(f[2]).movePointRight(6).longValue();
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int firstLetter(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (Character.isLetter(part.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
