package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Db2 for Linux, UNIX and Windows 11.1+: booleans, OFFSET … FETCH, NULLS FIRST/LAST, IS DISTINCT FROM, identity
 * columns and DATE_TRUNC; a SELECT without FROM reads {@code SYSIBM.SYSDUMMY1}; an unbounded numeric is DECFLOAT.
 * Names fold to upper case. No RETURNING (its SELECT … FROM FINAL TABLE is another statement shape), ON CONFLICT
 * or UPDATE … FROM.
 */
final class Db2Rules extends StandardSqlRules {
    private static final Map<String, String> EXTRACT_FIELDS = new HashMap<>(STANDARD_EXTRACT);
    private static final Map<String, String> TRUNC_UNITS = new HashMap<>();

    static {
        EXTRACT_FIELDS.put("dow", "(DAYOFWEEK({0}) - 1)");
        EXTRACT_FIELDS.put("isodow", "DAYOFWEEK_ISO({0})");
        EXTRACT_FIELDS.put("doy", "DAYOFYEAR({0})");
        EXTRACT_FIELDS.put("week", "WEEK_ISO({0})");
        EXTRACT_FIELDS.put("quarter", "QUARTER({0})");
        for (String unit : List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year")) {
            TRUNC_UNITS.put(unit, "DATE_TRUNC('" + unit.toUpperCase(java.util.Locale.ROOT) + "', {0})");
        }
    }

    Db2Rules() {
        super(SqlTarget.DB2, EXTRACT_FIELDS, TRUNC_UNITS);
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.DB2;
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "length", "char_length", "character_length" -> template("CHARACTER_LENGTH({0}, CODEUNITS32)",
                    args.get(0));
            case "strpos" -> template("LOCATE({1}, {0})", args.get(0), args.get(1));
            case "greatest" -> nullSkipping("GREATEST", args);
            case "least" -> nullSkipping("LEAST", args);
            case "random" -> template("RAND()");
            case "string_agg" -> withinGroup("LISTAGG", call, args, false);
            case "bool_and", "every" -> call("MIN", args);
            case "bool_or" -> call("MAX", args);
            case "gen_random_uuid", "uuid_generate_v4" -> throw unsupported(name);
            default -> null;
        };
    }

    /** Db2's labelled durations: {@code ts + 3 DAYS}. */
    @Override
    String intervalLiteral(java.math.BigDecimal amount, String unit) {
        return amount.toPlainString() + " " + unit.toUpperCase(java.util.Locale.ROOT) + "S";
    }

    @Override
    SqlNode currentTimestamp() {
        return template("CURRENT TIMESTAMP");
    }

    @Override
    SqlNode emptyFrom() {
        return template("SYSIBM.SYSDUMMY1");
    }
}
