package io.pgbridge.translation.h2;

import io.pgbridge.translation.IntervalValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL interval input ({@code '1 day 2 hours'}, {@code '-3 mons'}, {@code '1 day 02:03:04'}) as H2 interval
 * literals, which take one field or one field range each ({@code INTERVAL '1' DAY}). Returns {@code null} for input
 * it does not read (ISO 8601 forms and the like), which then reaches H2 as written.
 */
final class H2Intervals {
    private H2Intervals() {
    }

    static String toH2(String text) {
        IntervalValue value = IntervalValue.parse(text);
        if (value == null) {
            return null;
        }
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal micros = BigDecimal.ZERO;
        for (var e : value.amounts().entrySet()) {
            BigDecimal amount = e.getValue();
            switch (e.getKey()) {
                case "year" -> months = months.add(amount.multiply(BigDecimal.valueOf(12)));
                case "month" -> months = months.add(amount);
                case "day" -> days = days.add(amount);
                case "hour" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(3_600_000_000L)));
                case "minute" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(60_000_000L)));
                default -> micros = micros.add(amount.movePointRight(6));
            }
        }
        return render(months.longValue(), days.longValue(), micros.setScale(0, RoundingMode.HALF_EVEN).longValue());
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




}
