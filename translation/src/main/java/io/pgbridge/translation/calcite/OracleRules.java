package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Map;

/**
 * Oracle Database 12c–21c: OFFSET … FETCH, identity columns, NULLS FIRST/LAST and PostgreSQL's NULL placement;
 * no boolean type (booleans are NUMBER(1), TRUE and FALSE are written 1 and 0), no SELECT without FROM (DUAL),
 * no IS DISTINCT FROM, MOD for {@code %}, TRUNC for integer division. Names fold to upper case. Oracle reads the
 * empty string as NULL, and its {@code ||} skips NULLs: where PostgreSQL's answer depends on either, Oracle's
 * differs. No RETURNING (its RETURNING INTO needs PL/SQL variables), ON CONFLICT or UPDATE … FROM.
 */
final class OracleRules extends StandardSqlRules {
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern ISO_TIMESTAMP = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Map<String, String> TRUNC_UNITS = Map.of(
            "year", "CAST(TRUNC({0}, 'YYYY') AS TIMESTAMP)", "quarter", "CAST(TRUNC({0}, 'Q') AS TIMESTAMP)",
            "month", "CAST(TRUNC({0}, 'MM') AS TIMESTAMP)", "week", "CAST(TRUNC({0}, 'IW') AS TIMESTAMP)",
            "day", "CAST(TRUNC({0}, 'DD') AS TIMESTAMP)", "hour", "CAST(TRUNC({0}, 'HH24') AS TIMESTAMP)",
            "minute", "CAST(TRUNC({0}, 'MI') AS TIMESTAMP)");

    OracleRules() {
        super(SqlTarget.ORACLE, STANDARD_EXTRACT, TRUNC_UNITS);
    }

    @Override
    SqlDialect dialect() {
        return BackendDialects.ORACLE;
    }

    /**
     * Oracle's DATE carries a time of day, which PostgreSQL's date has not; and text becomes a date or timestamp by
     * the session's NLS formats, so ISO text takes Oracle's ANSI literals instead.
     */
    @Override
    SqlNode cast(SqlNode operand, PgType type) {
        String text = stringValue(operand);
        switch (type.name()) {
            case "date" -> {
                return text != null && ISO_DATE.matcher(text.strip()).matches()
                        ? template("DATE '" + text.strip() + "'") : template("TRUNC(CAST({0} AS DATE))", operand);
            }
            case "timestamp", "timestamptz" -> {
                if (text != null && ISO_TIMESTAMP.matcher(text.strip()).matches()) {
                    return template("TIMESTAMP '" + text.strip().replace('T', ' ') + "'");
                }
            }
            default -> {
            }
        }
        return super.cast(operand, type);
    }

    /** Months and years with ADD_MONTHS, which clamps Jan 31 + 1 month to Feb 28/29 as PostgreSQL does. */
    @Override
    String plusUnits(String timestamp, String unit, java.math.BigDecimal amount) {
        if ((unit.equals("month") || unit.equals("year")) && amount.stripTrailingZeros().scale() <= 0) {
            java.math.BigInteger months = amount.toBigInteger().multiply(java.math.BigInteger.valueOf(
                    unit.equals("year") ? 12 : 1));
            return "ADD_MONTHS(" + timestamp + ", " + months + ")";
        }
        return super.plusUnits(timestamp, unit, amount);
    }

    /** A binary literal: Oracle reads a hex string where RAW is expected. */
    @Override
    SqlNode bytesLiteral(String hex) {
        return template("HEXTORAW('" + hex + "')");
    }

    @Override
    SqlNode integerDivide(SqlNode a, SqlNode b) {
        return template("TRUNC({0} / {1})", a, b);
    }

    @Override
    SqlNode backendFunction(String name, SqlCall call, List<SqlNode> args) {
        return switch (name) {
            case "length", "char_length", "character_length" -> call("LENGTH", args);
            case "strpos" -> call("INSTR", args);
            case "substring", "substr" -> call("SUBSTR", args);
            case "greatest" -> nullSkipping("GREATEST", args);
            case "least" -> nullSkipping("LEAST", args);
            case "random" -> template("DBMS_RANDOM.VALUE");
            case "concat" -> concatenated(args);
            case "string_agg" -> withinGroup("LISTAGG", call, args, true);
            case "gen_random_uuid", "uuid_generate_v4", "bool_and", "bool_or", "every" -> throw unsupported(name);
            default -> null;
        };
    }

    /** PostgreSQL's concat() skips NULLs, which Oracle's {@code ||} does too. */
    private static SqlNode concatenated(List<SqlNode> args) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "" : " || ").append('{').append(i).append('}');
        }
        return template(text.append(')').toString(), args.toArray(SqlNode[]::new));
    }

    /** Oracle's {@code ||} reads NULL as the empty string; PostgreSQL's gives NULL. */
    @Override
    SqlNode concatenate(SqlNode a, SqlNode b) {
        return template("(CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE {0} || {1} END)", a, b);
    }

    @Override
    SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct) {
        return distinctByCase(a, b, distinct);
    }

    @Override
    SqlNode currentTimestamp() {
        return template("SYSTIMESTAMP");
    }

    @Override
    SqlNode emptyFrom() {
        return template("DUAL");
    }

    @Override
    boolean answersBooleansAsNumbers() {
        return true;
    }
}
