package io.pgbridge.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the scalar value syntaxes shared by the YAML file and the command line, so both accept the
 * same spellings and report them the same way ({@code expected ..., got "..."}).
 */
final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final int MAX_ECHO = 60;

    private Values() {
    }

    /** Turns the text of one scalar into a value; throws a {@link ConfigException} without a key path. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    static Parser<String> text() {
        return text -> text;
    }

    /** A decimal integer; {@code expected} describes the valid values, e.g. "a positive integer". */
    static Parser<Integer> integer(String expected) {
        return text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("expected " + expected + ", got " + quote(text));
            }
        };
    }

    static Parser<Boolean> bool() {
        return text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("expected true or false, got " + quote(text));
        };
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 2d} or a bare number of milliseconds. */
    static Parser<Duration> duration() {
        return text -> {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ConfigException(
                        "expected a duration such as 500ms, 30s, 10m, 1h or integer milliseconds, got " + quote(text));
            }
            try {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ConfigException("duration is too large: " + quote(text));
            }
        };
    }

    /**
     * A byte count: a bare integer or one with a unit. K/KB/KiB, M/MB/MiB and G/GB/GiB all mean powers of
     * 1024, as in postgresql.conf; the result must fit in an int because it bounds Java arrays.
     */
    static Parser<Integer> size() {
        return text -> {
            Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ConfigException("expected a size such as 10000, 64MB or 1GiB, got " + quote(text));
            }
            String unit = m.group(2) == null ? "b" : m.group(2);
            long multiplier = switch (unit.charAt(0)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1L;
            };
            try {
                long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
                if (bytes > Integer.MAX_VALUE) {
                    throw new ArithmeticException();
                }
                return (int) bytes;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ConfigException("size is too large, the most is " + Integer.MAX_VALUE
                        + " bytes (2GiB - 1), got " + quote(text));
            }
        };
    }

    /** A time as PostgreSQL spells it ({@code 30s}, {@code 2min}, {@code 0} = off): see {@link PgMilliseconds}. */
    static Parser<Duration> pgTime() {
        return text -> {
            long millis;
            try {
                millis = PgMilliseconds.parse(text);
            } catch (PgMilliseconds.Invalid e) {
                millis = PgMilliseconds.RANGE_HINT.equals(e.hint()) ? Long.MAX_VALUE : -1;
            }
            if (millis > PgMilliseconds.MAX) {
                throw new ConfigException("expected a time from 0 (off) to " + PgMilliseconds.MAX + "ms, got "
                        + quote(text));
            }
            if (millis < 0) {
                throw new ConfigException("expected a time such as 30s, 500ms, 2min or 0 (off), in PostgreSQL's units"
                        + " us, ms, s, min, h and d, got " + quote(text));
            }
            return Duration.ofMillis(millis);
        };
    }

    /** File mode bits written in octal with a leading zero, as PostgreSQL's {@code unix_socket_permissions}: 0770. */
    static Parser<Integer> octalMode() {
        return text -> {
            String t = text.strip();
            if (!t.matches("0[0-7]{1,3}")) {
                throw new ConfigException("expected octal mode bits with a leading 0 such as 0777 or 0770, got "
                        + quote(text));
            }
            return Integer.parseInt(t, 8);
        };
    }

    static Parser<Path> path() {
        return text -> {
            if (text.isBlank()) {
                throw new ConfigException("expected a directory path, got an empty value");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new ConfigException("expected a directory path, got " + quote(text));
            }
        };
    }

    /** Human spelling of a duration in the same units the parser accepts. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** The value in double quotes for an error message, shortened so a pasted blob cannot flood a log. */
    static String quote(String text) {
        String shown = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text;
        return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
