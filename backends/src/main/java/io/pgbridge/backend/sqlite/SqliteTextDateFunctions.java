package io.pgbridge.backend.sqlite;

import org.sqlite.Function;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * PostgreSQL's case mapping and formatting functions on SQLite connections: SQLite's own lower() and upper() map
 * ASCII letters only ({@code lower('ÉCOLE')} would be {@code École}), and it has no to_char or to_date. Case maps
 * one code point at a time, as PostgreSQL's C.UTF-8 collation does ({@code upper('straße')} is {@code STRAßE}).
 */
final class SqliteTextDateFunctions {
    private SqliteTextDateFunctions() {
    }

    static void register(Connection c) throws SQLException {
        int deterministic = Function.FLAG_DETERMINISTIC;
        Function.create(c, "lower", SqliteFunctions.scalar(a -> mapCodePoints(a.text(0), false)), 1, deterministic);
        Function.create(c, "upper", SqliteFunctions.scalar(a -> mapCodePoints(a.text(0), true)), 1, deterministic);
        Function.create(c, "to_char", SqliteFunctions.scalar(SqliteTextDateFunctions::toChar), 2, deterministic);
        Function.create(c, "to_date", SqliteFunctions.scalar(a -> DatePattern.parseDate(a.text(0), a.text(1))
                .toString()), 2, deterministic);
    }

    static String mapCodePoints(String text, boolean upper) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(upper ? Character.toUpperCase(cp)
                : Character.toLowerCase(cp)));
        return out.toString();
    }

    /** A number (SQLite integer or real, or numeric text) by a number pattern, a date/time text by a date pattern. */
    private static String toChar(Arguments a) throws SQLException {
        if (a.isInteger(0) || a.isFloat(0)) {
            return NumberPattern.format(new BigDecimal(a.text(0)), a.text(1));
        }
        String text = a.text(0).strip();
        try {
            return DatePattern.format(timestamp(text), a.text(1));
        } catch (DateTimeParseException e) {
            try {
                return NumberPattern.format(new BigDecimal(text), a.text(1));
            } catch (NumberFormatException notANumber) {
                throw new SQLException("22007: invalid input syntax for type timestamp: \"" + text + "\"");
            }
        }
    }

    /** SQLite's date and time texts: {@code 2024-02-29}, {@code 2024-02-29 13:15:30.5}, with T or a space. */
    private static LocalDateTime timestamp(String text) {
        String iso = text.length() == 10 ? text + "T00:00:00" : text.replace(' ', 'T');
        return LocalDateTime.parse(iso);
    }
}
