package io.pgbridge.backend.sqlite;

import io.pgbridge.backend.h2.H2Functions;
import org.sqlite.Function;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL functions SQLite lacks, as Java functions registered on each SQLite connection (SQLite keeps
 * application functions per connection, not in the database file). The SQLite translator writes calls to them by
 * PostgreSQL's names, and to {@code pgbridge_divisor} around every divisor, since SQLite divides by zero into NULL.
 * An error a function raises starts with its SQLSTATE ({@code 22012: division by zero}); the proxy's error mapper
 * reads it from there.
 */
public final class SqliteFunctions {
    private static final int ANY_COUNT = -1;

    private SqliteFunctions() {
    }

    /** Registers the functions on {@code connection}, which must be (or wrap) a sqlite-jdbc connection. */
    public static void register(Connection connection) throws SQLException {
        Connection c = connection.isWrapperFor(org.sqlite.SQLiteConnection.class)
                ? connection.unwrap(org.sqlite.SQLiteConnection.class) : connection;
        int deterministic = Function.FLAG_DETERMINISTIC;
        Function.create(c, "pgbridge_divisor", new Divisor(), 1, deterministic);
        SqliteCheckedCasts.register(c, deterministic);
        SqliteAggregates.register(c, deterministic);
        Function.create(c, "chr", scalar(a -> a.codePoint(0)), 1, deterministic);
        Function.create(c, "initcap", scalar(a -> H2Functions.initcap(a.text(0))), 1, deterministic);
        Function.create(c, "repeat", scalar(a -> a.text(0).repeat((int) Math.max(0, a.integer(1)))), 2,
                deterministic);
        Function.create(c, "lpad", scalar(a -> pad(a, true)), 2, deterministic);
        Function.create(c, "lpad", scalar(a -> pad(a, true)), 3, deterministic);
        Function.create(c, "rpad", scalar(a -> pad(a, false)), 2, deterministic);
        Function.create(c, "rpad", scalar(a -> pad(a, false)), 3, deterministic);
        Function.create(c, "translate", scalar(SqliteFunctions::translate), 3, deterministic);
        Function.create(c, "split_part", scalar(a -> splitPart(a)), 3, deterministic);
        Function.create(c, "md5", scalar(a -> H2Functions.md5(a.text(0))), 1, deterministic);
        Function.create(c, "starts_with", scalar(a -> a.text(0).startsWith(a.text(1)) ? 1 : 0), 2,
                deterministic);
        // SQLite's "value REGEXP pattern" calls regexp(pattern, value); PostgreSQL's ~ finds the pattern anywhere.
        Function.create(c, "regexp", scalar(a -> regex(a.text(0), 0).matcher(a.text(1)).find() ? 1 : 0), 2,
                deterministic);
        Function.create(c, "regexp_replace", scalar(SqliteFunctions::regexpReplace), 3, deterministic);
        Function.create(c, "regexp_replace", scalar(SqliteFunctions::regexpReplace), 4, deterministic);
        Function.create(c, "make_date", scalar(a -> java.time.LocalDate.of((int) a.integer(0), (int) a.integer(1),
                (int) a.integer(2)).toString()), 3, deterministic);
        Function.create(c, "trunc", scalar(a -> new java.math.BigDecimal(a.text(0).strip())
                .setScale((int) a.integer(1), java.math.RoundingMode.DOWN).doubleValue()), 2, deterministic);
        Function.create(c, "num_nulls", new NullCount(true), ANY_COUNT, deterministic);
        Function.create(c, "num_nonnulls", new NullCount(false), ANY_COUNT, deterministic);
        Function.create(c, "encode", scalar(SqliteFunctions::encode), 2, deterministic);
        Function.create(c, "decode", scalar(SqliteFunctions::decode), 2, deterministic);
        Function.create(c, "convert_from", scalar(a -> new String(a.bytes(0), StandardCharsets.UTF_8)), 2,
                deterministic);
        SqliteTextDateFunctions.register(c);
    }

    /** PostgreSQL's lpad/rpad: fill to {@code length} characters, or cut to it when the text is longer. */
    private static String pad(Arguments a, boolean left) throws SQLException {
        String text = a.text(0);
        int length = (int) Math.max(0, a.integer(1));
        String fill = a.count() > 2 ? a.text(2) : " ";
        int have = text.codePointCount(0, text.length());
        if (have >= length) {
            return text.substring(0, text.offsetByCodePoints(0, length));
        }
        if (fill.isEmpty()) {
            return text;
        }
        StringBuilder padding = new StringBuilder();
        int[] fillPoints = fill.codePoints().toArray();
        for (int i = 0; i < length - have; i++) {
            padding.appendCodePoint(fillPoints[i % fillPoints.length]);
        }
        return left ? padding + text : text + padding;
    }

    /** Each character of {@code from} becomes the one at its place in {@code to}, or goes when {@code to} is shorter. */
    private static String translate(Arguments a) throws SQLException {
        int[] from = a.text(1).codePoints().toArray();
        int[] to = a.text(2).codePoints().toArray();
        StringBuilder out = new StringBuilder();
        a.text(0).codePoints().forEach(cp -> {
            int at = -1;
            for (int i = 0; i < from.length && at < 0; i++) {
                at = from[i] == cp ? i : -1;
            }
            if (at < 0) {
                out.appendCodePoint(cp);
            } else if (at < to.length) {
                out.appendCodePoint(to[at]);
            }
        });
        return out.toString();
    }

