package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.h2.H2Functions;
import io.pgbridge.translation.catalog.CatalogSql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's general string and array functions that clients' catalog queries call (Grafana's table and column
 * lists: {@code string_to_array}, {@code array_lower}, {@code parse_ident}, {@code quote_ident}; Metabase's
 * {@code format('%I.%I', …)}), as Java methods of the catalog engine registered as {@code pgbridge_<name>}: H2 lacks
 * them, or has them with other rules (its {@code QUOTE_IDENT} quotes every name). One-dimensional arrays, as H2 has.
 */
public final class TextAndArrayFunctions {
    private static final String[][] ALIASES = {{"string_to_array", "stringToArray"}, {"array_lower", "arrayLower"},
            {"array_length", "arrayLength"}, {"parse_ident", "parseIdent"}};
    /** Those the H2 backend has too ({@link H2Functions}), the same functions. */
    private static final String[][] BACKEND_ALIASES = {{"quote_ident", "quoteIdent"}, {"format", "format"}};

    private TextAndArrayFunctions() {
    }

    static void register(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] alias : ALIASES) {
                st.execute("CREATE ALIAS " + CatalogSql.PREFIX + alias[0] + " FOR '"
                        + TextAndArrayFunctions.class.getName() + "." + alias[1] + "'");
            }
            for (String[] alias : BACKEND_ALIASES) {
                st.execute("CREATE ALIAS " + CatalogSql.PREFIX + alias[0] + " FOR '" + H2Functions.class.getName() + "."
                        + alias[1] + "'");
            }
        }
    }

    /** {@code string_to_array(text, delimiter)}: a null delimiter splits into characters, an empty one not at all. */
    public static String[] stringToArray(String text, String delimiter) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return new String[0];
        }
        if (delimiter == null) {
            return text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        }
        if (delimiter.isEmpty()) {
            return new String[] {text};
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
            parts.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(text.substring(from));
        return parts.toArray(String[]::new);
    }

    /** {@code array_lower(array, dimension)}: 1 for a non-empty array's first dimension, else null. */
    public static Integer arrayLower(Array array, Integer dimension) throws SQLException {
        return array == null || dimension == null || dimension != 1 || ((Object[]) array.getArray()).length == 0
                ? null : 1;
    }

    /** {@code array_length(array, dimension)}: null for an empty array, as in PostgreSQL. */
    public static Integer arrayLength(Array array, Integer dimension) throws SQLException {
        if (array == null || dimension == null || dimension != 1) {
            return null;
        }
        int length = ((Object[]) array.getArray()).length;
        return length == 0 ? null : length;
    }

    /** {@code parse_ident(text)}: a qualified name's parts, unquoted ones in lower case, quoted ones as written. */
    public static String[] parseIdent(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < name.length() && Character.isWhitespace(name.charAt(i))) {
                i++;
            }
            StringBuilder part = new StringBuilder();
            if (i < name.length() && name.charAt(i) == '"') {
                for (i++; i < name.length(); i++) {
                    if (name.charAt(i) == '"') {
                        if (i + 1 < name.length() && name.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    part.append(name.charAt(i));
                }
                if (i++ >= name.length() || part.isEmpty()) {
                    throw invalidName(name);
                }
            } else {
                while (i < name.length() && name.charAt(i) != '.' && !Character.isWhitespace(name.charAt(i))) {
                    part.append(Character.toLowerCase(name.charAt(i++)));
                }
                if (part.isEmpty()) {
                    throw invalidName(name);
                }
            }
            parts.add(part.toString());
            while (i < name.length() && Character.isWhitespace(name.charAt(i))) {
                i++;
            }
            if (i == name.length()) {
                return parts.toArray(String[]::new);
            }
            if (name.charAt(i++) != '.') {
                throw invalidName(name);
            }
        }
    }

    private static SQLException invalidName(String name) {
        return new SQLException("string is not a valid identifier: \"" + name + "\"", "22023");
    }
}
