package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between backends when PostgreSQL constructs are rewritten: function spellings, cast targets, date
 * arithmetic, JSON access and NULL ordering. {@link PgRewriter} walks the tree and asks these rules at each
 * construct; operands arrive already translated. A method returns null where the construct needs no change.
 */
abstract class DialectRules {
    /** Arrays, which the backend stores as JSON. */
    ArrayRules arrays() {
        return new UnsupportedArrayRules(this);
    }

    /** jsonb operators and functions. */
    JsonbRules jsonb() {
        return new UnsupportedJsonbRules(this);
    }

    private final SqlTarget target;
    private final Map<String, String> extractFields;
    private final Map<String, String> truncUnits;

    /**
     * @param extractFields extract's fields (canonical names) → the backend's expression of {@code {0}}
     * @param truncUnits date_trunc's units (canonical names) → the backend's expression of {@code {0}}
     */
    DialectRules(SqlTarget target, Map<String, String> extractFields, Map<String, String> truncUnits) {
        this.target = target;
        this.extractFields = extractFields;
        this.truncUnits = truncUnits;
    }

    SqlTarget target() {
        return target;
    }

    abstract SqlDialect dialect();

    /** {@code CAST(operand AS type)}; {@code operand} is a literal still when the client wrote one. */
    abstract SqlNode cast(SqlNode operand, PgType type);

    /** LIKE and ILIKE, PostgreSQL's: LIKE is case-sensitive and both take backslash as the default escape. */
    abstract SqlNode like(SqlNode value, SqlNode pattern, SqlNode escape, boolean caseInsensitive, boolean negated);

    /** {@code value ~ pattern} (or {@code !~}): a case-sensitive POSIX regular-expression match. */
    SqlNode regexMatch(SqlNode value, SqlNode pattern, boolean negated) {
        throw unsupported("the operator " + (negated ? "!~" : "~"));
    }

    /** {@code a / b} when both are integers, which PostgreSQL divides with truncation; null keeps {@code /}. */
    abstract SqlNode integerDivide(SqlNode a, SqlNode b);

    /**
     * {@code a + b}, {@code a - b} or {@code a * b} of two int4 (PostgreSQL's integer), which fails with 22003 where
     * the result leaves int4's range; null keeps the operation as the backend computes it.
     */
    SqlNode int4Arithmetic(org.apache.calcite.sql.SqlOperator operator, SqlNode a, SqlNode b) {
        return null;
    }

    /** {@code f(…) OVER window}, operands translated ({@code original} as written); null keeps it. */
    SqlNode over(SqlCall over, SqlCall original) {
        return null;
    }

    /**
     * An ordered-set aggregate ({@code percentile_cont(f) WITHIN GROUP (ORDER BY key)}) by its lower-case name, its
     * direct arguments and its one ordering key, all translated.
     */
    SqlNode orderedSetAggregate(String name, List<SqlNode> args, SqlNode key, boolean descending) {
        throw unsupported(name + "() WITHIN GROUP");
    }

    /** {@code a || b}, NULL when either is; null keeps the operator. */
    SqlNode concatenate(SqlNode a, SqlNode b) {
        return null;
    }

    /** {@code a / b} or {@code a % b} (after {@link #integerDivide}); null keeps the backend's operator. */
    SqlNode divide(SqlNode a, SqlNode b, boolean modulo) {
        return null;
    }

    /**
     * A function call by its lower-case name, operands already translated; null leaves it as written (Calcite's
     * known functions in their standard spelling, others by name).
     */
    abstract SqlNode function(String name, SqlCall call, List<SqlNode> args);

    /** {@code doc -> key}, {@code doc ->> key}, {@code doc #> path}, {@code doc #>> path}. */
    abstract SqlNode json(SqlNode doc, SqlNode key, boolean asText, boolean path);

    /** Date arithmetic whose operand types are known: {@code date - date}, {@code timestamp - timestamp}… */
    DateRules dateRules() {
        return null;   // the backend's own date arithmetic, as written (DuckDB, HSQLDB… have PostgreSQL's)
    }

    /** {@code timestamp ± interval}. */
    abstract SqlNode addInterval(SqlNode timestamp, IntervalValue interval, boolean subtract);