    private static String splitPart(Arguments a) throws SQLException {
        try {
            return H2Functions.splitPart(a.text(0), a.text(1), (int) a.integer(2));
        } catch (IllegalArgumentException e) {
            throw new SQLException("22023: " + e.getMessage());
        }
    }

    /**
     * regexp_replace(source, pattern, replacement [, flags]): {@code g} replaces every match, {@code i} ignores case;
     * in the replacement {@code \1} is a group and {@code &} the whole match, as in PostgreSQL.
     */
    private static String regexpReplace(Arguments a) throws SQLException {
        String flags = a.count() > 3 ? a.text(3) : "";
        Pattern pattern = regex(a.text(1), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
        String replacement = javaReplacement(a.text(2));
        Matcher matcher = pattern.matcher(a.text(0));
        return flags.contains("g") ? matcher.replaceAll(replacement) : matcher.replaceFirst(replacement);
    }

    /** A client's regular expression; a malformed one is PostgreSQL's 2201B, not a Java exception. */
    private static Pattern regex(String pattern, int flags) throws SQLException {
        try {
            return Pattern.compile(pattern, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SQLException("2201B: invalid regular expression: " + e.getDescription());
        }
    }

    private static String javaReplacement(String postgres) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < postgres.length(); i++) {
            char ch = postgres.charAt(i);
            if (ch == '\\' && i + 1 < postgres.length()) {
                char next = postgres.charAt(++i);
                out.append(Character.isDigit(next) ? "$" + next : next == '&' ? "&" : Matcher.quoteReplacement(
                        String.valueOf(next)));
            } else if (ch == '&') {
                out.append("$0");
            } else {
                out.append(Matcher.quoteReplacement(String.valueOf(ch)));
            }
        }
        return out.toString();
    }

    private static String encode(Arguments a) throws SQLException {
        byte[] bytes = a.bytes(0);
        return switch (a.text(1).toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(bytes);
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            case "escape" -> escape(bytes);
            default -> throw new SQLException("22023: unrecognized encoding: \"" + a.text(1) + "\"");
        };
    }

    /** decode(text, format): the bytes that encode() wrote in hex, base64 or escape format. */
    private static byte[] decode(Arguments a) throws SQLException {
        String data = a.text(0);
        return switch (a.text(1).toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().parseHex(data.strip());
            case "base64" -> Base64.getMimeDecoder().decode(data);
            case "escape" -> data.getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new SQLException("22023: unrecognized encoding: \"" + a.text(1) + "\"");
        };
    }

    /** bytea's escape format: printable ASCII as is, backslash doubled, other bytes as three octal digits. */
    private static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v >= 0x20 && v < 0x7F) {
                out.append((char) v);
            } else {
                out.append('\\').append(String.format("%03o", v));
            }
        }
        return out.toString();
    }

    /**
     * A scalar function written as a lambda returning a String, a whole number (booleans are 1 and 0 in SQLite) or
     * bytes; NULL in any argument gives NULL, as PostgreSQL's strict functions do.
     */
    static Function scalar(Body body) {
        return new Arguments() {
            @Override
            protected void xFunc() throws SQLException {
                if (anyNull()) {
                    setNull();
                    return;
                }
                Object value;
                try {
                    value = body.apply(this);
                } catch (java.time.DateTimeException e) {
                    throw new SQLException("22008: date field value out of range");
                } catch (RuntimeException e) {
                    throw new SQLException("22023: " + e.getMessage());
                }
                switch (value) {
                    case String text -> set(text);
                    case Double real -> set(real.doubleValue());
                    case Number number -> set(number.longValue());
                    case byte[] bytes -> set(bytes);
                    default -> setNull();
                }
            }
        };
    }

    @FunctionalInterface
    interface Body {
        Object apply(Arguments arguments) throws SQLException;
    }

    /** Its argument, unless that is zero: SQLite answers NULL to a division by zero, PostgreSQL an error. */
    private static final class Divisor extends Arguments {
        @Override
        protected void xFunc() throws SQLException {
            if (isInteger(0)) {
                long value = integer(0);
                if (value == 0) {
                    throw new SQLException("22012: division by zero");
                }
                set(value);
            } else if (isFloat(0)) {
                double value = real(0);
                if (value == 0) {
                    throw new SQLException("22012: division by zero");
                }
                set(value);
            } else if (isNull(0)) {
                setNull();
            } else {
                set(text(0));   // text or a blob: SQLite converts it for the division as it would have
            }
        }
    }

    /** num_nulls and num_nonnulls, of any number of arguments. */
    private static final class NullCount extends Arguments {
        private final boolean nulls;

        NullCount(boolean nulls) {
            this.nulls = nulls;
        }

        @Override
        protected void xFunc() throws SQLException {
            int n = 0;
            for (int i = 0; i < count(); i++) {
                n += isNull(i) == nulls ? 1 : 0;
            }
            set(n);
        }
    }
}
