package io.pgbridge.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a typo most likely meant, for "did you mean" hints on keys, backends and flags. */
final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within a small edit distance, or one equal up to case, '_' and '-'. */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String normalizedInput = normalize(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (normalize(candidate).equals(normalizedInput)) {
                return Optional.of(candidate);
            }
            int distance = distance(input.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = input.length() <= 3 ? 1 : 2;
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " (did you mean "x"?)" or an empty string. */
    static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    private static String normalize(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("prot" → "port" is 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