    /** {@code extract(field from value)}, field in lower case. */
    final SqlNode extract(String field, SqlNode value) {
        return fromTable(extractFields, field, "extract(" + field + " from …)", value);
    }

    /** {@code date_trunc(unit, value)}, unit in lower case. */
    final SqlNode dateTrunc(String unit, SqlNode value) {
        return fromTable(truncUnits, unit, "date_trunc('" + unit + "', …)", value);
    }

    private SqlNode fromTable(Map<String, String> templates, String name, String construct, SqlNode value) {
        String template = templates.get(canonicalField(name));
        if (template == null) {
            throw unsupported(construct);
        }
        return template(template, value);
    }

    /** PostgreSQL's synonyms for date fields and units, as the one name the tables use. */
    static String canonicalField(String field) {
        return switch (field) {
            case "years" -> "year";
            case "months", "mon", "mons" -> "month";
            case "days" -> "day";
            case "hours" -> "hour";
            case "minutes" -> "minute";
            case "seconds" -> "second";
            case "millisecond", "ms", "msec", "msecs" -> "milliseconds";
            case "microsecond", "us", "usec", "usecs" -> "microseconds";
            case "weeks" -> "week";
            default -> field;
        };
    }

    /** {@code a IS [NOT] DISTINCT FROM b}. */
    abstract SqlNode isDistinctFrom(SqlNode a, SqlNode b, boolean distinct);

    /** {@code now()}, {@code current_timestamp}: the current time with microseconds, as PostgreSQL has it. */
    abstract SqlNode currentTimestamp();

    /** An aggregate with {@code FILTER (WHERE condition)}; null where the backend has FILTER. */
    abstract SqlNode filter(SqlCall aggregate, SqlNode condition);

    /**
     * One ORDER BY key with PostgreSQL's NULL placement made explicit ({@code nullsFirst} null means PostgreSQL's
     * default: last ascending, first descending); returns the backend's key or keys in order.
     */
    abstract List<SqlNode> orderKey(SqlNode expression, boolean descending, Boolean nullsFirst);

    /**
     * A string literal the backend would read differently from PostgreSQL, as the backend's literal; null keeps it.
     * Rules that rewrite literals by value claim them with {@link #readsLiteral}, so the statement cache does not
     * stand in for them.
     */
    SqlNode stringLiteral(String value) {
        return null;
    }

    /** {@code left op ANY (query)} or {@code left op ALL (query)} other than IN; null keeps it as written. */
    SqlNode quantifiedSubquery(SqlNode left, SqlKind comparison, boolean any, SqlNode query) {
        return null;
    }

    /** A typed literal such as {@code DATE '2024-01-31'} by its lower-case type; null keeps it as written. */
    SqlNode typedLiteral(String type, String text) {
        return null;
    }

    /** Text with a UTC offset as the UTC time it stands for (sessions run in UTC); null for other text. */
    static SqlNode zonedTimestampInUtc(String value) {
        String utc = ZonedTimestampText.inUtc(value);
        return utc == null ? null : SqlLiteral.createCharString(utc, org.apache.calcite.sql.parser.SqlParserPos.ZERO);
    }

    /** Whether a literal token (quotes included) is text with a UTC offset, which {@link #zonedTimestampInUtc} rewrites. */
    static boolean isZonedTimestamp(String token) {
        return token.length() > 2 && token.charAt(0) == '\'' && ZonedTimestampText.inUtc(
                token.substring(1, token.length() - 1).replace("''", "'")) != null;
    }

    /** Whether {@link #stringLiteral} rewrites this literal token (quotes included). */
    boolean readsLiteral(String token) {
        return false;
    }

    /**
     * Whether the backend answers boolean expressions with numbers (it has no boolean type), so the translation
     * must name the result columns that PostgreSQL types as boolean.
     */
    boolean answersBooleansAsNumbers() {
        return false;
    }

    /**
     * Whether the backend types a computed result column by its first row's value (SQLite), so the translation
     * must name the columns whose PostgreSQL type the text tells ({@link ScalarTypes}).
     */
    boolean typesComputedColumnsByValue() {
        return false;
    }

