package io.pgbridge.proxy.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Reads the date/time spellings clients really send: ISO {@code 2024-01-02 03:04:05.123456+05:30} (space or
 * {@code T}), {@code 1/8/1999} (DateStyle MDY), {@code 19990108}, a zone as offset, {@code Z} or region name,
 * {@code BC}/{@code AD}, and the words infinity, -infinity, epoch, now, today, tomorrow, yesterday.
 * Bad syntax is 22007, impossible fields 22008, as PostgreSQL reports them.
 */
final class DateTimeParser {

    /** The fields found; year is proleptic ISO (1 BC is 0). special is +1/-1 for ±infinity. */
    record Fields(int special, boolean hasDate, LocalDate date, boolean hasTime, long microsOfDay,
                  ZoneOffset offset, ZoneId zone) {
    }

    private final String text;
    private final AbstractPgType<?> type;
    private int pos;

    private DateTimeParser(String text, AbstractPgType<?> type) {
        this.text = text;
        this.type = type;
    }

    static Fields parse(String text, AbstractPgType<?> type, TextContext context) {
        return new DateTimeParser(text, type).parse(context);
    }

    private PgTypeException syntax() {
        return type.invalidSyntax("22007", text);
    }

    private PgTypeException fieldRange() {
        return new PgTypeException("22008", "date/time field value out of range: \"" + text + "\"");
    }

