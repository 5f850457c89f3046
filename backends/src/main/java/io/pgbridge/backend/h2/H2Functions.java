package io.pgbridge.backend.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL functions and operators H2 lacks, as Java methods H2 calls ({@code CREATE ALIAS}). They exist only
 * where H2 runs inside the proxy (embedded {@code mem:} and {@code file:} databases); the H2 translator writes
 * calls to them for {@code ->}, {@code ->>}, {@code #>} and {@code #>>}.
 */
public final class H2Functions {
    private H2Functions() {
    }

    /** Creates the aliases in the database {@code c} belongs to; they persist in file databases. */
    public static void register(Connection c) throws SQLException {
        String self = H2Functions.class.getName();
        try (Statement st = c.createStatement()) {
            for (String[] alias : new String[][] {
                    {"pgbridge_json_get", "jsonGet(java.lang.String, java.lang.String)"},
                    {"pgbridge_json_get_text", "jsonGetText(java.lang.String, java.lang.String)"},
                    {"pgbridge_json_path", "jsonPath(java.lang.String, java.lang.String)"},
                    {"pgbridge_json_path_text", "jsonPathText(java.lang.String, java.lang.String)"},
                    {"initcap", "initcap"}, {"strpos", "strpos"}, {"reverse", "reverse"},
                    {"split_part", "splitPart"}, {"starts_with", "startsWith"}, {"md5", "md5"},
                    {"make_date", "makeDate"}, {"num_nulls", "numNulls"}, {"num_nonnulls", "numNonNulls"},
                    {"encode", "encode"}, {"pgbridge_decode", "decode"}, {"convert_from", "convertFrom"},
                    {"convert_to", "convertTo"}, {"format", "format"}, {"pgbridge_upper", "upper"}}) {
                createAlias(st, alias[0], self + "." + alias[1]);
            }
            for (String[] alias : H2JsonFunctions.ALIASES) {
                createAlias(st, alias[0], H2JsonFunctions.class.getName() + "." + alias[1]);
            }
            for (String[] alias : H2SeriesFunctions.ALIASES) {
                createAlias(st, alias[0], H2SeriesFunctions.class.getName() + "." + alias[1]);
            }
        }
    }

    private static void createAlias(Statement st, String name, String method) throws SQLException {
        st.execute("CREATE ALIAS IF NOT EXISTS " + name + " DETERMINISTIC FOR '" + method + "'");
    }

    /** {@code encode(bytea, 'hex' | 'base64' | 'escape')}. */
    public static String encode(byte[] data, String format) throws SQLException {
        if (data == null || format == null) {
            return null;
        }
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "hex" -> java.util.HexFormat.of().formatHex(data);
            case "base64" -> base64Lines(java.util.Base64.getEncoder().encodeToString(data));
            case "escape" -> escape(data);
            default -> throw new SQLException("unrecognized encoding: \"" + format + "\"", "22023");
        };
    }

    /** PostgreSQL breaks base64 output into lines of 76 characters. */
    private static String base64Lines(String b64) {
        StringBuilder out = new StringBuilder(b64.length() + b64.length() / 76);
        for (int i = 0; i < b64.length(); i += 76) {
            out.append(i == 0 ? "" : "\n").append(b64, i, Math.min(b64.length(), i + 76));
        }
        return out.toString();
    }

    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
            int v = b & 0xff;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v == 0 || v >= 0x80) {
                out.append('\\').append(String.format("%03o", v));
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    /** {@code decode(text, 'hex' | 'base64' | 'escape')}; H2's own DECODE is Oracle's, hence the other name. */
    public static byte[] decode(String text, String format) throws SQLException {
        if (text == null || format == null) {
            return null;
        }
        try {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "hex" -> java.util.HexFormat.of().parseHex(text.strip());
                case "base64" -> java.util.Base64.getMimeDecoder().decode(text);
                case "escape" -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> throw new SQLException("unrecognized encoding: \"" + format + "\"", "22023");
            };
        } catch (IllegalArgumentException e) {
            throw new SQLException("invalid " + format + " data: " + e.getMessage(), "22023");
        }
    }

    /** {@code convert_from(bytea, encoding)}: the bytes read as text in that encoding. */
    public static String convertFrom(byte[] data, String encoding) throws SQLException {
        return data == null || encoding == null ? null : new String(data, charset(encoding));
    }

    /** {@code convert_to(text, encoding)}. */
    public static byte[] convertTo(String text, String encoding) throws SQLException {
        return text == null || encoding == null ? null : text.getBytes(charset(encoding));
    }

    private static java.nio.charset.Charset charset(String encoding) throws SQLException {
        String name = encoding.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            return switch (name) {
                case "UTF8", "UNICODE" -> java.nio.charset.StandardCharsets.UTF_8;
                case "LATIN1", "SQL_ASCII" -> java.nio.charset.StandardCharsets.ISO_8859_1;
                default -> java.nio.charset.Charset.forName(name);
            };
        } catch (IllegalArgumentException e) {
            throw new SQLException("invalid encoding name \"" + encoding + "\"", "22023");
        }
    }

    /**
     * PostgreSQL's {@code format}: {@code %s} (NULL as empty), {@code %I} (identifier, quoted when needed),
     * {@code %L} (literal, NULL unquoted), {@code %%}; positions such as {@code %2$s} are read too.
     */
    public static String format(String pattern, String... args) throws SQLException {
        if (pattern == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= pattern.length()) {
                throw new SQLException("unterminated format() type specifier", "22023");
            }
            if (pattern.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            int dollar = pattern.indexOf('$', i);
            int argument = next;
            if (dollar > i && pattern.substring(i, dollar).chars().allMatch(Character::isDigit)) {
                argument = Integer.parseInt(pattern.substring(i, dollar)) - 1;
                i = dollar + 1;
            }
            if (argument < 0 || argument >= args.length) {
                throw new SQLException("too few arguments for format()", "22023");
            }
            next = argument + 1;
            String value = args[argument];
            switch (i < pattern.length() ? pattern.charAt(i) : ' ') {
                case 's' -> out.append(value == null ? "" : value);
                case 'I' -> out.append(identifier(value));
                case 'L' -> out.append(value == null ? "NULL" : "'" + value.replace("'", "''") + "'");
                default -> throw new SQLException("unrecognized format() type specifier", "22023");
            }
        }
        return out.toString();
    }

    private static String identifier(String name) throws SQLException {
        if (name == null) {
            throw new SQLException("null values cannot be formatted as an SQL identifier", "22004");
        }
        return quoteIdent(name);
    }

    /** {@code quote_ident(text)}, as PostgreSQL's quote_identifier. */
    public static String quoteIdent(String name) {
        return name == null ? null : io.pgbridge.backend.PostgresKeywords.quoteIdentifier(name);
    }

    /** {@code json -> key}: a member by name, or an array element when {@code key} is an integer. */
    public static String jsonGet(String json, String key) {
        if (json == null || key == null) {
            return null;
        }
        String member = JsonValues.member(json, key);
        if (member == null && isInteger(key)) {
            return JsonValues.element(json, Integer.parseInt(key.strip()));
        }
        return member;
    }

    /** {@code json ->> key}. */
    public static String jsonGetText(String json, String key) {
        return JsonValues.asText(jsonGet(json, key));
    }

    /** {@code json #> '{a,1,b}'}. */
    public static String jsonPath(String json, String path) {
        if (json == null || path == null) {
            return null;
        }
        String p = path.strip();
        if (!p.startsWith("{") || !p.endsWith("}")) {
            throw new IllegalArgumentException("malformed array literal: \"" + path + "\"");
        }
        String inner = p.substring(1, p.length() - 1).strip();
        String current = json;
        if (inner.isEmpty()) {
            return current;
        }
        for (String step : inner.split(",")) {
            String key = step.strip();
            if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
                key = key.substring(1, key.length() - 1);
            }
            current = jsonGet(current, key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** {@code json #>> '{a,1,b}'}. */
    public static String jsonPathText(String json, String path) {
        return JsonValues.asText(jsonPath(json, path));
    }

    /** PostgreSQL's initcap: each word's first letter upper case, the rest lower; words are runs of letters and digits. */
    public static String initcap(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
            inWord = Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Upper case character by character, as PostgreSQL does ({@code ß} stays, where Java makes it {@code SS}). */
    public static String upper(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    /** 1-based position of {@code needle} in {@code s}, 0 when absent. */
    public static Integer strpos(String s, String needle) {
        return s == null || needle == null ? null : s.indexOf(needle) + 1;
    }

    public static String reverse(String s) {
        return s == null ? null : new StringBuilder(s).reverse().toString();
    }

    /** The {@code n}-th field of {@code s} split at {@code delimiter}; negative {@code n} counts from the end. */
    public static String splitPart(String s, String delimiter, int n) {
        if (s == null || delimiter == null) {
            return null;
        }
        if (n == 0) {
            throw new IllegalArgumentException("field position must not be zero");
        }
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (delimiter.isEmpty()) {
            fields.add(s);
        } else {
            int from = 0;
            for (int at; (at = s.indexOf(delimiter, from)) >= 0; from = at + delimiter.length()) {
                fields.add(s.substring(from, at));
            }
            fields.add(s.substring(from));
        }
        int index = n > 0 ? n - 1 : fields.size() + n;
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    public static Boolean startsWith(String s, String prefix) {
        return s == null || prefix == null ? null : s.startsWith(prefix);
    }

    /** Lower-case hex of the MD5 of the text's UTF-8 bytes. */
    public static String md5(String s) {
        if (s == null) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static java.time.LocalDate makeDate(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day);
    }

    public static int numNulls(String... values) {
        int n = 0;
        for (String v : values) {
            if (v == null) {
                n++;
            }
        }
        return n;
    }

    public static int numNonNulls(String... values) {
        return values.length - numNulls(values);
    }

    private static boolean isInteger(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 10) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && t.length() > 1)) {
                return false;
            }
        }
        return true;
    }
}
