package io.pgbridge.translation.calcite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamp text with a UTC offset ({@code '2024-01-15 09:00:00+01'}), as applications and pgjdbc's simple mode
 * write timestamptz values, made into the UTC wall-clock time a backend without zoned timestamps stores. pgbridge's
 * MariaDB sessions run in UTC, so the instant stays the one PostgreSQL would store; MariaDB itself rejects the offset.
 */
final class ZonedTimestampText {
    private static final Pattern ZONED = Pattern.compile(
            "\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?"
                    + "\\s*(?:([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?|(z|utc))\\s*", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT);

    private ZonedTimestampText() {
    }

    /**
     * The UTC wall-clock text of {@code text} when it is a timestamp (or a date, pgjdbc's {@code 2024-02-21 +00})
     * followed by an offset; null for any other text, which then stays as written.
     */
    static String inUtc(String text) {
        Matcher m = ZONED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.toString();   // a date with a zone: PostgreSQL's date input drops the zone
            }
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7).substring(1) + "00000000").substring(0, 9));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            ZoneOffset offset = m.group(12) != null ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutesSeconds(
                    sign(m.group(8)) * Integer.parseInt(m.group(9)), sign(m.group(8)) * number(m.group(10)),
                    sign(m.group(8)) * number(m.group(11)));
            LocalDateTime utc = LocalDateTime.of(date, time).atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
            return utc.format(utc.getNano() == 0 ? SECONDS : MICROS);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;   // not a valid timestamp: the backend rejects it as PostgreSQL would
        }
    }

    private static int sign(String sign) {
        return sign.equals("-") ? -1 : 1;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
