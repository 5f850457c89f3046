package io.pgbridge.backend.sqlite;

import org.sqlite.Function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Casts that refuse what PostgreSQL refuses: SQLite's CAST turns {@code 'abc'} into 0 and keeps 40000 as a
 * smallint, and its date functions read {@code 2024-02-30}. The SQLite translator wraps casts to integers in
 * {@code pgbridge_int2/4/8(x)} and casts to dates and timestamps in {@code pgbridge_datetime(x)}, which returns the
 * text unchanged once it is a valid date/time (SQLite's own date functions then format it).
 */
final class SqliteCheckedCasts {
    /** ISO dates and timestamps as PostgreSQL and SQLite both read them, optionally with a UTC offset. */
    private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?)?\\s*(?:Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?\\s*");

    private SqliteCheckedCasts() {
    }

    static void register(Connection c, int flags) throws SQLException {
        Function.create(c, "pgbridge_int2", new IntegerCast("smallint", Short.MIN_VALUE, Short.MAX_VALUE), 1, flags);
        Function.create(c, "pgbridge_int4", new IntegerCast("integer", Integer.MIN_VALUE, Integer.MAX_VALUE), 1,
                flags);
        Function.create(c, "pgbridge_int8", new IntegerCast("bigint", Long.MIN_VALUE, Long.MAX_VALUE), 1, flags);
        Function.create(c, "pgbridge_datetime", new DateTimeCheck(), 1, flags);
    }

    /** A value as PostgreSQL's integer types take it: numbers rounded half away from zero, text as a whole number. */
    private static final class IntegerCast extends Arguments {
        private final String type;
        private final long min;
        private final long max;

        IntegerCast(String type, long min, long max) {
            this.type = type;
            this.min = min;
            this.max = max;
        }

        @Override
        protected void xFunc() throws SQLException {
            if (isNull(0)) {
                setNull();
                return;
            }
            BigDecimal value;
            if (isInteger(0)) {
                value = BigDecimal.valueOf(integer(0));
            } else if (isFloat(0)) {
                double real = real(0);
                if (Double.isNaN(real) || Double.isInfinite(real)) {
                    throw new SQLException("22003: " + type + " out of range");
                }
                value = new BigDecimal(real);
            } else {
                String text = text(0);
                String digits = text.strip();
                if (!digits.matches("[+-]?\\d+")) {
                    throw new SQLException("22P02: invalid input syntax for type " + type + ": \"" + text + "\"");
                }
                value = new BigDecimal(digits);
            }
            BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new SQLException("22003: " + type + " out of range");
            }
            set(rounded.longValueExact());
        }
    }

    /**
     * Its argument when it is a valid ISO date or timestamp (or not text: SQLite's date functions read numbers as
     * day or epoch counts); 22008 for fields out of range, 22007 for other text.
     */
    private static final class DateTimeCheck extends Arguments {
        @Override
        protected void xFunc() throws SQLException {
            if (isNull(0)) {
                setNull();
                return;
            }
            if (isInteger(0) || isFloat(0)) {
                set(text(0));
                return;
            }
            String text = text(0);
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                try {
                    LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                            Integer.parseInt(iso.group(3)));
                    if (iso.group(4) != null) {
                        LocalTime.of(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                                iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
                    }
                } catch (DateTimeException e) {
                    throw new SQLException("22008: date/time field value out of range: \"" + text + "\"");
                }
                set(text);
                return;
            }
            if (text.strip().equalsIgnoreCase("now")) {
                set(text);   // SQLite's date functions read 'now' as PostgreSQL does (in UTC)
                return;
            }
            throw new SQLException("22007: invalid input syntax for type timestamp: \"" + text + "\"");
        }
    }
}
