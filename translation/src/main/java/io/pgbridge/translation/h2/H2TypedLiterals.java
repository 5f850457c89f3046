package io.pgbridge.translation.h2;

import io.pgbridge.translation.PgStrings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String literals cast to a type ({@code '…'::date}) whose PostgreSQL input syntax H2 does not read: a date
 * with a zone suffix (pgjdbc's simple mode sends {@code '2024-02-21 +00'::date}), PostgreSQL's many spellings of
 * booleans ({@code 'yes'}, {@code 'on'}, {@code '1'}…), {@code 'infinity'} in any letter case, and bytea
 * input, which H2 would store as the characters written; json and jsonb literals are validated by a function.
 */
public final class H2TypedLiterals {
    private static final Pattern DATE_WITH_ZONE = Pattern.compile(
            "\\s*(\\d{4,}-\\d{1,2}-\\d{1,2})\\s*(?:[+-]\\d{1,2}(?::?\\d{2})?|z|utc)?\\s*", Pattern.CASE_INSENSITIVE);

    /** pgjdbc's text for a date sent without a type: {@code 2024-02-21 +00} (the zone of the client's JVM). */
    private static final Pattern UNTYPED_DATE = Pattern.compile("'(\\d{4,}-\\d{2}-\\d{2}) [+-]\\d{2}(?::\\d{2}){0,2}'");

    private H2TypedLiterals() {
    }

    /**
     * An untyped literal PostgreSQL would read by its target column's type but H2 cannot: a date followed by a zone
     * offset, which PostgreSQL drops for a date column. Returns the literal to send instead, or null.
     */
    static String untyped(String literal) {
        Matcher m = UNTYPED_DATE.matcher(literal);
        return m.matches() ? PgStrings.quote(m.group(1)) : null;
    }

    /** The literal to send instead of {@code value} cast to {@code type} (lower case), or null to keep it. */
    public static String normalise(String value, String type) {
        switch (type) {
            case "date" -> {
                Matcher m = DATE_WITH_ZONE.matcher(value);
                return m.matches() && !m.group(1).equals(value) ? PgStrings.quote(m.group(1)) : null;
            }
            case "bool", "boolean" -> {
                return switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1" -> "TRUE";
                    case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> "FALSE";
                    default -> null;   // H2 rejects it as PostgreSQL would
                };
            }
            case "real", "float4", "float8", "float", "double", "numeric", "decimal" -> {
                return switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "infinity", "+infinity", "inf", "+inf" -> value.equals("Infinity") ? null : "'Infinity'";
                    case "-infinity", "-inf" -> value.equals("-Infinity") ? null : "'-Infinity'";
                    case "nan" -> value.equals("NaN") ? null : "'NaN'";
                    default -> null;
                };
            }
            case "bytea" -> {
                return binary(value);
            }
            case "uuid" -> {
                return uuid(value);
            }
            case "jsonb", "json" -> {
                // Validated (22P02 as in PostgreSQL) and, for jsonb, printed as jsonb prints, by H2JsonFunctions.
                return "pgbridge_" + type + "(" + PgStrings.quote(value) + ")";
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * An array literal ({@code '{a,b}'::text[]}) as an H2 array of the element type: H2 cannot read PostgreSQL's
     * array text. Null when the element type is not one H2 has here; malformed text fails as in PostgreSQL
     * ({@link io.pgbridge.translation.PgArrayLiteral}).
     */
    public static String array(String value, String elementType) {
        String h2Type = switch (elementType) {
            case "int2", "smallint" -> "SMALLINT";
            case "int", "int4", "integer" -> "INTEGER";
            case "int8", "bigint" -> "BIGINT";
            case "text", "varchar", "bpchar", "name" -> "CHARACTER VARYING";
            case "bool", "boolean" -> "BOOLEAN";
            case "numeric", "decimal" -> "NUMERIC";
            case "float4", "real" -> "REAL";
            case "float8" -> "DOUBLE PRECISION";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "timestamptz" -> "TIMESTAMP WITH TIME ZONE";
            case "uuid" -> "UUID";
            default -> null;
        };
        if (h2Type == null) {
            return null;
        }
        java.util.List<String> elements = io.pgbridge.translation.PgArrayLiteral.elements(value);
        StringBuilder out = new StringBuilder("CAST(ARRAY[");
        for (int i = 0; i < elements.size(); i++) {
            String element = elements.get(i);
            String typed = element == null || !"BOOLEAN".equals(h2Type) ? null : normalise(element, "boolean");
            out.append(i == 0 ? "" : ", ").append(element == null ? "NULL" : typed != null ? typed : PgStrings.quote(element));
        }
        return out.append("] AS ").append(h2Type).append(" ARRAY)").toString();
    }

    /**
     * A bytea literal as H2's binary literal: H2 would store the characters of {@code '\x0001ff'} themselves.
     * Reads both of PostgreSQL's input formats, hex ({@code \x…}) and escape ({@code \ooo}, {@code \\}).
     */
    private static String binary(String value) {
        StringBuilder hex = new StringBuilder();
        if (value.startsWith("\\x")) {
            for (int i = 2; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (Character.digit(c, 16) < 0) {
                    return null;   // invalid: let H2 (and the client) see an error rather than a guess
                }
                hex.append(c);
            }
            return hex.length() % 2 == 0 ? "X'" + hex + "'" : null;
        }
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (b == '\\') {
                if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                    i++;
                } else if (i + 3 < utf8.length && isOctal(utf8[i + 1]) && isOctal(utf8[i + 2]) && isOctal(utf8[i + 3])) {
                    b = (utf8[i + 1] - '0') * 64 + (utf8[i + 2] - '0') * 8 + (utf8[i + 3] - '0');
                    i += 3;
                } else {
                    return null;
                }
            }
            hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return "X'" + hex + "'";
    }

    /** PostgreSQL reads braces, upper case and missing hyphens in uuid input; H2 only the canonical form. */
    private static String uuid(String value) {
        String hex = value.strip().replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith("{") && hex.endsWith("}")) {
            hex = hex.substring(1, hex.length() - 1);
        }
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        String canonical = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        return canonical.equals(value) ? null : "'" + canonical + "'";
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
