package io.pgbridge.proxy.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's complaints about values, by vendor code, as the error PostgreSQL raises for the same value. MariaDB
 * raises them as errors where strict mode applies (INSERT and UPDATE) and only as warnings elsewhere (a SELECT
 * answers NULL or 0 for {@code 1 / 0} or {@code CAST('abc' AS SIGNED)}); PostgreSQL always fails the statement.
 * Its notes (a value with spaces around it, which PostgreSQL accepts) stay notes.
 */
final class MariaDbValueErrors {
    private static final Pattern QUOTED_VALUE = Pattern.compile("value: '((?:[^']|'')*)'");
    /** A date that has the shape of one: its fields are out of range rather than its text malformed. */
    private static final Pattern DATE_SHAPED = Pattern.compile("\\s*\\d{1,4}-\\d{1,2}-\\d{1,2}([ T].*)?");

    private MariaDbValueErrors() {
    }

    /** PostgreSQL's SQLSTATE and message for MariaDB's complaint, or null when PostgreSQL accepts the value. */
    static String[] of(int vendorCode, String message) {
        String value = quotedValue(message);
        return switch (vendorCode) {
            case 1365 -> new String[] {"22012", "division by zero"};
            case 1264, 1690 -> new String[] {"22003", message.startsWith("Out of range value for column")
                    ? "value out of range for column" + message.substring("Out of range value for column".length())
                    : "value out of range: " + message};
            case 1406 -> new String[] {"22001", "value too long for the column: " + message};
            case 1366, 1918 -> new String[] {"22P02", "invalid input syntax: " + message};
            case 1292 -> truncated(message, value);
            default -> null;
        };
    }

    /** 1292 says a text did not convert to a number or a date/time ("Truncated incorrect INTEGER value: 'x'"). */
    private static String[] truncated(String message, String value) {
        if (value == null) {
            return null;
        }
        String type = message.contains("INTEGER value") ? "integer"
                : message.contains("DOUBLE value") ? "double precision"
                : message.contains("DECIMAL value") ? "numeric" : null;
        if (type != null) {
            return isNumber(value.strip(), type.equals("integer")) ? null
                    : new String[] {"22P02", "invalid input syntax for type " + type + ": \"" + value + "\""};
        }
        if (message.startsWith("Incorrect date") || message.startsWith("Incorrect time")
                || message.startsWith("Truncated incorrect date") || message.startsWith("Truncated incorrect time")) {
            return DATE_SHAPED.matcher(value).matches()
                    ? new String[] {"22008", "date/time field value out of range: \"" + value + "\""}
                    : new String[] {"22007", "invalid input syntax for type timestamp: \"" + value + "\""};
        }
        return null;
    }

    private static boolean isNumber(String text, boolean integer) {
        if (integer) {
            return text.matches("[+-]?\\d+");
        }
        return text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                || text.matches("(?i)[+-]?(infinity|inf|nan)");
    }

    private static String quotedValue(String message) {
        Matcher m = QUOTED_VALUE.matcher(message);
        return m.find() ? m.group(1).replace("''", "'") : null;
    }
}