    private Fields parse(TextContext context) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "infinity", "+infinity":
                return new Fields(1, true, null, true, 0, null, null);
            case "-infinity":
                return new Fields(-1, true, null, true, 0, null, null);
            case "epoch":
                return new Fields(0, true, LocalDate.EPOCH, true, 0, ZoneOffset.UTC, null);
            case "now": {
                java.time.ZonedDateTime now = java.time.ZonedDateTime.now(context.timeZone());
                return new Fields(0, true, now.toLocalDate(), true, now.toLocalTime().toNanoOfDay() / 1000,
                        now.getOffset(), null);
            }
            case "today", "tomorrow", "yesterday": {
                LocalDate today = LocalDate.now(context.timeZone());
                LocalDate d = s.equals("today") ? today : today.plusDays(s.equals("tomorrow") ? 1 : -1);
                return new Fields(0, true, d, true, 0, null, null);
            }
            default:
                break;
        }
        skipSpaces();
        boolean hasDate = false;
        int year = 0;
        int month = 0;
        int day = 0;
        boolean twoDigitYear = false;
        int start = pos;
        int d1 = digits();
        if (d1 == 0) {
            throw syntax();
        }
        char sep = peek();
        if (sep == '-' || sep == '/' || sep == '.') {
            pos++;
            int startB = pos;
            int d2 = digits();
            if (d2 == 0 || peek() != sep) {
                throw syntax();
            }
            pos++;
            int startC = pos;
            int d3 = digits();
            if (d3 == 0) {
                throw syntax();
            }
            int a = number(start, d1);
            int b = number(startB, d2);
            int c = number(startC, d3);
            if (d1 >= 3) {
                year = a;
                month = b;
                day = c;
            } else {
                // DateStyle MDY
                month = a;
                day = b;
                year = c;
                twoDigitYear = d3 <= 2;
            }
            hasDate = true;
        } else if (d1 == 8 && sep != ':') {
            year = number(start, 4);
            month = number(start + 4, 2);
            day = number(start + 6, 2);
            hasDate = true;
        } else {
            pos = start;
        }
        boolean hasTime = false;
        long micros = 0;
        if (hasDate && (peek() == 't' || peek() == 'T') && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            pos++;
        } else {
            skipSpaces();
        }
        int timeStart = pos;
        int h = digits();
        if (h > 0 && peek() == ':') {
            hasTime = true;
            micros = time(timeStart, h);
        } else if (hasDate && h == 6) {
            // ISO basic time after a date: hhmmss[.ffffff]
            hasTime = true;
            long fraction = 0;
            if (peek() == '.') {
                pos++;
                int fStart = pos;
                fraction = fractionMicros(fStart, digits());
            }
            int hh = number(timeStart, 2);
            int mm = number(timeStart + 2, 2);
            int ss = number(timeStart + 4, 2);
            if (hh > 23 || mm > 59 || ss > 60) {
                throw fieldRange();
            }
            micros = ((hh * 60L + mm) * 60 + ss) * DateTimes.MICROS_PER_SECOND + fraction;
        } else {
            pos = timeStart;
        }
        if (!hasDate && !hasTime) {
            throw syntax();
        }
        skipSpaces();
        ZoneOffset offset = null;
        ZoneId zone = null;
        char c = peek();
        if (c == '+' || c == '-') {
            offset = offset();
        } else if (Character.isLetter(c)) {
            int wordStart = pos;
            while (pos < text.length() && !Ascii.isSpace(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(wordStart, pos);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("bc") || lower.equals("ad")) {
                pos = wordStart;
            } else if (lower.equals("z") || lower.equals("utc") || lower.equals("gmt") || lower.equals("zulu")) {
                offset = ZoneOffset.UTC;
            } else {
                try {
                    zone = ZoneId.of(word);
                } catch (DateTimeException e) {
                    throw new PgTypeException("22023", "time zone \"" + lower + "\" not recognized");
                }
            }
        }
        skipSpaces();
        boolean bc = false;
        if (pos + 2 <= text.length()) {
            String era = text.substring(pos, pos + 2).toLowerCase(Locale.ROOT);
            if (era.equals("bc") || era.equals("ad")) {
                bc = era.equals("bc");
                pos += 2;
                skipSpaces();
            }
        }
        if (pos != text.length()) {
            throw syntax();
        }
        LocalDate date = null;
        if (hasDate) {
            if (twoDigitYear && !bc) {
                year += year < 70 ? 2000 : 1900;
            }
            if (year <= 0) {
                throw fieldRange();
            }
            try {
                date = LocalDate.of(bc ? 1 - year : year, month, day);
            } catch (DateTimeException e) {
                throw fieldRange();
            }
        }
        return new Fields(0, hasDate, date, hasTime, micros, offset, zone);
    }

    /** {@code HH:MM[:SS[.ffffff]]}; 24:00:00 and leap second 60 roll over the way PostgreSQL rolls them. */
    private long time(int start, int hourDigits) {
        long hour = number(start, hourDigits);
        pos++; // ':'
        int mStart = pos;
        int md = digits();
        if (md == 0) {
            throw syntax();
        }
        long minute = number(mStart, md);
        long second = 0;
        long fraction = 0;
        if (peek() == ':') {
            pos++;
            int sStart = pos;
            int sd = digits();
            if (sd == 0) {
                throw syntax();
            }
            second = number(sStart, sd);
            if (peek() == '.') {
                pos++;
                int fStart = pos;
                int fd = digits();
                fraction = fractionMicros(fStart, fd);
            }
        }
        if (hour > 24 || minute > 59 || second > 60
                || (hour == 24 && (minute != 0 || second != 0 || fraction != 0))) {
            throw fieldRange();
        }
        return ((hour * 60 + minute) * 60 + second) * DateTimes.MICROS_PER_SECOND + fraction;
    }

    /** Fraction digits to microseconds the way PostgreSQL rounds them: rint() of the double, not decimal rounding. */
    private long fractionMicros(int start, int count) {
        if (count == 0) {
            return 0;
        }
        return (long) Math.rint(Double.parseDouble("0." + text.substring(start, start + count)) * 1e6);
    }

    /** {@code +5}, {@code +05}, {@code +0530}, {@code +05:30}, {@code -03:06:28}; PostgreSQL allows up to ±15:59:59. */
    private ZoneOffset offset() {
        boolean negative = text.charAt(pos) == '-';
        pos++;
        int start = pos;
        int n = digits();
        int h;
        int m = 0;
        int sec = 0;
        if (n == 1 || n == 2) {
            h = number(start, n);
            if (peek() == ':') {
                pos++;
                int ms = pos;
                if (digits() != 2) {
                    throw syntax();
                }
                m = number(ms, 2);
                if (peek() == ':') {
                    pos++;
                    int ss = pos;
                    if (digits() != 2) {
                        throw syntax();
                    }
                    sec = number(ss, 2);
                }
            }
        } else if (n == 4 || n == 6) {
            h = number(start, 2);
            m = number(start + 2, 2);
            sec = n == 6 ? number(start + 4, 2) : 0;
        } else {
            throw syntax();
        }
        if (h > 15 || m > 59 || sec > 59) {
            throw new PgTypeException("22009", "time zone displacement out of range: \"" + text + "\"");
        }
        int total = h * 3600 + m * 60 + sec;
        return ZoneOffset.ofTotalSeconds(negative ? -total : total);
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private int number(int start, int count) {
        if (count > 9) {
            throw fieldRange();
        }
        return Integer.parseInt(text, start, start + count, 10);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Ascii.isSpace(text.charAt(pos))) {
            pos++;
        }
    }
}
