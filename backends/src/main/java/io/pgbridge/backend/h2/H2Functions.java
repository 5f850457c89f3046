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
                    {"pgbridge_json_path_text", "jsonPathText(java.lang.String, java.lang.String)"}}) {
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
