package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.ddl.StandardTargets;
import org.apache.calcite.sql.SqlCall;
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
 * What the backends that follow the SQL standard closely (HSQLDB, DuckDB, Derby, Oracle, SQL Server, Db2) share:
 * {@code CAST} with the backend's type names, LIKE with PostgreSQL's backslash escape, ILIKE as LIKE of lower-cased
 * operands, NULL placement written out as {@code NULLS FIRST/LAST}, standard interval arithmetic, and the common
 * spellings of PostgreSQL's functions. Each backend's class says where it differs. What a backend has no equivalent
 * for is refused with 0A000 naming the construct: RETURNING, ON CONFLICT and UPDATE … FROM unless the class says
 * the backend has them, JSON operators, arrays.
 */
abstract class StandardSqlRules extends DialectRules {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    /** {@code EXTRACT(field FROM x)} for the fields the standard has. */
    static final Map<String, String> STANDARD_EXTRACT = Map.of(
            "year", "EXTRACT(YEAR FROM {0})",
            "month", "EXTRACT(MONTH FROM {0})",
            "day", "EXTRACT(DAY FROM {0})",
            "hour", "EXTRACT(HOUR FROM {0})",
            "minute", "EXTRACT(MINUTE FROM {0})",
            "second", "EXTRACT(SECOND FROM {0})");

    StandardSqlRules(SqlTarget target, Map<String, String> extractFields, Map<String, String> truncUnits) {
        super(target, extractFields, truncUnits);
    }

    /**
     * The backend's name for a cast to {@code type}, or null when it has none: the type its columns of that type
     * have ({@link StandardTargets}), so that a cast and a column agree.
     */
    String castType(PgType type) {
        String canonical = switch (type.name()) {
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bool" -> "boolean";
            case "bpchar" -> "char";
            default -> type.name();
        };
        return StandardTargets.typeName(target(), canonical, type.precision(), type.scale());
    }

    @Override
    SqlNode cast(SqlNode operand, PgType type) {
        String text = stringValue(operand);
        switch (type.name()) {
            case "bool" -> {
                if (text != null) {
                    return MariaDbRules.booleanLiteral(text);
                }
            }
            case "bytea" -> {
                if (text != null) {
                    return bytesLiteral(MariaDbRules.bytes(text));
                }
            }
            case "uuid" -> {
                if (text != null) {
                    return SqlLiteral.createCharString(text.trim().toLowerCase(Locale.ROOT), POS);
                }
            }
            case "json", "jsonb" -> {
                return operand;
            }
            case "int2", "int4", "int8" -> {
                // PostgreSQL rounds a fractional value to the nearest integer; a standard CAST may truncate.
                if (text == null && !(operand instanceof SqlNumericLiteral n && n.isInteger())
                        && !IntegerTyping.isInteger(operand)) {
                    return template("CAST(" + roundToInteger() + " AS " + requiredCastType(type) + ")", operand);
                }
            }
            default -> {
            }
        }
        return template("CAST({0} AS " + requiredCastType(type) + ")", operand);
    }

    private String requiredCastType(PgType type) {
        String name = castType(type);
        if (name == null) {
            throw unsupported("casts to " + type.name());
        }
        return name;
    }

    /** {@code {0}} rounded half away from zero, as PostgreSQL rounds a numeric to an integer. */
    String roundToInteger() {
        return "ROUND({0}, 0)";
    }

    /** A binary literal from its hex digits. */
    SqlNode bytesLiteral(String hex) {
        return template("X'" + hex + "'");
    }

    @Override
    SqlNode like(SqlNode value, SqlNode pattern, SqlNode escape, boolean caseInsensitive, boolean negated) {
        String not = negated ? "NOT " : "";
        SqlNode esc = escape != null ? escape : SqlLiteral.createCharString("\\", POS);
        return caseInsensitive
                ? template("(LOWER({0}) " + not + "LIKE LOWER({1}) ESCAPE {2})", value, pattern, esc)
                : template("({0} " + not + "LIKE {1} ESCAPE {2})", value, pattern, esc);
    }

    /** Integer division truncates on these backends, as in PostgreSQL. */
    @Override
    SqlNode integerDivide(SqlNode a, SqlNode b) {
        return null;
    }

    @Override
    final SqlNode function(String name, SqlCall call, List<SqlNode> args) {
        SqlNode own = backendFunction(name, call, args);
        if (own != null) {
            return own;
        }
        return switch (name) {
            case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp" -> currentTimestamp();
            case "date_trunc" -> {
                if (args.size() != 2) {
                    throw unsupported("date_trunc with a time zone");
                }
                yield dateTrunc(constantArgument(args.get(0), "date_trunc"), args.get(1));
            }
            case "date_part" -> extract(constantArgument(args.get(0), "date_part"), args.get(1));
            case "array_agg" -> throw unsupported("array_agg (arrays)");
            case "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "json_agg",
                 "jsonb_agg", "json_object_agg", "jsonb_object_agg", "to_json", "to_jsonb" -> throw unsupported(name);
            default -> null;
        };
    }

