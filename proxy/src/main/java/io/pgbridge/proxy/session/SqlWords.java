package io.pgbridge.proxy.session;

import java.util.ArrayList;
import java.util.List;

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
}
