package io.pgbridge.proxy.types;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeTypesTest extends PgTypeTestBase {

    @AfterEach
    void backToUtc() throws SQLException {
        setZone("UTC");
    }

    @Test
    void date() throws SQLException {
        checkValue(DateType.INSTANCE, LocalDate.of(2024, 1, 2), "'2024-01-02'::date");
        checkValue(DateType.INSTANCE, LocalDate.of(2024, 2, 29), "'2024-02-29'::date");
        checkValue(DateType.INSTANCE, LocalDate.of(-43, 3, 15), "'0044-03-15 BC'::date");
        checkValue(DateType.INSTANCE, LocalDate.of(0, 1, 1), "'0001-01-01 BC'::date");
        checkValue(DateType.INSTANCE, LocalDate.of(10000, 1, 1), "'10000-01-01'::date");
        checkValue(DateType.INSTANCE, LocalDate.MAX, "'infinity'::date");
        checkValue(DateType.INSTANCE, LocalDate.MIN, "'-infinity'::date");
        checkAll(DateType.INSTANCE, "'2000-01-01'::date", "'1999-12-31'::date", "'1970-01-01'::date",
                "'4714-11-24 BC'::date", "'5874897-12-31'::date", "'0001-01-01'::date");
        assertThat(DateType.INSTANCE.decodeText("1/8/1999", context)).isEqualTo(LocalDate.of(1999, 1, 8));
        assertThat(DateType.INSTANCE.decodeText("1/8/99", context)).isEqualTo(LocalDate.of(1999, 1, 8));
        assertThat(DateType.INSTANCE.decodeText("19990108", context)).isEqualTo(LocalDate.of(1999, 1, 8));
        assertThat(DateType.INSTANCE.decodeText(" 2024-01-02 03:04:05 ", context)).isEqualTo(LocalDate.of(2024, 1, 2));
        for (String bad : new String[] {"x", "2024-02-30", "0000-01-01", "4714-11-23 BC", "2024-13-01", "",
                "5874898-01-01"}) {
            checkSameError(DateType.INSTANCE, "date", bad);
        }
        checkBind(DateType.INSTANCE, "date", LocalDate.of(2024, 2, 29));
        checkBind(DateType.INSTANCE, "date", LocalDate.MAX);
    }

    @Test
    void time() throws SQLException {
        checkValue(TimeType.INSTANCE, LocalTime.of(3, 4, 5, 500_000_000), "'03:04:05.5'::time");
        checkValue(TimeType.INSTANCE, LocalTime.MIDNIGHT, "'00:00'::time");
        checkValue(TimeType.INSTANCE, LocalTime.MAX, "'24:00:00'::time");
        checkValue(TimeType.INSTANCE, LocalTime.of(23, 59, 59, 999_999_000), "'23:59:59.999999'::time");
        checkAll(TimeType.INSTANCE, "'12:00:00.000001'::time", "'23:59:60'::time", "'01:02:03.1234567'::time");
        assertThat(TimeType.INSTANCE.decodeText("2024-01-02 03:04:05", context)).isEqualTo(LocalTime.of(3, 4, 5));
        for (String bad : new String[] {"x", "25:00", "12:60", "2024-01-02", "24:00:01"}) {
            checkSameError(TimeType.INSTANCE, "time", bad);
        }
        checkBind(TimeType.INSTANCE, "time", LocalTime.of(13, 14, 15, 123_456_000));
    }

    @Test
    void timetz() throws SQLException {
        checkValue(TimeTzType.INSTANCE, OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                "'12:00:00+05:30'::timetz");
        checkValue(TimeTzType.INSTANCE, OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(14)), "'12:00+14'::timetz");
        checkValue(TimeTzType.INSTANCE, OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(-3, 0, -30)),
                "'12:00-03:00:30'::timetz");
        checkAll(TimeTzType.INSTANCE, "'00:00:00.5+00'::timetz", "'23:59:59.999999-12'::timetz",
                "'24:00:00+01'::timetz", "'10:00Z'::timetz", "'10:00 -0330'::timetz");
        for (String bad : new String[] {"x", "25:00+01"}) {
            checkSameError(TimeTzType.INSTANCE, "timetz", bad);
        }
        checkBind(TimeTzType.INSTANCE, "timetz", OffsetTime.of(1, 2, 3, 4000, ZoneOffset.ofHours(-7)));
    }

    @Test
    void timestamp() throws SQLException {
        checkValue(TimestampType.INSTANCE, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                "'2024-01-02 03:04:05.123456'::timestamp");
        checkValue(TimestampType.INSTANCE, LocalDateTime.of(-43, 3, 15, 12, 0, 0, 500_000_000),
                "'0044-03-15 12:00:00.5 BC'::timestamp");
        checkValue(TimestampType.INSTANCE, LocalDateTime.MAX, "'infinity'::timestamp");
        checkValue(TimestampType.INSTANCE, LocalDateTime.MIN, "'-infinity'::timestamp");
        checkAll(TimestampType.INSTANCE, "'2000-01-01 00:00:00'::timestamp", "'1999-12-31 23:59:59.999999'::timestamp",
                "'2024-02-29 12:00'::timestamp", "'294276-12-31 23:59:59.999999'::timestamp",
                "'4714-11-24 00:00:00 BC'::timestamp", "'1970-01-01 00:00:00.000001'::timestamp",
                "'2024-01-02T03:04:05.1234567'::timestamp", "'1900-01-01 00:00:00.1'::timestamp");
        assertThat(TimestampType.INSTANCE.decodeText("2024-01-02T03:04:05+05:30", context))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(TimestampType.INSTANCE.decodeText("epoch", context)).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
        for (String bad : new String[] {"x", "2024-13-01 00:00", "2024-01-02 25:00", "294277-01-01", "12:00"}) {
            checkSameError(TimestampType.INSTANCE, "timestamp", bad);
        }
        checkBind(TimestampType.INSTANCE, "timestamp", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        checkBind(TimestampType.INSTANCE, "timestamp", LocalDateTime.MIN);
    }

    @Test
    void timestamptzInUtc() throws SQLException {
        checkValue(TimestampTzType.INSTANCE, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC),
                "'2024-01-02 03:04:05.123456+00'::timestamptz");
        checkValue(TimestampTzType.INSTANCE, OffsetDateTime.MAX, "'infinity'::timestamptz");
        checkValue(TimestampTzType.INSTANCE, OffsetDateTime.MIN, "'-infinity'::timestamptz");
        checkAll(TimestampTzType.INSTANCE, "'2024-01-02 03:04:05 America/New_York'::timestamptz",
                "'2024-01-02 03:04:05 +0530'::timestamptz", "'0044-03-15 BC'::timestamptz",
                "'2000-01-01 00:00:00Z'::timestamptz", "'1999-12-31 23:59:59.5-01'::timestamptz");
        checkBind(TimestampTzType.INSTANCE, "timestamptz",
                OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 1000, ZoneOffset.ofHours(2)));
    }

    @Test
    void timestamptzInOtherZones() throws SQLException {
        setZone("Asia/Kolkata");
        OffsetDateTime t = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC);
        checkValue(TimestampTzType.INSTANCE, t, "'2024-01-02 03:04:05.123456+00'::timestamptz");
        assertThat(new String(text(TimestampTzType.INSTANCE, t))).isEqualTo("2024-01-02 08:34:05.123456+05:30");
        checkAll(TimestampTzType.INSTANCE, "'1800-01-01 00:00'::timestamptz", "'0044-03-15 BC'::timestamptz",
                "'2024-06-01 12:00'::timestamptz", "now()", "'1941-10-01 00:00'::timestamptz");
        setZone("America/Sao_Paulo");
        checkAll(TimestampTzType.INSTANCE, "'1900-01-01 00:00'::timestamptz", "'1913-01-01 00:00'::timestamptz",
                "'2018-11-04 00:30'::timestamptz", "'2019-02-16 23:30'::timestamptz");
        setZone("America/New_York");
        checkAll(TimestampTzType.INSTANCE, "'2024-03-10 02:30'::timestamptz", "'2024-11-03 01:30'::timestamptz",
                "'1883-11-18 12:00'::timestamptz");
        setZone("Pacific/Chatham");
        checkAll(TimestampTzType.INSTANCE, "'2024-01-02 03:04:05'::timestamptz");
        for (String bad : new String[] {"x", "2024-02-30 00:00+00", "2024-01-02 00:00 Nowhere/Zone"}) {
            checkSameError(TimestampTzType.INSTANCE, "timestamptz", bad);
        }
    }

    @Test
    void interval() throws SQLException {
        checkValue(IntervalType.INSTANCE, new PgInterval(14, 3, 14_706_500_000L),
                "'1 year 2 mons 3 days 04:05:06.5'::interval");
        checkValue(IntervalType.INSTANCE, new PgInterval(0, 0, -1_000_000L), "'-1 sec'::interval");
        checkValue(IntervalType.INSTANCE, new PgInterval(0, 0, 0), "'0'::interval");
        checkValue(IntervalType.INSTANCE, new PgInterval(0, 1, 7_200_000_000L), "'P1DT2H'::interval");
        checkAll(IntervalType.INSTANCE, "'-1 year -2 days +3 hours'::interval", "'1 day -1 hour'::interval",
                "'-1 mon 1 day'::interval", "'-0.5 sec'::interval", "'1.5 years'::interval", "'1.5 mons'::interval",
                "'1.5 days'::interval", "'@ 1 day 2 hours ago'::interval", "'1 day 02:00:00'::interval",
                "'10'::interval", "'1:2'::interval", "'1 week'::interval", "'P1Y2M3W4DT5H6M7.5S'::interval",
                "'-1 years'::interval", "'1 mon'::interval", "'-178000000 years'::interval",
                "'2562047788:00:54.775807'::interval", "'-2562047788:00:54.775807'::interval",
                "'1 microsecond'::interval", "'100 ms'::interval", "'3 days -00:00:00.000001'::interval",
                "'1 decade 1 century'::interval", "'-1 day +1 hour'::interval", "'1 year -1 mon'::interval");
        assertThat(IntervalType.INSTANCE.decodeText("1 years 2 mons 3 days 4 hours 5 mins 6.5 secs", context))
                .isEqualTo(new PgInterval(14, 3, 14_706_500_000L));
        for (String bad : new String[] {"x", "1 x", "2147483648 days", "P1X"}) {
            checkSameError(IntervalType.INSTANCE, "interval", bad);
        }
        checkBind(IntervalType.INSTANCE, "interval", new PgInterval(-14, 3, -1));
    }
}
