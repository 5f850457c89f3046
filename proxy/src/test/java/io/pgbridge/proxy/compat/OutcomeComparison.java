package io.pgbridge.proxy.compat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a backend's outcome matches PostgreSQL's, and if not, the first difference in words.
 *
 * <p>Errors match by SQLSTATE class (the first two characters): backends word their errors differently and may pick
 * a neighbouring code of the same class, which clients treat alike. Values match exactly as text, except that two
 * numbers match when they are numerically equal ({@code 10.50} and {@code 10.5}), because backends keep different
 * scales. Rows match as a multiset unless the statement orders them at the top level.
 */
final class OutcomeComparison {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private OutcomeComparison() {
    }

    /** Null when {@code actual} matches {@code expected}, else the first difference. */
    static String difference(Outcome expected, Outcome actual, boolean ordered) {
        return switch (expected) {
            case Outcome.Failed e -> switch (actual) {
                case Outcome.Failed a -> sameClass(e.sqlState(), a.sqlState()) ? null
                        : "expected error " + e.sqlState() + ", got " + a.describe();
                case Outcome.Succeeded a -> "expected error " + e.sqlState() + ", but it succeeded (" + a.describe()
                        + ")";
            };
            case Outcome.Succeeded e -> switch (actual) {
                case Outcome.Failed a -> a.describe();
                case Outcome.Succeeded a -> resultDifference(e, a, ordered);
            };
        };
    }

    private static boolean sameClass(String expected, String actual) {
        return actual.length() >= 2 && expected.regionMatches(0, actual, 0, 2);
    }

    private static String resultDifference(Outcome.Succeeded expected, Outcome.Succeeded actual, boolean ordered) {
        if (expected.hasResult() != actual.hasResult()) {
            return "expected " + expected.describe() + ", got " + actual.describe();
        }
        if (!expected.hasResult()) {
            return expected.updateCount() == actual.updateCount() ? null
                    : "expected update count " + expected.updateCount() + ", got " + actual.updateCount();
        }
        if (!expected.columns().equals(actual.columns())) {
            return "expected columns " + expected.columns() + ", got " + actual.columns();
        }
        if (expected.rows().size() != actual.rows().size()) {
            return "expected " + expected.rows().size() + " row(s), got " + actual.rows().size();
        }
        return ordered ? orderedDifference(expected.rows(), actual.rows())
                : multisetDifference(expected.rows(), actual.rows());
    }

    private static String orderedDifference(List<List<String>> expected, List<List<String>> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (!canonical(expected.get(i)).equals(canonical(actual.get(i)))) {
                return "row " + (i + 1) + ": expected " + show(expected.get(i)) + ", got " + show(actual.get(i));
            }
        }
        return null;
    }

    private static String multisetDifference(List<List<String>> expected, List<List<String>> actual) {
        Map<List<String>, Integer> unmatched = new HashMap<>();
        for (List<String> row : actual) {
            unmatched.merge(canonical(row), 1, Integer::sum);
        }
        List<List<String>> missing = new ArrayList<>();
        for (List<String> row : expected) {
            List<String> key = canonical(row);
            if (unmatched.getOrDefault(key, 0) > 0) {
                unmatched.merge(key, -1, Integer::sum);
            } else {
                missing.add(row);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        List<List<String>> extra = actual.stream().filter(row -> unmatched.getOrDefault(canonical(row), 0) > 0)
                .sorted(ROW_ORDER).toList();
        return "expected row " + show(missing.getFirst()) + " (of " + missing.size() + " unmatched), got "
                + (extra.isEmpty() ? "none" : show(extra.getFirst())) + " instead";
    }

    /** A row for a message, SQL NULL shown as {@code NULL} so that it differs from the text {@code null}. */
    private static String show(List<String> row) {
        return row.stream().map(v -> v == null ? "NULL" : v).toList().toString();
    }

    /** The row with each number in one canonical form, so that numerically equal values compare equal. */
    private static List<String> canonical(List<String> row) {
        List<String> out = new ArrayList<>(row.size());
        for (String value : row) {
            out.add(value != null && NUMBER.matcher(value).matches()
                    ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value);
        }
        return out;
    }
}
