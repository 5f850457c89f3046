package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Shared date/time arithmetic and ISO output. PostgreSQL counts from 2000-01-01 in microseconds (timestamps) or days
 * (dates), years before 1 AD print as {@code 0044 BC}, and fractional seconds drop their trailing zeros.
 * ±infinity are held as the MAX/MIN constants of the java.time classes, as pgjdbc does.
 */
final class DateTimes {
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** 2000-01-01 as days since 1970-01-01. */
    static final long PG_EPOCH_DAY = 10_957L;
    static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;
    /** Julian day 0, 4714-11-24 BC: the first date and timestamp PostgreSQL accepts. */
    static final long MIN_EPOCH_DAY = LocalDate.of(-4713, 11, 24).toEpochDay();
    static final long MAX_DATE_EPOCH_DAY = LocalDate.of(5874897, 12, 31).toEpochDay();
    /** Timestamps end before 294277-01-01. */
    static final long END_TIMESTAMP_EPOCH_DAY = LocalDate.of(294277, 1, 1).toEpochDay();

    private DateTimes() {
    }

    /** Microseconds since 2000-01-01 00:00 of a local date-time, nanoseconds rounded to the nearest microsecond. */
    static long toPgMicros(LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECOND;
        return seconds * MICROS_PER_SECOND + roundNanos(t.getNano());
    }

    static long toPgMicros(long epochSecond, int nano) {
        return (epochSecond - PG_EPOCH_SECOND) * MICROS_PER_SECOND + roundNanos(nano);
    }

    static long roundNanos(long nanos) {
        return (nanos + 500) / 1000;
    }

    static LocalDateTime fromPgMicros(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + PG_EPOCH_SECOND, nanos, ZoneOffset.UTC);
    }

    /** Microseconds since midnight; LocalTime.MAX rounds to 24:00:00, which PostgreSQL's time also allows. */
    static long toMicrosOfDay(LocalTime t) {
        return roundNanos(t.toNanoOfDay());
    }

    static LocalTime fromMicrosOfDay(long micros) {
        return micros >= MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** {@code YYYY-MM-DD}, the year as PostgreSQL counts it (no year 0); returns whether " BC" must follow. */
    static boolean writeDate(ByteBuf out, long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int year = d.getYear();
        boolean bc = year <= 0;
        Ascii.writeUnsigned(out, bc ? 1 - year : year, 4);
        out.writeByte('-');
        Ascii.writeUnsigned(out, d.getMonthValue(), 2);
        out.writeByte('-');
        Ascii.writeUnsigned(out, d.getDayOfMonth(), 2);
        return bc;
    }

    /** {@code HH:MM:SS[.ffffff]}; the hour may be 24. */
    static void writeTime(ByteBuf out, long microsOfDay) {
        long seconds = microsOfDay / MICROS_PER_SECOND;
        Ascii.writeUnsigned(out, seconds / 3600, 2);
        out.writeByte(':');
        Ascii.writeUnsigned(out, seconds / 60 % 60, 2);
        out.writeByte(':');
        Ascii.writeUnsigned(out, seconds % 60, 2);
        Ascii.writeFraction(out, (int) (microsOfDay % MICROS_PER_SECOND));
    }

    /** A local date-time given as microseconds since 2000-01-01: {@code YYYY-MM-DD HH:MM:SS[.f]}; returns BC. */
    static boolean writeTimestamp(ByteBuf out, long localPgMicros) {
        long day = Math.floorDiv(localPgMicros, MICROS_PER_DAY);
        boolean bc = writeDate(out, day + PG_EPOCH_DAY);
        out.writeByte(' ');
        writeTime(out, Math.floorMod(localPgMicros, MICROS_PER_DAY));
        return bc;
    }

    /** PostgreSQL's zone offset: {@code +05}, {@code +05:30}, {@code -03:06:28}; minutes and seconds only if set. */
    static void writeOffset(ByteBuf out, int offsetSeconds) {
        out.writeByte(offsetSeconds < 0 ? '-' : '+');
        int abs = Math.abs(offsetSeconds);
        Ascii.writeUnsigned(out, abs / 3600, 2);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) {
            out.writeByte(':');
            Ascii.writeUnsigned(out, minutes, 2);
            if (seconds != 0) {
                out.writeByte(':');
                Ascii.writeUnsigned(out, seconds, 2);
            }
        }
    }

    static void writeBc(ByteBuf out, boolean bc) {
        if (bc) {
            Ascii.writeString(out, " BC");
        }
    }
}
