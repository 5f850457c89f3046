package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Apache Derby 10.16+: booleans, identity columns, OFFSET … FETCH and NULLS FIRST/LAST, but no SELECT without FROM
 * (it reads {@code SYSIBM.SYSDUMMY1}), no IS DISTINCT FROM, no ROUND, no intervals (TIMESTAMPADD instead) and no
 * date_trunc; names fold to upper case. No RETURNING, ON CONFLICT or UPDATE … FROM.
 */
final class DerbyRules extends StandardSqlRules {
    private static final Map<String, String> EXTRACT_FIELDS = Map.of(
            "year", "YEAR({0})", "month", "MONTH({0})", "day", "DAY({0})", "hour", "HOUR({0})",
            "minute", "MINUTE({0})", "second", "SECOND({0})");

    DerbyRules() {
        super(SqlTarget.DERBY, EXTRACT_FIELDS, Map.of());
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.DERBY;
    }

    /** Derby has no ROUND: half away from zero by hand. */
    @Override
    String roundToInteger() {
        return "CASE WHEN {0} < 0 THEN CEIL({0} - 0.5) ELSE FLOOR({0} + 0.5) END";
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "length", "char_length", "character_length" -> call("LENGTH", args);
            case "strpos" -> template("LOCATE({1}, {0})", args.get(0), args.get(1));
            case "random" -> template("RANDOM()");
            case "greatest", "least", "string_agg", "gen_random_uuid", "uuid_generate_v4", "bool_and", "bool_or",
                 "every" -> throw unsupported(name);
            default -> null;
        };
    }

    /** {@code {fn TIMESTAMPADD(SQL_TSI_DAY, n, ts)}}: whole amounts only. */
    @Override
    String plusUnits(String timestamp, String unit, BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 0) {
            throw unsupported("intervals with fractions");
        }
        return "{fn TIMESTAMPADD(SQL_TSI_" + unit.toUpperCase(Locale.ROOT) + ", " + amount.toBigInteger() + ", "
                + timestamp + ")}";
    }

    @Override
    SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct) {
        return distinctByCase(a, b, distinct);
    }

    @Override
    SqlNode currentTimestamp() {
        return template("CURRENT_TIMESTAMP");
    }

    @Override
    SqlNode emptyFrom() {
        return template("SYSIBM.SYSDUMMY1");
    }
}