    /**
     * Whether the backend answers int4 results as bigint (MariaDB, whose only integer cast is SIGNED and whose DIV is
     * BIGINT), so the translation must name the result columns that PostgreSQL types as integer.
     */
    boolean answersInt4AsBigint() {
        return false;
    }

    /**
     * Whether the backend answers a timestamptz as a timestamp without its offset (MariaDB's DATETIME, in UTC), so
     * the translation must name the result columns that PostgreSQL types as timestamptz.
     */
    boolean answersTimestamptzWithoutZone() {
        return false;
    }

    /** Whether a top-level VALUES gives PostgreSQL's column names (column1, column2…) on this backend. */
    abstract boolean namesValuesColumns();

    /**
     * Whether the backend labels a plain column with the case its table was created with ({@code Order_No} for a
     * query's {@code order_no}), so every result column needs PostgreSQL's name as an alias.
     */
    boolean labelsColumnsAsStored() {
        return false;
    }

    /** Whether {@code GROUP BY 1} names the first select item on this backend, as in PostgreSQL. */
    boolean groupsByOrdinal() {
        return true;
    }

    /** Whether INSERT and DELETE (and UPDATE, unless the translator says otherwise) take RETURNING. */
    boolean hasReturning() {
        return true;
    }

    /** Whether INSERT takes PostgreSQL's ON CONFLICT, or a translation of it. */
    boolean hasOnConflict() {
        return true;
    }

    /** Whether UPDATE takes a FROM list, or a translation of it. */
    boolean hasUpdateFrom() {
        return true;
    }

    /** The table a SELECT without FROM reads from on backends that need one ({@code DUAL}); null where none. */
    SqlNode emptyFrom() {
        return null;
    }

    /** Whether LIMIT/OFFSET needs an ORDER BY to be written at all (SQL Server's OFFSET … FETCH). */
    boolean pagingNeedsOrder() {
        return false;
    }

    /**
     * The backend's row-locking clause for PostgreSQL's {@code text} (lower case, one space between words:
     * {@code for update}, {@code for share nowait}…), with a leading space; empty where the backend locks otherwise.
     */
    String rowLocking(String text) {
        String suffix = text.contains("nowait") ? " NOWAIT" : text.contains("skip locked") ? " SKIP LOCKED" : "";
        return text.startsWith("for update") || text.startsWith("for no key update")
                ? " FOR UPDATE" + suffix : " LOCK IN SHARE MODE" + suffix;
    }

    /** A call of {@code template} with {@code operands} in its {@code {i}} places. */
    static SqlCall template(String template, SqlNode... operands) {
        return TemplateOperator.call(template, operands);
    }

    TranslationException unsupported(String construct) {
        return TranslationException.unsupported(construct, target);
    }

    /** The text of a string literal operand, or null when it is not one (then a rewrite must not depend on it). */
    static String stringValue(SqlNode node) {
        return node instanceof SqlCharStringLiteral literal ? literal.getValueAs(String.class) : null;
    }

