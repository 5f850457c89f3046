package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Map;

/**
 * DuckDB speaks a PostgreSQL-like dialect: most functions, ILIKE, FILTER, RETURNING, ON CONFLICT, UPDATE … FROM
 * and the JSON arrows are its own, so little is rewritten. What differs: {@code /} of integers gives a double
 * ({@code //} truncates), division by zero gives NULL instead of an error, its VALUES names columns col0…, and
 * {@code extract(second …)} has no fraction.
 */
final class DuckDbRules extends StandardSqlRules {
    private static final Map<String, String> EXTRACT_FIELDS = Map.ofEntries(
            Map.entry("year", "EXTRACT(YEAR FROM {0})"),
            Map.entry("month", "EXTRACT(MONTH FROM {0})"),
            Map.entry("day", "EXTRACT(DAY FROM {0})"),
            Map.entry("hour", "EXTRACT(HOUR FROM {0})"),
            Map.entry("minute", "EXTRACT(MINUTE FROM {0})"),
            Map.entry("second", "(EXTRACT(MICROSECONDS FROM {0}) / 1000000)"),
            Map.entry("milliseconds", "(EXTRACT(MICROSECONDS FROM {0}) / 1000)"),
            Map.entry("microseconds", "EXTRACT(MICROSECONDS FROM {0})"),
            Map.entry("epoch", "EXTRACT(EPOCH FROM {0})"),
            Map.entry("dow", "EXTRACT(DOW FROM {0})"),
            Map.entry("isodow", "EXTRACT(ISODOW FROM {0})"),
            Map.entry("doy", "EXTRACT(DOY FROM {0})"),
            Map.entry("week", "EXTRACT(WEEK FROM {0})"),
            Map.entry("isoyear", "EXTRACT(ISOYEAR FROM {0})"),
            Map.entry("quarter", "EXTRACT(QUARTER FROM {0})"),
            Map.entry("decade", "EXTRACT(DECADE FROM {0})"),
            Map.entry("century", "EXTRACT(CENTURY FROM {0})"),
            Map.entry("millennium", "EXTRACT(MILLENNIUM FROM {0})"));
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "second", "date_trunc('second', {0})", "minute", "date_trunc('minute', {0})",
            "hour", "date_trunc('hour', {0})", "day", "date_trunc('day', {0})", "week", "date_trunc('week', {0})",
            "month", "date_trunc('month', {0})", "quarter", "date_trunc('quarter', {0})",
            "year", "date_trunc('year', {0})");

    DuckDbRules() {
        super(SqlTarget.DUCKDB, EXTRACT_FIELDS, TRUNC_UNITS);
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.DUCKDB;
    }

    /** DuckDB's BLOB literal is a string of {@code \xNN} escapes. */
    @Override
    SqlNode bytesLiteral(String hex) {
        StringBuilder text = new StringBuilder("CAST('");
        for (int i = 0; i < hex.length(); i += 2) {
            text.append("\\x").append(hex, i, i + 2);
        }
        return template(text.append("' AS BLOB)").toString());
    }

    /** PostgreSQL's casts to varchar(n) and char(n) cut the text; DuckDB's VARCHAR has no length. */
    @Override
    SqlNode cast(SqlNode operand, PgType type) {
        if ((type.name().equals("varchar") || type.name().equals("bpchar")) && type.precision() > 0) {
            return template("left(CAST({0} AS VARCHAR), " + type.precision() + ")", operand);
        }
        return super.cast(operand, type);
    }

    @Override
    SqlNode integerDivide(SqlNode a, SqlNode b) {
        return template("({0} // " + nonZero() + ")", a, b);
    }

    /** Division by zero is an error in PostgreSQL; DuckDB's error() raises one. */
    @Override
    SqlNode divide(SqlNode a, SqlNode b, boolean modulo) {
        return template("({0} " + (modulo ? "%" : "/") + " " + nonZero() + ")", a, b);
    }

    private static String nonZero() {
        return "(CASE WHEN {1} = 0 THEN error('division by zero') ELSE {1} END)";
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "div" -> template("({0} // {1})", args.get(0), args.get(1));
            case "json_build_object", "jsonb_build_object" -> call("json_object", args);
            case "json_build_array", "jsonb_build_array" -> call("json_array", args);
            case "json_agg", "jsonb_agg" -> call("json_group_array", args);
            case "json_object_agg", "jsonb_object_agg" -> call("json_group_object", args);
            default -> null;
        };
    }

    @Override
    SqlNode json(SqlNode doc, SqlNode key, boolean asText, boolean path) {
        return JsonPaths.arrows(doc, key, asText, path);
    }

    @Override
    SqlNode currentTimestamp() {
        return template("now()");
    }

    @Override
    SqlNode filter(SqlCall aggregate, SqlNode condition) {
        return null;
    }

    @Override
    boolean groupsByOrdinal() {
        return true;
    }

    /** DuckDB reads offsets in timestamp text itself. */
    @Override
    SqlNode stringLiteral(String value) {
        return null;
    }

    @Override
    boolean readsLiteral(String token) {
        return false;
    }

    /** DuckDB compares names without case but labels columns as they were created. */
    @Override
    boolean labelsColumnsAsStored() {
        return true;
    }

    @Override
    boolean hasReturning() {
        return true;
    }

    @Override
    boolean hasOnConflict() {
        return true;
    }

    @Override
    boolean hasUpdateFrom() {
        return true;
    }

    /** DuckDB's transactions are optimistic: a conflicting write fails at commit, and there are no row locks. */
    @Override
    String rowLocking(String text) {
        return "";
    }
}
