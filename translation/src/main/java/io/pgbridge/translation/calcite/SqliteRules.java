package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite 3.46+ (sqlite-jdbc bundles 3.51): it has RETURNING, ON CONFLICT, UPDATE … FROM, FILTER, NULLS FIRST/LAST,
 * {@code ->}/{@code ->>}, string_agg and concat natively, integer division like PostgreSQL's, and type affinities
 * instead of types. Dates are text, so date arithmetic goes through its date functions. LIKE is case-sensitive
 * only with {@code PRAGMA case_sensitive_like}, which pgbridge's SQLite connections set.
 */
final class SqliteRules extends DialectRules {
    private static final String NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')";
    private static final Map<String, String> EXTRACT_FIELDS = Map.ofEntries(
            Map.entry("year", "CAST(strftime('%Y', {0}) AS INTEGER)"),
            Map.entry("month", "CAST(strftime('%m', {0}) AS INTEGER)"),
            Map.entry("day", "CAST(strftime('%d', {0}) AS INTEGER)"),
            Map.entry("hour", "CAST(strftime('%H', {0}) AS INTEGER)"),
            Map.entry("minute", "CAST(strftime('%M', {0}) AS INTEGER)"),
            Map.entry("second", "CAST(strftime('%f', {0}) AS REAL)"),
            Map.entry("milliseconds", "(CAST(strftime('%f', {0}) AS REAL) * 1000)"),
            Map.entry("microseconds", "CAST(CAST(strftime('%f', {0}) AS REAL) * 1000000 AS INTEGER)"),
            Map.entry("epoch", "unixepoch({0}, 'subsec')"),
            Map.entry("dow", "CAST(strftime('%w', {0}) AS INTEGER)"),
            Map.entry("isodow", "CAST(strftime('%u', {0}) AS INTEGER)"),
            Map.entry("doy", "CAST(strftime('%j', {0}) AS INTEGER)"),
            Map.entry("week", "CAST(strftime('%V', {0}) AS INTEGER)"),
            Map.entry("isoyear", "CAST(strftime('%G', {0}) AS INTEGER)"),
            Map.entry("quarter", "((CAST(strftime('%m', {0}) AS INTEGER) + 2) / 3)"),
            Map.entry("decade", "(CAST(strftime('%Y', {0}) AS INTEGER) / 10)"),
            Map.entry("century", "((CAST(strftime('%Y', {0}) AS INTEGER) + 99) / 100)"),
            Map.entry("millennium", "((CAST(strftime('%Y', {0}) AS INTEGER) + 999) / 1000)"));
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "second", "strftime('%Y-%m-%d %H:%M:%S', {0})",
            "minute", "strftime('%Y-%m-%d %H:%M:00', {0})",
            "hour", "strftime('%Y-%m-%d %H:00:00', {0})",
            "day", "strftime('%Y-%m-%d 00:00:00', {0})",
            "week", "datetime({0}, 'start of day', '-' || ((CAST(strftime('%w', {0}) AS INTEGER) + 6) % 7) || ' days')",
            "month", "strftime('%Y-%m-01 00:00:00', {0})",
            "quarter", "datetime({0}, 'start of month', '-' || ((CAST(strftime('%m', {0}) AS INTEGER) - 1) % 3)"
                    + " || ' months')",
            "year", "strftime('%Y-01-01 00:00:00', {0})");

    private final ArrayRules arrays = new SqliteArrayRules(this);
    private final JsonbRules jsonb = new SqliteJsonbRules(this);

    SqliteRules() {
        super(SqlTarget.SQLITE, EXTRACT_FIELDS, TRUNC_UNITS);
    }

    @Override
    ArrayRules arrays() {
        return arrays;
    }

    @Override
    JsonbRules jsonb() {
        return jsonb;
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.SQLITE;
    }

    @Override
    SqlNode cast(SqlNode operand, PgType type) {
        String text = stringValue(operand);
        return switch (type.name()) {
            // Functions of pgbridge's SQLite connections: PostgreSQL rounds, checks the range and refuses text
            // that is no whole number, where SQLite's CAST truncates and reads 'abc' as 0.
            case "int2", "int4", "int8" -> template("pgbridge_" + type.name() + "({0})", operand);
            case "numeric" -> type.scale() > 0 ? template("round(CAST({0} AS REAL), " + type.scale() + ")", operand)
                    : type.precision() > 0 ? template("CAST(round({0}) AS INTEGER)", operand)
                    : template("CAST({0} AS NUMERIC)", operand);
            case "float4", "float8" -> template("CAST({0} AS REAL)", operand);
            case "text", "varchar", "bpchar" -> type.precision() > 0
                    ? template("substr(CAST({0} AS TEXT), 1, " + type.precision() + ")", operand)
                    : template("CAST({0} AS TEXT)", operand);
            case "bool" -> text != null ? MariaDbRules.booleanLiteral(text) : template("({0} <> 0)", operand);
            // pgbridge_datetime refuses what PostgreSQL refuses (2024-02-30, 'yesterday-ish') and returns the rest.
            case "date" -> template("date(pgbridge_datetime({0}))", operand);
            case "timestamp" -> text != null ? template("pgbridge_datetime({0})", operand)
                    : template("datetime(pgbridge_datetime({0}))", operand);
            // Stored as UTC text, as the proxy reads it back, so that text comparisons order instants.
            case "timestamptz" -> text == null ? template("datetime(pgbridge_datetime({0}))", operand)
                    : ZonedTimestampText.inUtc(text) != null
                    ? SqlLiteral.createCharString(ZonedTimestampText.inUtc(text), SqlParserPos.ZERO)
                    : template("pgbridge_datetime({0})", operand);
            case "time" -> template("time({0})", operand);
            case "bytea" -> text != null ? template("X'" + MariaDbRules.bytes(text) + "'")
                    : template("CAST({0} AS BLOB)", operand);
            case "uuid" -> text != null
                    ? SqlLiteral.createCharString(UuidText.canonical(text), SqlParserPos.ZERO) : operand;
            case "json", "jsonb" -> jsonb().cast(operand, type.name().equals("jsonb"));
            default -> throw unsupported("casts to " + type.name());
        };
    }

    /** SQLite has no typed literals; its dates and times are the ISO text its date functions read. */
    @Override
    SqlNode typedLiteral(String type, String text) {
        return switch (type) {
            case "date", "time", "timestamp" -> SqlLiteral.createCharString(text, SqlParserPos.ZERO);
            default -> null;
        };
    }

    @Override
    SqlNode like(SqlNode value, SqlNode pattern, SqlNode escape, boolean caseInsensitive, boolean negated) {
        String not = negated ? "NOT " : "";
        SqlNode esc = escape != null ? escape : SqlLiteral.createCharString("\\", SqlParserPos.ZERO);
        return caseInsensitive
                ? template("(lower({0}) " + not + "LIKE lower({1}) ESCAPE {2})", value, pattern, esc)
                : template("({0} " + not + "LIKE {1} ESCAPE {2})", value, pattern, esc);
    }

    /** SQLite's REGEXP calls the backend's regexp function, which pgbridge registers on its SQLite connections. */
    @Override
    SqlNode regexMatch(SqlNode value, SqlNode pattern, boolean negated) {
        return template("({0} " + (negated ? "NOT " : "") + "REGEXP {1})", value, pattern);
    }

    /**
     * SQLite has no ANY/ALL: the comparison is tested against each row of the subquery (named through a CTE, as its
     * column's name is unknown here), keeping PostgreSQL's three-valued answer: ANY is true if some comparison is,
     * ALL false if some comparison is, and otherwise a NULL comparison makes the answer NULL.
     */
    @Override
    SqlNode quantifiedSubquery(SqlNode left, SqlKind comparison, boolean any, SqlNode query) {
        String rows = "EXISTS (WITH pgbridge_q(pgbridge_v) AS {1} SELECT 1 FROM pgbridge_q WHERE ";
        String test = "{0} " + comparison.sql + " pgbridge_v";
        return template("(CASE WHEN " + rows + (any ? test : "NOT (" + test + ")") + ") THEN " + (any ? 1 : 0)
                + " WHEN " + rows + "(" + test + ") IS NULL) THEN NULL ELSE " + (any ? 0 : 1) + " END)", left, query);
    }

    @Override
    SqlNode integerDivide(SqlNode a, SqlNode b) {
        return null; // SQLite divides integers with truncation already
    }

    /** SQLite divides by zero into NULL; the divisor goes through a function of the backend's that refuses zero. */
    @Override
    SqlNode divide(SqlNode a, SqlNode b, boolean modulo) {
        return template(modulo ? "({0} % pgbridge_divisor({1}))" : "({0} / pgbridge_divisor({1}))", a, b);
    }

    @Override
    SqlNode function(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp" -> currentTimestamp();
            case "char_length", "character_length" -> call("length", args);
            case "strpos" -> call("instr", args);
            case "ascii" -> call("unicode", args);
            case "position" -> template("instr({1}, {0})", args.get(0), args.get(1));
            case "substring", "substr" -> call("substr", args);
            case "trim" -> trim(args);
            case "btrim" -> call("trim", args);
            case "greatest" -> nullSkipping("max", args);
            case "least" -> nullSkipping("min", args);
            case "date_trunc" -> {
                if (args.size() != 2) {
                    throw unsupported("date_trunc with a time zone");
                }
                yield dateTrunc(constantArgument(args.get(0), "date_trunc"), args.get(1));
            }
            case "date_part" -> extract(constantArgument(args.get(0), "date_part"), args.get(1));
            case "random" -> template("(random() / 18446744073709551616.0 + 0.5)");
            case "gen_random_uuid", "uuid_generate_v4" -> template("lower(hex(randomblob(4)) || '-' || hex(randomblob(2))"
                    + " || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)"
                    + " || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))");
            case "div" -> template("CAST({0} / {1} AS INTEGER)", args.get(0), args.get(1));
            case "left" -> template("substr({0}, 1, {1})", args.get(0), args.get(1));
            case "right" -> template("substr({0}, -({1}))", args.get(0), args.get(1));
            case "to_timestamp" -> {
                if (args.size() != 1) {
                    throw unsupported("to_timestamp(text, format)");
                }
                yield template("datetime({0}, 'unixepoch')", args.get(0));
            }
            case "bool_and", "every" -> call("min", args);
            case "bool_or" -> call("max", args);
            case "count" -> distinctRowCount(call, args, "json_array");
            case "string_agg" -> isDistinct(call) ? SqliteAggregateCalls.distinctStringAgg(args) : null;
            default -> null;
        };
    }

    /** Aggregates of pgbridge's SQLite connections: see {@link SqliteAggregateCalls}. */
    @Override
    SqlNode orderedSetAggregate(String name, List<SqlNode> args, SqlNode key, boolean descending) {
        return SqliteAggregateCalls.orderedSet(name, args, key, descending, this);
    }

    /** Calcite's TRIM operands: the flag, the characters, the string. */
    private SqlNode trim(List<SqlNode> args) {
        String flag = args.get(0) instanceof SqlLiteral literal ? String.valueOf(literal.getValue()) : "BOTH";
        String function = switch (flag) {
            case "LEADING" -> "ltrim";
            case "TRAILING" -> "rtrim";
            default -> "trim";
        };
        return template(function + "({1}, {0})", args.get(1), args.get(2));
    }

    @Override
    SqlNode json(SqlNode doc, SqlNode key, boolean asText, boolean path) {
        SqlNode right = path || !(key instanceof SqlNumericLiteral || stringValue(key) != null)
                ? JsonPaths.mysqlPath(key, path) : key;
        if (asText) {
            // ->> answers SQL values, JSON's true and false as 1 and 0; PostgreSQL's ->> gives their text.
            return template("(CASE json_type({0}, {2}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
                    + " ELSE {0} ->> {1} END)", doc, right, JsonPaths.mysqlPath(key, path));
        }
        return template("({0} -> {1})", doc, right);
    }

    @Override
    DateRules dateRules() {
        return SqliteDateRules.INSTANCE;
    }

    @Override
    SqlNode addInterval(SqlNode timestamp, IntervalValue interval, boolean subtract) {
        // strftime's %f keeps the milliseconds datetime() drops; the trims leave PostgreSQL's text for whole seconds.
        StringBuilder text = new StringBuilder("rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', {0}");
        for (Map.Entry<String, BigDecimal> part : interval.amounts().entrySet()) {
            BigDecimal amount = subtract ? part.getValue().negate() : part.getValue();
            text.append(", '").append(amount.signum() >= 0 ? "+" : "").append(amount.toPlainString()).append(' ')
                    .append(part.getKey()).append("s'");
        }
        // PostgreSQL clamps Jan 31 + 1 month to Feb 28/29; SQLite's 'floor' modifier does the same.
        if (interval.hasMonths()) {
            text.append(", 'floor'");
        }
        return template(text.append("), '0'), '.')").toString(), timestamp);
    }

    @Override
    SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct) {
        return template(distinct ? "({0} IS NOT {1})" : "({0} IS {1})", a, b);
    }

    @Override
    SqlNode currentTimestamp() {
        return template(NOW);
    }

    @Override
    SqlNode filter(SqlCall aggregate, SqlNode condition) {
        return null;
    }

    @Override
    List<SqlNode> orderKey(SqlNode expression, boolean descending, Boolean nullsFirst) {
        boolean wantFirst = nullsFirst != null ? nullsFirst : descending;
        SqlNode key = descending ? SqlStdOperatorTable.DESC.createCall(SqlParserPos.ZERO, expression) : expression;
        if (wantFirst == !descending) {
            return List.of(key); // SQLite's own placement: first ascending, last descending
        }
        return List.of((wantFirst ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST)
                .createCall(SqlParserPos.ZERO, key));
    }

    /** SQLite locks the whole database when it writes: no row locks to ask for. */
    @Override
    String rowLocking(String text) {
        return "";
    }

    /** SQLite has no boolean type: {@code a = b} answers 1 or 0, which the proxy must present as t or f. */
    @Override
    boolean answersBooleansAsNumbers() {
        return true;
    }

    /** sqlite-jdbc names a computed column's type after its first value: INTEGER for count(*), REAL for 25.0. */
    @Override
    boolean typesComputedColumnsByValue() {
        return true;
    }

    @Override
    boolean namesValuesColumns() {
        return true;
    }
}
