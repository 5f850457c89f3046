package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Microsoft SQL Server 2022: OFFSET … FETCH (after an ORDER BY), IS DISTINCT FROM, GREATEST/LEAST, DATETRUNC and
 * STRING_AGG; no boolean type (BIT, with TRUE and FALSE written 1 and 0), no NULLS FIRST/LAST (NULLs sort first),
 * {@code +} for {@code ||}. Its default collations compare without case, so PostgreSQL's case-sensitive LIKE
 * compares with a binary collation. Names keep their case and compare without it. No RETURNING (OUTPUT sits
 * elsewhere in the statement), ON CONFLICT, UPDATE … FROM or row-locking clauses (SQL Server locks with table
 * hints).
 */
final class SqlServerRules extends StandardSqlRules {
    private static final Map<String, String> EXTRACT_FIELDS = Map.of(
            "year", "DATEPART(year, {0})", "month", "DATEPART(month, {0})", "day", "DATEPART(day, {0})",
            "hour", "DATEPART(hour, {0})", "minute", "DATEPART(minute, {0})",
            "second", "(DATEPART(second, {0}) + DATEPART(microsecond, {0}) / 1000000.0)",
            "doy", "DATEPART(dayofyear, {0})", "week", "DATEPART(iso_week, {0})", "quarter", "DATEPART(quarter, {0})");
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "second", "DATETRUNC(second, {0})", "minute", "DATETRUNC(minute, {0})", "hour", "DATETRUNC(hour, {0})",
            "day", "DATETRUNC(day, {0})", "week", "DATETRUNC(iso_week, {0})", "month", "DATETRUNC(month, {0})",
            "quarter", "DATETRUNC(quarter, {0})", "year", "DATETRUNC(year, {0})");

    SqlServerRules() {
        super(SqlTarget.SQLSERVER, EXTRACT_FIELDS, TRUNC_UNITS);
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.SQLSERVER;
    }

    @Override
    SqlNode bytesLiteral(String hex) {
        return template("0x" + hex);
    }

    @Override
    SqlNode like(SqlNode value, SqlNode pattern, SqlNode escape, boolean caseInsensitive, boolean negated) {
        if (caseInsensitive) {
            return super.like(value, pattern, escape, true, negated);
        }
        return super.like(template("{0} COLLATE Latin1_General_100_BIN2", value), pattern, escape, false, negated);
    }

    /** SQL Server concatenates with {@code +}, which adds when an operand is a number: both become text. */
    @Override
    SqlNode concatenate(SqlNode a, SqlNode b) {
        return template("(CAST({0} AS NVARCHAR(MAX)) + CAST({1} AS NVARCHAR(MAX)))", a, b);
    }

    /** SQL Server's {@code %} is PostgreSQL's. */
    @Override
    SqlNode divide(SqlNode a, SqlNode b, boolean modulo) {
        return null;
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            // LEN ignores trailing blanks; PostgreSQL's length counts them.
            case "length", "char_length", "character_length" -> template("LEN({0} + N'x') - 1", args.get(0));
            case "strpos" -> template("CHARINDEX({1}, {0})", args.get(0), args.get(1));
            case "greatest" -> nullSkipping("GREATEST", args);
            case "least" -> nullSkipping("LEAST", args);
            case "random" -> template("RAND()");
            case "gen_random_uuid", "uuid_generate_v4" -> template("NEWID()");
            case "string_agg" -> withinGroup("STRING_AGG", call, args, false);
            case "bool_and", "bool_or", "every" -> throw unsupported(name);
            default -> null;
        };
    }

    /** {@code DATEADD(unit, n, ts)}: whole amounts, fractions of seconds as microseconds. */
    @Override
    String plusUnits(String timestamp, String unit, BigDecimal amount) {
        if (unit.equals("second") && amount.stripTrailingZeros().scale() > 0) {
            return plusUnits(timestamp, "microsecond", amount.movePointRight(6));
        }
        if (amount.stripTrailingZeros().scale() > 0) {
            throw unsupported("intervals with fractions");
        }
        return "DATEADD(" + unit + ", " + amount.toBigInteger() + ", " + timestamp + ")";
    }

    @Override
    SqlNode currentTimestamp() {
        return template("SYSDATETIMEOFFSET()");
    }

    /** NULLs sort first ascending; SQL Server orders by no boolean expression, so the NULL test is a CASE. */
    @Override
    List<SqlNode> orderKey(SqlNode expression, boolean descending, Boolean nullsFirst) {
        return nullsLowOrderKey(expression, descending, nullsFirst, "CASE WHEN {0} IS NULL THEN 1 ELSE 0 END");
    }

    @Override
    boolean pagingNeedsOrder() {
        return true;
    }

    @Override
    String rowLocking(String text) {
        throw unsupported(text.toUpperCase(java.util.Locale.ROOT) + " (SQL Server locks rows with table hints)");
    }

    @Override
    boolean answersBooleansAsNumbers() {
        return true;
    }
}
