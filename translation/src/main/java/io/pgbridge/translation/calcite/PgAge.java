package io.pgbridge.translation.calcite;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * PostgreSQL's {@code age(a, b)}: the field-by-field difference of two timestamps, each negative field borrowing
 * from the next larger one, a month borrowing as many days as the earlier timestamp's month has (timestamp_age).
 */
final class PgAge {
    private PgAge() {
    }

    static IntervalConstant between(LocalDateTime a, LocalDateTime b) {
        boolean before = a.isBefore(b);
        int sign = before ? -1 : 1;
        long micros = sign * ((a.getNano() - b.getNano()) / 1000L);
        int seconds = sign * (a.getSecond() - b.getSecond());
        int minutes = sign * (a.getMinute() - b.getMinute());
        int hours = sign * (a.getHour() - b.getHour());
        int days = sign * (a.getDayOfMonth() - b.getDayOfMonth());
        int months = sign * (a.getMonthValue() - b.getMonthValue());
        int years = sign * (a.getYear() - b.getYear());
        for (; micros < 0; micros += 1_000_000) {
            seconds--;
        }
        for (; seconds < 0; seconds += 60) {
            minutes--;
        }
        for (; minutes < 0; minutes += 60) {
            hours--;
        }
        for (; hours < 0; hours += 24) {
            days--;
        }
        LocalDateTime earlier = before ? a : b;
        for (; days < 0; months--) {
            days += YearMonth.from(earlier).lengthOfMonth();
        }
        for (; months < 0; months += 12) {
            years--;
        }
        long time = ((hours * 60L + minutes) * 60 + seconds) * 1_000_000 + micros;
        return new IntervalConstant(sign * (years * 12 + months), sign * days, sign * time);
    }
}
