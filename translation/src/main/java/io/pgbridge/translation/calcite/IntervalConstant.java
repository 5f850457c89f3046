package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A constant interval as PostgreSQL stores it (months, days, microseconds), for what the translator computes itself:
 * {@code interval * number}, {@code interval / number} and an interval shown as a result column, in PostgreSQL's
 * default output style ({@code 1 year 2 mons -3 days +04:05:06.7}).
 */
record IntervalConstant(int months, int days, long micros) {
    private static final int DAYS_PER_MONTH = 30;
    private static final double SECONDS_PER_DAY = 86_400;

    static IntervalConstant of(IntervalValue value) {
        Map<String, BigDecimal> a = value.amounts();
        BigDecimal months = amount(a, "year").multiply(BigDecimal.valueOf(12)).add(amount(a, "month"));
        BigDecimal micros = amount(a, "hour").multiply(BigDecimal.valueOf(3_600_000_000L))
                .add(amount(a, "minute").multiply(BigDecimal.valueOf(60_000_000L)))
                .add(amount(a, "second").movePointRight(6));
        return new IntervalConstant(months.intValueExact(), amount(a, "day").intValueExact(),
                micros.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }

    private static BigDecimal amount(Map<String, BigDecimal> amounts, String unit) {
        return amounts.getOrDefault(unit, BigDecimal.ZERO);
    }

    /** PostgreSQL's interval_mul: fractions of months spill into days (30 a month), fractions of days into time. */
    IntervalConstant times(double factor) {
        int newMonths = (int) (months * factor);
        int newDays = (int) (days * factor);
        double monthRemainderDays = microRound((months * factor - newMonths) * DAYS_PER_MONTH);
        double secondRemainder = microRound((days * factor - newDays + monthRemainderDays - (int) monthRemainderDays)
                * SECONDS_PER_DAY);
        return spill(newMonths, newDays, monthRemainderDays, secondRemainder, micros * factor);
    }

    /** PostgreSQL's interval_div, which divides each field rather than multiplying by the inverse. */
    IntervalConstant dividedBy(double divisor) {
        int newMonths = (int) (months / divisor);
        int newDays = (int) (days / divisor);
        double monthRemainderDays = microRound((months / divisor - newMonths) * DAYS_PER_MONTH);
        double secondRemainder = microRound((days / divisor - newDays + monthRemainderDays - (int) monthRemainderDays)
                * SECONDS_PER_DAY);
        return spill(newMonths, newDays, monthRemainderDays, secondRemainder, micros / divisor);
    }

    private static IntervalConstant spill(int months, int days, double monthRemainderDays, double secondRemainder,
                                          double scaledMicros) {
        if (Math.abs(secondRemainder) >= SECONDS_PER_DAY) {
            days += (int) (secondRemainder / SECONDS_PER_DAY);
            secondRemainder -= (int) (secondRemainder / SECONDS_PER_DAY) * SECONDS_PER_DAY;
        }
        days += (int) monthRemainderDays;
        return new IntervalConstant(months, days, (long) Math.rint(scaledMicros + secondRemainder * 1_000_000));
    }

    private static double microRound(double value) {
        return Math.rint(value * 1_000_000) / 1_000_000;
    }

    /** The amounts per unit, for the dialects' {@code timestamp ± interval}. */
    IntervalValue asValue() {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        amounts.put("month", BigDecimal.valueOf(months));
        amounts.put("day", BigDecimal.valueOf(days));
        amounts.put("second", BigDecimal.valueOf(micros, 6));
        amounts.values().removeIf(amount -> amount.signum() == 0);
        if (amounts.isEmpty()) {
            amounts.put("second", BigDecimal.ZERO);
        }
        return new IntervalValue(amounts);
    }

    /** PostgreSQL's output in the default IntervalStyle (postgres). */
    String text() {
        StringBuilder out = new StringBuilder();
        boolean[] negativeBefore = {false};
        part(out, months / 12, "year", negativeBefore);
        part(out, months % 12, "mon", negativeBefore);
        part(out, days, "day", negativeBefore);
        if (micros != 0 || out.isEmpty()) {
            long abs = Math.abs(micros);
            out.append(out.isEmpty() ? "" : " ").append(micros < 0 ? "-" : negativeBefore[0] ? "+" : "");
            out.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", abs / 3_600_000_000L,
                    abs / 60_000_000 % 60, abs / 1_000_000 % 60));
            appendFraction(out, abs % 1_000_000);
        }
        return out.toString();
    }

    private static void part(StringBuilder out, int value, String unit, boolean[] negativeBefore) {
        if (value == 0) {
            return;
        }
        out.append(out.isEmpty() ? "" : " ").append(negativeBefore[0] && value > 0 ? "+" : "").append(value)
                .append(' ').append(unit).append(value == 1 ? "" : "s");
        negativeBefore[0] = value < 0;
    }

    /** {@code .5} for 500000 microseconds: six digits, trailing zeros dropped. */
    static void appendFraction(StringBuilder out, long microsOfSecond) {
        if (microsOfSecond != 0) {
            String digits = String.format(java.util.Locale.ROOT, "%06d", microsOfSecond);
            out.append('.').append(digits.replaceAll("0+$", ""));
        }
    }
}
