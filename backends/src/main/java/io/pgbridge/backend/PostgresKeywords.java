package io.pgbridge.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15's keywords, as {@code pg_get_keywords()} lists them: resource {@code pg_keywords.psv}, exported with
 * {@code SELECT word || '|' || catcode::text || '|' || barelabel FROM pg_get_keywords() ORDER BY word} (booleans as
 * t/f). The one list behind the catalog's pg_get_keywords() and every place that quotes a name as PostgreSQL does.
 */
public final class PostgresKeywords {
    /**
     * One keyword: {@code category} is pg_get_keywords()'s catcode (U unreserved, C unreserved but no function or
     * type name, T reserved but may be a function or type name, R reserved); {@code bareLabel} whether it may be a
     * column label without AS.
     */
    public record Keyword(String word, char category, boolean bareLabel) {
        /** pg_get_keywords()'s catdesc. */
        public String categoryDescription() {
            return switch (category) {
                case 'U' -> "unreserved";
                case 'C' -> "unreserved (cannot be function or type name)";
                case 'T' -> "reserved (can be function or type name)";
                default -> "reserved";
            };
        }

        /** pg_get_keywords()'s baredesc. */
        public String bareLabelDescription() {
            return bareLabel ? "can be bare label" : "requires AS";
        }
    }

    private static final List<Keyword> ALL = load();
    private static final Map<String, Keyword> BY_WORD = index(ALL);

    private PostgresKeywords() {
    }

    /** Every keyword, in alphabetical order. */
    public static List<Keyword> all() {
        return ALL;
    }

    /**
     * {@code name} as PostgreSQL's quote_identifier() writes it (quote_ident, format's %I, names in catalog output):
     * as it is when it is lower-case letters, digits and underscores, not starting with a digit, and no keyword
     * other than an unreserved one; otherwise in double quotes, inner quotes doubled.
     */
    public static String quoteIdentifier(String name) {
        boolean safe = !name.isEmpty() && (name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_');
        for (int i = 0; safe && i < name.length(); i++) {
            char ch = name.charAt(i);
            safe = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_';
        }
        Keyword keyword = safe ? BY_WORD.get(name) : null;
        return safe && (keyword == null || keyword.category() == 'U') ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static List<Keyword> load() {
        try (InputStream in = PostgresKeywords.class.getResourceAsStream("pg_keywords.psv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource pg_keywords.psv");
            }
            List<Keyword> keywords = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] f = line.split("\\|");
                    keywords.add(new Keyword(f[0], f[1].charAt(0), f[2].equals("t")));
                }
            }
            return List.copyOf(keywords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Keyword> index(List<Keyword> keywords) {
        Map<String, Keyword> byWord = new HashMap<>();
        keywords.forEach(k -> byWord.put(k.word(), k));
        return Map.copyOf(byWord);
    }
}
