package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * MariaDB 10.5+ (and MySQL 8 where the syntax is shared), in the ANSI sql_mode pgbridge's connections use. Its
 * default collations ignore case, so PostgreSQL's case-sensitive LIKE compares with a binary collation; its NULLs
 * sort first, so PostgreSQL's placement is asked for with an {@code IS NULL} key.
 */
final class MariaDbRules extends DialectRules {
    private static final Map<String, String> EXTRACT_FIELDS = Map.ofEntries(
            Map.entry("year", "YEAR({0})"),
            Map.entry("month", "MONTH({0})"),
            Map.entry("day", "DAYOFMONTH({0})"),
            Map.entry("hour", "HOUR({0})"),
            Map.entry("minute", "MINUTE({0})"),
            Map.entry("second", "(SECOND({0}) + MICROSECOND({0}) / 1000000)"),
            Map.entry("milliseconds", "(SECOND({0}) * 1000 + MICROSECOND({0}) / 1000)"),
            Map.entry("microseconds", "(SECOND({0}) * 1000000 + MICROSECOND({0}))"),
            Map.entry("epoch", "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', {0}) / 1000000)"),
            Map.entry("dow", "(DAYOFWEEK({0}) - 1)"),
            Map.entry("isodow", "(WEEKDAY({0}) + 1)"),
            Map.entry("doy", "DAYOFYEAR({0})"),
            Map.entry("week", "WEEK({0}, 3)"),
            Map.entry("isoyear", "(YEARWEEK({0}, 3) DIV 100)"),
            Map.entry("quarter", "QUARTER({0})"),
            Map.entry("decade", "(YEAR({0}) DIV 10)"),
            Map.entry("century", "((YEAR({0}) + 99) DIV 100)"),
            Map.entry("millennium", "((YEAR({0}) + 999) DIV 1000)"));
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "second", "CAST(DATE_FORMAT({0}, '%Y-%m-%d %H:%i:%s') AS DATETIME)",
            "minute", "CAST(DATE_FORMAT({0}, '%Y-%m-%d %H:%i:00') AS DATETIME)",
            "hour", "CAST(DATE_FORMAT({0}, '%Y-%m-%d %H:00:00') AS DATETIME)",
            "day", "CAST(DATE({0}) AS DATETIME)",
            "week", "CAST(DATE({0}) - INTERVAL WEEKDAY({0}) DAY AS DATETIME)",
            "month", "CAST(DATE_FORMAT({0}, '%Y-%m-01') AS DATETIME)",
            "quarter", "CAST(MAKEDATE(YEAR({0}), 1) + INTERVAL (QUARTER({0}) - 1) QUARTER AS DATETIME)",
            "year", "CAST(DATE_FORMAT({0}, '%Y-01-01') AS DATETIME)");

    private final ArrayRules arrays = new MariaDbArrayRules(this);
    private final JsonbRules jsonb = new MariaDbJsonbRules(this);

    MariaDbRules() {
        super(SqlTarget.MARIADB, EXTRACT_FIELDS, TRUNC_UNITS);
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
        return BackendDialects.MARIADB;
    }

    @Override
    SqlNode cast(SqlNode operand, PgType type) {
        String text = stringValue(operand);
        return switch (type.name()) {
            case "int2", "int4" -> rangeChecked(template("CAST({0} AS SIGNED)", operand),
                    type.name().equals("int2") ? Short.MAX_VALUE : Integer.MAX_VALUE);
            case "int8" -> template("CAST({0} AS SIGNED)", operand);
            case "numeric" -> type.precision() > 0
                    ? template("CAST({0} AS DECIMAL(" + type.precision() + ", " + Math.max(0, type.scale()) + "))",
                            operand)
                    : template("CAST({0} AS DECIMAL(65, 30))", operand);
            case "float4" -> template("CAST({0} AS FLOAT)", operand);
            case "float8" -> template("CAST({0} AS DOUBLE)", operand);
            case "text" -> template("CAST({0} AS CHAR)", operand);
            case "varchar", "bpchar" -> type.precision() > 0
                    ? template("CAST({0} AS CHAR(" + type.precision() + "))", operand)
                    : template("CAST({0} AS CHAR)", operand);
            case "bool" -> text != null ? booleanLiteral(text) : template("({0} <> 0)", operand);
            case "date" -> template("CAST({0} AS DATE)", operand);
            case "timestamp", "timestamptz" ->
                    template("CAST({0} AS DATETIME(" + (type.precision() >= 0 ? type.precision() : 6) + "))", operand);
            case "time" -> template("CAST({0} AS TIME(" + (type.precision() >= 0 ? type.precision() : 6) + "))",
                    operand);
            case "bytea" -> text != null ? template("X'" + bytes(text) + "'") : template("CAST({0} AS BINARY)",
                    operand);
            case "uuid" -> text != null
                    ? SqlLiteral.createCharString(UuidText.canonical(text), SqlParserPos.ZERO) : operand;
            case "json", "jsonb" -> jsonb().cast(operand, type.name().equals("jsonb"));
            default -> throw unsupported("casts to " + type.name());
        };
    }

    static SqlNode booleanLiteral(String text) {
        Boolean value = booleanText(text);
        if (value == null) {
            throw new TranslationException("22P02", "invalid input syntax for type boolean: \"" + text + "\"", 0);
        }
        return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
    }

    /**
     * A whole number that must fit PostgreSQL's smallint or integer: MariaDB's SIGNED is a BIGINT, and a value
     * outside the range is multiplied into BIGINT's overflow, MariaDB's error 22003, the SQLSTATE PostgreSQL raises.
     */
    private static SqlNode rangeChecked(SqlNode value, long max) {
        return template("(CASE WHEN {0} BETWEEN " + (-max - 1) + " AND " + max + " THEN {0} ELSE {0} * "
                + Long.MAX_VALUE + " END)", value);
    }

    /** A bytea literal's bytes in hex: {@code \x…} as written, the escape form as its UTF-8 bytes. */
    static String bytes(String text) {
        String hex = byteaHex(text);
        if (hex != null) {
            return hex;
        }
        if (text.indexOf('\\') >= 0) {
            throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                    "bytea escape sequences other than \\x… are not supported", 0);
        }
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Timestamps with a UTC offset, which MariaDB's DATETIME refuses, as the UTC time they stand for. */
    @Override
    SqlNode stringLiteral(String value) {
        return zonedTimestampInUtc(value);
    }

    @Override
    boolean readsLiteral(String token) {
        // a whole number beyond int4 is a bigint or numeric, whose arithmetic is not range-checked as int4's is
        return isZonedTimestamp(token) || token.chars().allMatch(Character::isDigit)
                && new java.math.BigInteger(token).compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
    }

    /** MariaDB's TIMESTAMP literal needs a time of day; PostgreSQL's reads a date alone as midnight. */
    @Override
    SqlNode typedLiteral(String type, String text) {
        return type.equals("timestamp") && text.indexOf(':') < 0
                ? template("CAST({0} AS DATETIME(6))", SqlLiteral.createCharString(text, SqlParserPos.ZERO)) : null;
    }

    @Override
    SqlNode like(SqlNode value, SqlNode pattern, SqlNode escape, boolean caseInsensitive, boolean negated) {
        String not = negated ? "NOT " : "";
        SqlNode esc = escape != null ? escape : SqlLiteral.createCharString("\\", SqlParserPos.ZERO);
        return caseInsensitive
                ? template("(LOWER({0}) " + not + "LIKE LOWER({1}) ESCAPE {2})", value, pattern, esc)
                : template("({0} COLLATE utf8mb4_bin " + not + "LIKE {1} ESCAPE {2})", value, pattern, esc);
    }

    /** MariaDB's REGEXP follows the collation; PostgreSQL's ~ always tells case apart. */
    @Override
    SqlNode regexMatch(SqlNode value, SqlNode pattern, boolean negated) {
        return template("({0} COLLATE utf8mb4_bin " + (negated ? "NOT " : "") + "REGEXP {1})", value, pattern);
    }

    /** MariaDB computes integers as BIGINT: an int4 result outside int4's range must fail as PostgreSQL's does. */
    @Override
    SqlNode int4Arithmetic(org.apache.calcite.sql.SqlOperator operator, SqlNode a, SqlNode b) {
        return rangeChecked(template("({0} " + operator.getName() + " {1})", a, b), Integer.MAX_VALUE);
    }

    @Override
    SqlNode integerDivide(SqlNode a, SqlNode b) {
        return template("({0} DIV {1})", a, b);
    }

    @Override
    SqlNode function(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "now", "transaction_timestamp", "statement_timestamp" -> currentTimestamp();
            case "clock_timestamp" -> template("SYSDATE(6)");
            case "length", "char_length", "character_length" -> call("CHAR_LENGTH", args);
            case "octet_length" -> call("LENGTH", args);
            // MariaDB's own ENCODE/DECODE encrypt; PostgreSQL's convert bytes to and from text forms.
            // MariaDB's sequences take the name itself, PostgreSQL's the name as text (a regclass).
            case "nextval" -> template("NEXTVAL({0})", sequence(args.get(0), name));
            case "setval" -> args.size() == 2 ? template("SETVAL({0}, {1})", sequence(args.get(0), name), args.get(1))
                    : template("SETVAL({0}, {1}, {2})", sequence(args.get(0), name), args.get(1), args.get(2));
            case "encode" -> switch (constantArgument(args.get(1), "encode")) {
                case "hex" -> template("LOWER(HEX({0}))", args.get(0));
                case "base64" -> template("TO_BASE64({0})", args.get(0));
                default -> throwing("encode with format " + stringValue(args.get(1)));
            };
            case "decode" -> switch (constantArgument(args.get(1), "decode")) {
                case "hex" -> template("UNHEX({0})", args.get(0));
                case "base64" -> template("FROM_BASE64({0})", args.get(0));
                default -> throwing("decode with format " + stringValue(args.get(1)));
            };
            case "convert_from" -> template("CONVERT({0} USING utf8mb4)", args.get(0));
            case "convert_to" -> template("CONVERT({0} USING binary)", args.get(0));
            // PostgreSQL finds substrings case-sensitively; MariaDB's default collations ignore case.
            case "strpos" -> template("LOCATE({1}, {0} COLLATE utf8mb4_bin)", args.get(0), args.get(1));
            case "position" -> template("LOCATE({0}, {1} COLLATE utf8mb4_bin)", args.get(0), args.get(1));
            case "concat" -> concat(args);
            case "greatest" -> nullSkipping("GREATEST", args);
            case "least" -> nullSkipping("LEAST", args);
            case "date_part" -> extract(constantArgument(args.get(0), "date_part"), args.get(1));
            case "date_trunc" -> args.size() != 2 ? throwing("date_trunc with a time zone")
                    : dateTrunc(constantArgument(args.get(0), "date_trunc"), args.get(1));
            case "random" -> template("RAND()");
            case "gen_random_uuid", "uuid_generate_v4" -> template("UUID()");
            case "trunc" -> args.size() == 1 ? template("TRUNCATE({0}, 0)", args.get(0)) : call("TRUNCATE", args);
            case "log" -> args.size() == 1 ? call("LOG10", args) : call("LOG", args);
            case "div" -> template("({0} DIV {1})", args.get(0), args.get(1));
            case "btrim" -> args.size() == 1 ? call("TRIM", args)
                    : template("TRIM(BOTH {1} FROM {0})", args.get(0), args.get(1));
            case "to_timestamp" -> args.size() == 1 ? call("FROM_UNIXTIME", args) : throwing("to_timestamp(text, format)");
            case "json_object_agg", "jsonb_object_agg" -> call("JSON_OBJECTAGG", args);
            case "bool_and", "every" -> call("MIN", args);
            case "bool_or" -> call("MAX", args);
            case "string_agg" -> groupConcat(this, call, args);
            case "count" -> distinctRowCount(call, args, "JSON_ARRAY");
            // MariaDB's STDDEV and VARIANCE are the population's; PostgreSQL's the sample's.
            case "stddev", "variance" -> call.getFunctionQuantifier() != null ? throwing(name + "(DISTINCT …)")
                    : call(name.equals("stddev") ? "STDDEV_SAMP" : "VAR_SAMP", args);
            default -> MariaDbFunctions.translate(name, args);
        };
    }

    /**
     * {@code lead/lag(x, n, default) OVER w}: MariaDB takes no default. The default applies where the offset row
     * is outside the partition, which is where {@code lead/lag(1, n)} is NULL (x itself may be NULL inside it).
     */
    @Override
    SqlNode over(SqlCall over, SqlCall original) {
        if (!(original.operand(0) instanceof SqlCall written) || written.operandCount() != 3
                || !(over.operand(0) instanceof SqlCall call) || call.operandCount() != 3) {
            return null;
        }
        String name = written.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        if (!name.equals("lead") && !name.equals("lag")) {
            return null;
        }
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlNode window = over.operand(1);
        SqlNode probe = SqlStdOperatorTable.OVER.createCall(pos, written.getOperator().createCall(pos,
                SqlLiteral.createExactNumeric("1", pos), call.operand(1)), window);
        SqlNode shifted = SqlStdOperatorTable.OVER.createCall(pos, written.getOperator().createCall(pos,
                call.operand(0), call.operand(1)), window);
        return template("(CASE WHEN ({0}) IS NULL THEN {1} ELSE {2} END)", probe, call.operand(2), shifted);
    }

    private SqlNode throwing(String construct) {
        throw unsupported(construct);
    }

    /**
     * The sequence a {@code nextval('…')} names: a constant text, schema-qualified or not, with PostgreSQL's quoting
     * ({@code '"Mixed"'} keeps its case, unquoted names fold to lower case).
     */
    private SqlNode sequence(SqlNode argument, String function) {
        String text = stringValue(argument);
        if (text == null) {
            throw unsupported(function + " of a sequence named by an expression");
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            String p = part.strip();
            parts.add(p.length() > 1 && p.startsWith("\"") && p.endsWith("\"")
                    ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p.toLowerCase(java.util.Locale.ROOT));
        }
        if (parts.size() == 2 && parts.get(0).equals("public")) {
            parts.remove(0);   // PostgreSQL's default schema is the backend database itself
        }
        return new org.apache.calcite.sql.SqlIdentifier(parts, SqlParserPos.ZERO);
    }

    /** PostgreSQL's concat() skips NULLs; MariaDB's CONCAT returns NULL, CONCAT_WS skips them. */
    private static SqlNode concat(List<SqlNode> args) {
        List<SqlNode> all = new ArrayList<>(args.size() + 1);
        all.add(SqlLiteral.createCharString("", SqlParserPos.ZERO));
        all.addAll(args);
        return call("CONCAT_WS", all);
    }

    /** string_agg as MySQL's GROUP_CONCAT, which HSQLDB spells the same way. */
    static SqlNode groupConcat(DialectRules rules, SqlCall call, List<SqlNode> args) {
        if (stringValue(args.get(1)) == null) {
            throw rules.unsupported("string_agg with a separator that is not a constant");
        }
        String distinct = call.getFunctionQuantifier() != null ? "DISTINCT " : "";
        if (args.size() > 2 && args.get(2) instanceof SqlNodeList order && !order.isEmpty()) {
            SqlNodeList keys = new SqlNodeList(SqlParserPos.ZERO);
            for (SqlNode key : order) {
                keys.addAll(OrderKeys.translate(key, rules));
            }
            return template("GROUP_CONCAT(" + distinct + "{0} ORDER BY {2} SEPARATOR {1})", args.get(0), args.get(1),
                    keys);
        }
        return template("GROUP_CONCAT(" + distinct + "{0} SEPARATOR {1})", args.get(0), args.get(1));
    }

    @Override
    SqlNode orderedSetAggregate(String name, List<SqlNode> args, SqlNode key, boolean descending) {
        SqlNode aggregate = MariaDbPercentiles.translate(name, args, key, descending);
        return aggregate != null ? aggregate : super.orderedSetAggregate(name, args, key, descending);
    }

    @Override
    SqlNode json(SqlNode doc, SqlNode key, boolean asText, boolean path) {
        SqlNode jsonPath = JsonPaths.mysqlPath(key, path);
        if (!asText) {
            return template("JSON_EXTRACT({0}, {1})", doc, jsonPath);
        }
        // ->> gives SQL NULL for a JSON null; JSON_UNQUOTE would give the text 'null'.
        return template("(CASE WHEN JSON_TYPE(JSON_EXTRACT({0}, {1})) = 'NULL' THEN NULL"
                + " ELSE JSON_UNQUOTE(JSON_EXTRACT({0}, {1})) END)", doc, jsonPath);
    }

    @Override
    DateRules dateRules() {
        return MariaDbDateRules.INSTANCE;
    }

    @Override
    SqlNode addInterval(SqlNode timestamp, IntervalValue interval, boolean subtract) {
        StringBuilder text = new StringBuilder("({0}");
        for (Map.Entry<String, BigDecimal> part : interval.amounts().entrySet()) {
            BigDecimal amount = part.getValue();
            String unit = part.getKey().toUpperCase(java.util.Locale.ROOT);
            if (unit.equals("SECOND") && amount.stripTrailingZeros().scale() > 0) {
                amount = amount.movePointRight(6);
                unit = "MICROSECOND";
            }
            text.append(subtract ? " - INTERVAL " : " + INTERVAL ").append(amount.toBigInteger()).append(' ')
                    .append(unit);
        }
        // date ± interval is a timestamp in PostgreSQL; MariaDB keeps a DATE when the interval has no time part.
        return template("CAST(" + text.append(')') + " AS DATETIME(6))", timestamp);
    }

    @Override
    SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct) {
        return template(distinct ? "(NOT ({0} <=> {1}))" : "({0} <=> {1})", a, b);
    }

    @Override
    SqlNode currentTimestamp() {
        return template("NOW(6)");
    }

    @Override
    SqlNode filter(SqlCall aggregate, SqlNode condition) {
        return filterAsCase(aggregate, condition);
    }

    /** MariaDB puts NULLs first ascending and last descending. */
    @Override
    List<SqlNode> orderKey(SqlNode expression, boolean descending, Boolean nullsFirst) {
        return nullsLowOrderKey(expression, descending, nullsFirst, "{0} IS NULL");
    }

    @Override
    boolean answersBooleansAsNumbers() {
        return true;
    }

    @Override
    boolean answersTimestamptzWithoutZone() {
        return true;
    }

    @Override
    boolean answersInt4AsBigint() {
        return true;
    }

    @Override
    boolean namesValuesColumns() {
        return false;
    }
}
