package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a short session command (SET, SAVEPOINT…) into words: quoted strings and identifiers stay whole,
 * {@code =} and {@code ,} are words of their own, comments and a trailing semicolon are dropped.
 */
final class SqlWords {
    private SqlWords() {
    }

    static List<String> of(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                words.add(sql.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else if (c == '=' || c == ',') {
                words.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(sql.charAt(j)) && "=,;'\"".indexOf(sql.charAt(j)) < 0) {
                    j++;
                }
                words.add(sql.substring(i, j));
                i = j;
            }
        }
        return words;
    }

    /** The identifier at {@code index}: a quoted one as written, an unquoted one folded to lower case. */
    static String identifier(List<String> words, int index) {
        if (index >= words.size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        String w = words.get(index);
        return w.startsWith("\"") ? unquote(w) : w.toLowerCase(Locale.ROOT);
    }

    /** The content of a '...' string or "..." identifier, with doubled quotes undone; other words unchanged. */
    static String unquote(String w) {
        if (w.length() >= 2 && (w.startsWith("'") && w.endsWith("'"))) {
            return w.substring(1, w.length() - 1).replace("''", "'");
        }
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            return w.substring(1, w.length() - 1).replace("\"\"", "\"");
        }
        return w;
    }

    static boolean is(List<String> words, int index, String lowerCaseWord) {
        return index < words.size() && words.get(index).equalsIgnoreCase(lowerCaseWord);
    }
}