    /**
     * {@code string_agg(x, sep [ORDER BY …])} as {@code function(x, sep) WITHIN GROUP (ORDER BY …)}: Oracle's and
     * Db2's LISTAGG, SQL Server's STRING_AGG. Without an order the rows come in the backend's order, as they do in
     * PostgreSQL.
     */
    SqlNode withinGroup(String function, SqlCall call, List<SqlNode> args, boolean orderRequired) {
        if (call.getFunctionQuantifier() != null) {
            throw unsupported("string_agg(DISTINCT …)");
        }
        if (args.size() > 2 && args.get(2) instanceof org.apache.calcite.sql.SqlNodeList order && !order.isEmpty()) {
            org.apache.calcite.sql.SqlNodeList keys = new org.apache.calcite.sql.SqlNodeList(POS);
            for (SqlNode key : order) {
                keys.addAll(OrderKeys.translate(key, this));
            }
            return template(function + "({0}, {1}) WITHIN GROUP (ORDER BY {2})", args.get(0), args.get(1), keys);
        }
        return template(function + "({0}, {1})" + (orderRequired ? " WITHIN GROUP (ORDER BY NULL)" : ""),
                args.get(0), args.get(1));
    }

    /** The backend's own translation of a function, before the common ones; null for none. */
    abstract SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args);

    @Override
    SqlNode json(SqlNode doc, SqlNode key, boolean asText, boolean path) {
        throw unsupported("JSON operators");
    }

    /** The timestamp plus each unit of the interval in turn, by {@link #plusUnits}. */
    @Override
    final SqlNode addInterval(SqlNode timestamp, IntervalValue interval, boolean subtract) {
        String text = "{0}";
        for (Map.Entry<String, BigDecimal> part : interval.amounts().entrySet()) {
            text = plusUnits(text, part.getKey(), subtract ? part.getValue().negate() : part.getValue());
        }
        return template(text, timestamp);
    }

    /** {@code timestamp} (SQL text) plus {@code amount} (signed) {@code unit}s: a standard interval literal. */
    String plusUnits(String timestamp, String unit, BigDecimal amount) {
        return "(" + timestamp + (amount.signum() < 0 ? " - " : " + ") + intervalLiteral(amount.abs(), unit) + ")";
    }

    /** A positive interval of {@code amount} {@code unit}s (year, month, day, hour, minute, second). */
    String intervalLiteral(BigDecimal amount, String unit) {
        return "INTERVAL '" + amount.toPlainString() + "' " + unit.toUpperCase(Locale.ROOT);
    }

    @Override
    SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct) {
        return template(distinct ? "({0} IS DISTINCT FROM {1})" : "({0} IS NOT DISTINCT FROM {1})", a, b);
    }

    /** {@code a % b} is {@code MOD(a, b)} in the standard; {@code /} stays. */
    @Override
    SqlNode divide(SqlNode a, SqlNode b, boolean modulo) {
        return modulo ? template("MOD({0}, {1})", a, b) : null;
    }

    /** {@code IS [NOT] DISTINCT FROM} for backends without it, as a comparison that is never NULL. */
    static SqlNode distinctByCase(SqlNode a, SqlNode b, boolean distinct) {
        return template("(CASE WHEN {0} = {1} OR {0} IS NULL AND {1} IS NULL THEN 0 ELSE 1 END = "
                + (distinct ? "1" : "0") + ")", a, b);
    }

    @Override
    SqlNode filter(SqlCall aggregate, SqlNode condition) {
        return filterAsCase(aggregate, condition);
    }

    /** PostgreSQL's placement, written out: NULLs last ascending and first descending unless the query says. */
    @Override
    List<SqlNode> orderKey(SqlNode expression, boolean descending, Boolean nullsFirst) {
        boolean wantFirst = nullsFirst != null ? nullsFirst : descending;
        SqlNode key = descending ? SqlStdOperatorTable.DESC.createCall(POS, expression) : expression;
        return List.of((wantFirst ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST)
                .createCall(POS, key));
    }

    @Override
    boolean namesValuesColumns() {
        return false;
    }

    /** GROUP BY 1 means the first select item only in PostgreSQL (and DuckDB); the others read a constant. */
    @Override
    boolean groupsByOrdinal() {
        return false;
    }

    /**
     * Text with a UTC offset ({@code '2024-01-15 09:00:00+00'}), which these backends' timestamp types refuse or
     * read otherwise, as the UTC time it stands for; sessions run in UTC.
     */
    @Override
    SqlNode stringLiteral(String value) {
        return zonedTimestampInUtc(value);
    }

    @Override
    boolean readsLiteral(String token) {
        return isZonedTimestamp(token);
    }

    @Override
    boolean hasReturning() {
        return false;
    }

    @Override
    boolean hasOnConflict() {
        return false;
    }

    @Override
    boolean hasUpdateFrom() {
        return false;
    }

    @Override
    String rowLocking(String text) {
        if (text.startsWith("for update") || text.startsWith("for no key update")) {
            return " FOR UPDATE" + (text.contains("nowait") ? " NOWAIT" : text.contains("skip locked")
                    ? " SKIP LOCKED" : "");
        }
        throw unsupported(text.toUpperCase(Locale.ROOT));
    }
}
