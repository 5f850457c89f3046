package io.pgbridge.translation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A PostgreSQL interval literal ({@code '1 day'}, {@code '2 hours 30 minutes'}, {@code '1 year -2 days'},
 * {@code '01:30:00'}, {@code '3 days ago'}) as amounts per unit, so each backend can add it with its own date
 * arithmetic. Weeks become days, and fractions spill into the next smaller unit as PostgreSQL's input does
 * ({@code '1.5 days'} is 1 day 12 hours; a month counts 30 days there). The one parser of interval input for every
 * translator.
 *
 * @param amounts unit (year, month, day, hour, minute, second) → amount, in the order written
 */
public record IntervalValue(Map<String, BigDecimal> amounts) {

    /** The interval {@code text} means, or null when it is not a form pgbridge understands. */
    public static IntervalValue parse(String text) {
        String[] words = text.trim().toLowerCase(Locale.ROOT).replace("@", " ").trim().split("\\s+");
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        boolean ago = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals("ago") && i == words.length - 1) {
                ago = true;
                continue;
            }
            if (word.contains(":")) {
                if (!addClock(word, amounts)) {
                    return null;
                }
                continue;
            }
            BigDecimal amount;
            String unit;
            int split = firstLetter(word);
            try {
                if (split > 0) {
                    amount = new BigDecimal(word.substring(0, split));
                    unit = word.substring(split);
                } else {
                    amount = new BigDecimal(word);
                    if (i + 1 >= words.length) {
                        amounts.merge("second", amount, BigDecimal::add);
                        continue;
                    }
                    unit = words[++i];
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (!add(amount, unit, amounts)) {
                return null;
            }
        }
        if (amounts.isEmpty()) {
            return null;
        }
        if (ago) {
            amounts.replaceAll((unit, amount) -> amount.negate());
        }
        return new IntervalValue(amounts);
    }

    /** Whether calendar units (months, years) are part of it: their length depends on the date. */
    public boolean hasMonths() {
        return amounts.containsKey("year") || amounts.containsKey("month");
    }

    private static int firstLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean add(BigDecimal amount, String unit, Map<String, BigDecimal> amounts) {
        String canonical = switch (unit) {
            case "y", "yr", "yrs", "year", "years" -> "year";
            case "mon", "mons", "month", "months" -> "month";
            case "w", "week", "weeks" -> "week";
            case "d", "day", "days" -> "day";
            case "h", "hr", "hrs", "hour", "hours" -> "hour";
            case "m", "min", "mins", "minute", "minutes" -> "minute";
            case "s", "sec", "secs", "second", "seconds" -> "second";
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> "millisecond";
            case "us", "usec", "usecs", "microsecond", "microseconds" -> "microsecond";
            default -> null;
        };
        if (canonical != null && canonical.endsWith("isecond")) {
            amount = amount.movePointLeft(canonical.startsWith("milli") ? 3 : 6);
            canonical = "second";
        }
        if (canonical == null) {
            return false;
        }
        if (canonical.equals("week")) {
            canonical = "day";
            amount = amount.multiply(BigDecimal.valueOf(7));
        }
        while (!canonical.equals("second") && amount.stripTrailingZeros().scale() > 0) {
            BigDecimal whole = new BigDecimal(amount.toBigInteger());
            if (whole.signum() != 0) {
                amounts.merge(canonical, whole, BigDecimal::add);
            }
            int[] spill = SPILL.get(canonical);
            amount = amount.subtract(whole).multiply(BigDecimal.valueOf(spill[1]));
            canonical = UNITS[spill[0]];
        }
        amounts.merge(canonical, amount, BigDecimal::add);
        return true;
    }

    private static final String[] UNITS = {"year", "month", "day", "hour", "minute", "second"};
    /** Where a fraction of each unit goes, and how many of that unit make one: PostgreSQL's DateTimeParse rules. */
    private static final Map<String, int[]> SPILL = Map.of("year", new int[] {1, 12}, "month", new int[] {2, 30},
            "day", new int[] {5, 86_400}, "hour", new int[] {5, 3_600}, "minute", new int[] {5, 60});

    /** {@code [-]hh:mm[:ss[.ffffff]]}. */
    private static boolean addClock(String word, Map<String, BigDecimal> amounts) {
        boolean negative = word.startsWith("-");
        String[] parts = (negative ? word.substring(1) : word).split(":");
        if (parts.length < 2 || parts.length > 3) {
            return false;
        }
        try {
            BigDecimal sign = negative ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            amounts.merge("hour", new BigDecimal(Integer.parseInt(parts[0])).multiply(sign), BigDecimal::add);
            amounts.merge("minute", new BigDecimal(Integer.parseInt(parts[1])).multiply(sign), BigDecimal::add);
            if (parts.length == 3) {
                amounts.merge("second", new BigDecimal(parts[2]).multiply(sign), BigDecimal::add);
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return true;
    }
}
