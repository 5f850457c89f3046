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
                    {"make_date", "makeDate"}, {"num_nulls", "numNulls"}, {"num_nonnulls", "numNonNulls"}}) {
                st.execute("CREATE ALIAS IF NOT EXISTS " + alias[0] + " DETERMINISTIC FOR '" + self + "."
                        + alias[1] + "'");
            }
        }
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
