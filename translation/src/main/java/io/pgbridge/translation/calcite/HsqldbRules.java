package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HSQLDB 2.7 with {@code sql.syntax_pgs} on (the backend profile sets it): booleans, LIMIT/OFFSET, identity
 * columns, {@code IS DISTINCT FROM} and the standard's date functions; names fold to upper case. No RETURNING and
 * no ON CONFLICT (its MERGE would need the conflict's key columns, which the statement does not always name).
 */
final class HsqldbRules extends StandardSqlRules {
    private static final Map<String, String> EXTRACT_FIELDS = new HashMap<>(STANDARD_EXTRACT);
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "year", "TRUNC({0}, 'YYYY')", "quarter", "TRUNC({0}, 'Q')", "month", "TRUNC({0}, 'MM')",
            "week", "TRUNC({0}, 'IW')", "day", "TRUNC({0}, 'DD')", "hour", "TRUNC({0}, 'HH')",
            "minute", "TRUNC({0}, 'MI')");

    static {
        EXTRACT_FIELDS.put("dow", "(DAYOFWEEK({0}) - 1)");
        EXTRACT_FIELDS.put("doy", "DAYOFYEAR({0})");
        EXTRACT_FIELDS.put("quarter", "QUARTER({0})");
        EXTRACT_FIELDS.put("week", "WEEK_OF_YEAR({0})");
        EXTRACT_FIELDS.put("epoch", "UNIX_MILLIS({0}) / 1000.0");
    }

    HsqldbRules() {
        super(SqlTarget.HSQLDB, EXTRACT_FIELDS, TRUNC_UNITS);
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.HSQLDB;
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "length", "char_length", "character_length" -> call("CHAR_LENGTH", args);
            case "strpos" -> template("LOCATE({1}, {0})", args.get(0), args.get(1));
            case "greatest" -> nullSkipping("GREATEST", args);
            case "least" -> nullSkipping("LEAST", args);
            case "random" -> template("RAND()");
            case "gen_random_uuid", "uuid_generate_v4" -> template("UUID()");
            case "string_agg" -> MariaDbRules.groupConcat(this, call, args);
            case "bool_and", "every" -> call("EVERY", args);
            case "bool_or" -> call("SOME", args);
            default -> null;
        };
    }

    @Override
    SqlNode currentTimestamp() {
        return template("CURRENT_TIMESTAMP");
    }
}
