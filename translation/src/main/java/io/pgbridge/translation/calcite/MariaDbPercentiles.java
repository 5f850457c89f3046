package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code percentile_cont(f)} and {@code percentile_disc(f) WITHIN GROUP (ORDER BY x)} as MariaDB aggregates: MariaDB
 * has them only as window functions, so the group's non-NULL values are sorted into a JSON array
 * ({@code JSON_ARRAYAGG(x ORDER BY x IS NULL, x)}, NULLs last) and the wanted positions read from it.
 * percentile_disc is the first value whose place in the order reaches the fraction f (of n values, the
 * ceil(f·n)-th); percentile_cont interpolates between the values around position f·(n − 1), as a double.
 */
final class MariaDbPercentiles {
    private MariaDbPercentiles() {
    }

    /** The aggregate, or null for one this does not write (mode, a fraction that is not a constant). */
    static SqlNode translate(String name, List<SqlNode> args, SqlNode key, boolean descending) {
        if (args.size() != 1 || !(args.get(0) instanceof SqlNumericLiteral literal)) {
            return null;
        }
        BigDecimal fraction = literal.getValueAs(BigDecimal.class);
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new TranslationException("22003", "percentile value " + fraction.toPlainString()
                    + " is not between 0 and 1", 0);
        }
        String values = "JSON_ARRAYAGG({0} ORDER BY {0} IS NULL, {0}" + (descending ? " DESC" : "") + ")";
        String f = fraction.toPlainString();
        return switch (name) {
            case "percentile_disc" -> DialectRules.template("JSON_VALUE(" + values + ", CONCAT('$[', GREATEST(CEIL("
                    + f + " * COUNT({0})), 1) - 1, ']'))", key);
            case "percentile_cont" -> {
                String position = f + " * (COUNT({0}) - 1)";
                String below = at(values, "FLOOR(" + position + ")");
                String above = at(values, "CEIL(" + position + ")");
                yield DialectRules.template("(CASE WHEN COUNT({0}) = 0 THEN NULL ELSE " + below + " + (" + position
                        + " - FLOOR(" + position + ")) * (" + above + " - " + below + ") END)", key);
            }
            default -> null;
        };
    }

    private static String at(String array, String index) {
        return "CAST(JSON_VALUE(" + array + ", CONCAT('$[', " + index + ", ']')) AS DOUBLE)";
    }
}