    /** A function argument that must be a string constant, such as date_trunc's unit, in lower case. */
    String constantArgument(SqlNode node, String function) {
        String value = stringValue(node);
        if (value == null) {
            throw unsupported(function + " with a unit that is not a constant");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static boolean isNullLiteral(SqlNode node) {
        return node instanceof SqlLiteral literal && literal.getValue() == null
                && literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL;
    }

    /** PostgreSQL's boolean input: the accepted spellings of true and false, or null for neither. */
    static Boolean booleanText(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1" -> true;
            case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> false;
            default -> null;
        };
    }

    /**
     * {@code greatest}/{@code least} that skip NULLs as PostgreSQL's do: each argument falls back to the others,
     * so the backend's NULL-propagating version only sees NULL when all are.
     */
    static SqlNode nullSkipping(String function, List<SqlNode> args) {
        if (args.size() < 2) {
            return template(function + "({0})", args.toArray(SqlNode[]::new));
        }
        StringBuilder text = new StringBuilder(function).append('(');
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "" : ", ").append("COALESCE({").append(i).append('}');
            for (int j = 0; j < args.size(); j++) {
                if (j != i) {
                    text.append(", {").append(j).append('}');
                }
            }
            text.append(')');
        }
        return template(text.append(')').toString(), args.toArray(SqlNode[]::new));
    }

    /**
     * {@code count(DISTINCT (a, b))}, which counts distinct row values, NULL fields included, as the count of
     * distinct JSON arrays of the fields ({@code arrayFunction}: the backend's JSON_ARRAY); null for other counts.
     */
    static SqlNode distinctRowCount(SqlCall count, List<SqlNode> args, String arrayFunction) {
        if (count.getFunctionQuantifier() == null || args.size() != 1 || args.get(0).getKind() != SqlKind.ROW) {
            return null;
        }
        List<SqlNode> fields = ((SqlCall) args.get(0)).getOperandList();
        return template("count(DISTINCT {0})", call(arrayFunction, fields));
    }

    /** Whether an aggregate call was written with DISTINCT. */
    static boolean isDistinct(SqlCall aggregate) {
        return aggregate.getFunctionQuantifier() != null
                && "DISTINCT".equals(String.valueOf(((SqlLiteral) aggregate.getFunctionQuantifier()).getValue()));
    }

    /**
     * {@code agg(x) FILTER (WHERE c)} as {@code agg(CASE WHEN c THEN x END)}, for backends without FILTER: the
     * aggregates skip the NULLs the CASE gives for the rows left out ({@code count(*)} counts the CASE's 1s).
     */
    SqlNode filterAsCase(SqlCall aggregate, SqlNode condition) {
        List<SqlNode> operands = new java.util.ArrayList<>(aggregate.getOperandList());
        if (operands.isEmpty()) {
            throw unsupported("FILTER on an aggregate without arguments");
        }
        SqlNode first = operands.get(0);
        operands.set(0, first instanceof org.apache.calcite.sql.SqlIdentifier id && id.isStar()
                ? template("CASE WHEN {0} THEN 1 END", condition)
                : template("CASE WHEN {0} THEN {1} END", condition, first));
        return aggregate.getOperator().createCall(aggregate.getFunctionQuantifier(),
                org.apache.calcite.sql.parser.SqlParserPos.ZERO, operands.toArray(SqlNode[]::new));
    }

    /**
     * ORDER BY keys for a backend that sorts NULLs first ascending and last descending and has no NULLS FIRST/LAST
     * (MariaDB, SQL Server): where PostgreSQL's placement differs, a leading key {@code isNull} (1 for NULL, 0
     * otherwise) puts them where PostgreSQL does. An ordinal cannot be tested for NULL and stays as it is.
     */
    static List<SqlNode> nullsLowOrderKey(SqlNode expression, boolean descending, Boolean nullsFirst, String isNull) {
        boolean wantFirst = nullsFirst != null ? nullsFirst : descending;
        org.apache.calcite.sql.parser.SqlParserPos pos = org.apache.calcite.sql.parser.SqlParserPos.ZERO;
        SqlNode key = descending ? org.apache.calcite.sql.fun.SqlStdOperatorTable.DESC.createCall(pos, expression)
                : expression;
        if (wantFirst == !descending || expression instanceof org.apache.calcite.sql.SqlNumericLiteral) {
            return List.of(key);
        }
        SqlNode nullKey = template(isNull, expression);
        return List.of(wantFirst ? org.apache.calcite.sql.fun.SqlStdOperatorTable.DESC.createCall(pos, nullKey)
                : nullKey, key);
    }

    /** {@code name(a, b, …)} with the arguments in order. */
    static SqlNode call(String name, List<SqlNode> args) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "{" : ", {").append(i).append('}');
        }
        return template(text.append(')').toString(), args.toArray(SqlNode[]::new));
    }

    /** Hex digits of a PostgreSQL bytea literal in hex form ({@code \x…}), or null for the escape form. */
    static String byteaHex(String literal) {
        if (literal.startsWith("\\x") && literal.substring(2).matches("(?i)([0-9a-f]{2})*")) {
            return literal.substring(2).toUpperCase(Locale.ROOT);
        }
        return null;
    }
}
