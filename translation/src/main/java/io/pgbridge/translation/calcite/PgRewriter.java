package io.pgbridge.translation.calcite;

import io.pgbridge.translation.IntervalValue;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a parsed PostgreSQL tree into one the backend's dialect unparses correctly. Operands are translated
 * before the construct that holds them, so each rule sees backend expressions; the few constructs whose meaning
 * depends on their operands as written (integer division, {@code = ANY(ARRAY[…])}, generate_series in FROM) are
 * looked at before that.
 */
final class PgRewriter extends SqlShuttle {

    private final DialectRules rules;
    private DateArithmetic dates;

    PgRewriter(DialectRules rules) {
        this.rules = rules;
    }

    /** {@code node} translated; throws {@link io.pgbridge.translation.TranslationException} for what cannot be. */
    SqlNode rewrite(SqlNode node) {
        dates = new DateArithmetic(TemporalTyping.of(node), this, rules);
        SqlNode rewritten = node.accept(this);
        MarkerCheck.rejectLeftovers(rewritten, rules);
        return rewritten;
    }

    /** Names that mean the column of a set-returning function in FROM, where the backend names it otherwise. */
    private final java.util.Map<String, SqlNode> elementColumns = new java.util.HashMap<>();

    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (!elementColumns.isEmpty() && id.names.size() <= 2 && !id.isStar()) {
            SqlNode element = elementColumns.get(String.join(".", id.names));
            if (element != null) {
                return element;
            }
        }
        if (id.names.size() == 1 && !id.isComponentQuoted(0) && ColumnLabels.CURRENT_TIME_WORDS.contains(id.getSimple())) {
            return rules.currentTimestamp();
        }
        return id;
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlUnknownLiteral typed) {
            SqlNode rewritten = rules.typedLiteral(typed.tag.toLowerCase(Locale.ROOT), typed.getValue());
            return rewritten != null ? rewritten : literal;
        }
        String text = DialectRules.stringValue(literal);
        SqlNode rewritten = text == null ? null : rules.stringLiteral(text);
        return rewritten != null ? rewritten : literal;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (TemplateOperator.isTemplate(call)) {
            return call;
        }
        // Before the select list is rewritten, while aggregates still look like aggregates.
        if (call instanceof SqlOrderBy orderBy) {
            call = new SqlOrderBy(orderBy.getParserPosition(), orderBy.query,
                    aggregateAliasesExpanded(orderBy.orderList, orderBy.query), orderBy.offset, orderBy.fetch);
        } else if (call instanceof SqlSelect select && select.getOrderList() != null) {
            select.setOrderBy(aggregateAliasesExpanded(select.getOrderList(), select));
        }
        if (call instanceof SqlSelect select) {
            java.util.Map<String, SqlNode> columns = SetReturningFrom.columns(select, rules);
            elementColumns.putAll(columns);
            SqlNodeList items = select.getSelectList();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof SqlIdentifier id && !id.isStar() && id.names.size() <= 2
                        && columns.containsKey(String.join(".", id.names))) {
                    items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, id,
                            new SqlIdentifier(id.names.get(id.names.size() - 1), SqlParserPos.ZERO)));
                }
            }
        }
        SqlNode early = before(call);
        if (early != null) {
            return early;
        }
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall translated)) {
            return visited;
        }
        SqlNode result = after(translated, call);
        return result != null ? result : translated;
    }

    /** Constructs decided from their operands as the client wrote them. */
    private SqlNode before(SqlCall call) {
        SqlNode dated = dates.rewrite(call);
        if (dated != null) {
            return dated;
        }
        switch (call.getKind()) {
            case DIVIDE -> {
                if (IntegerTyping.isInteger(call.operand(0)) && IntegerTyping.isInteger(call.operand(1))) {
                    SqlNode divided = rules.integerDivide(call.operand(0).accept(this), call.operand(1).accept(this));
                    if (divided != null) {
                        return divided;
                    }
                }
                return null;
            }
            case PLUS, MINUS, TIMES -> {
                if (IntegerTyping.isInt4(call.operand(0)) && IntegerTyping.isInt4(call.operand(1))) {
                    return rules.int4Arithmetic(call.getOperator(), call.operand(0).accept(this),
                            call.operand(1).accept(this));
                }
                return null;
            }
            case SOME, ALL -> {
                return quantified(call);
            }
            case WITHIN_GROUP -> {
                // json_agg(x ORDER BY y), which the normalizer wrote so; else an ordered-set aggregate (percentile…)
                return StatementNormalizer.isOrderedJsonAggregate(call.operand(0))
                        ? orderedAggregate(call) : OrderedSetAggregates.rewrite(call, this, rules);
            }
            case AS, COLLECTION_TABLE -> {
                SqlNode elements = SetReturningFrom.inFrom(call, this, rules);
                if (elements != null) {
                    return elements;
                }
                SqlNode series = GenerateSeries.inFrom(call, this, rules);
                if (series != null || call.getKind() != SqlKind.AS) {
                    return series;
                }
                // The names after AS are names, even when they spell current_timestamp.
                SqlNode[] operands = call.getOperandList().toArray(SqlNode[]::new);
                operands[0] = operands[0].accept(this);
                SqlCall renamed = call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(),
                        operands);
                return operands.length > 2 && operands[0].getKind() == SqlKind.VALUES && !rules.namesValuesColumns()
                        ? ValuesAsSelect.named(renamed) : renamed;
            }
            case ARRAY_QUERY_CONSTRUCTOR -> throw rules.unsupported("ARRAY(subquery)");
            case SIMILAR -> throw rules.unsupported("SIMILAR TO");
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code json_agg(x ORDER BY y)}, which the normalizer wrote as {@code json_agg(x) WITHIN GROUP (ORDER BY y)}:
     * the aggregate with its ORDER BY keys as a last operand, as Babel gives string_agg's.
     */
    private SqlNode orderedAggregate(SqlCall call) {
        if (!(call.operand(0) instanceof SqlCall aggregate)) {
            return null;
        }
        String name = aggregate.getOperator().getName().toLowerCase(Locale.ROOT);
        List<SqlNode> args = new ArrayList<>();
        for (SqlNode operand : aggregate.getOperandList()) {
            args.add(operand.accept(this));
        }
        args.add(call.operand(1).accept(this));
        SqlNode translated = rules.jsonb().function(name, aggregate, args, aggregate.getOperandList());
        if (translated == null) {
            throw rules.unsupported(name + " … WITHIN GROUP");
        }
        return translated;
    }

    /** Constructs rewritten from their translated operands; null keeps {@code call}. */
    private SqlNode after(SqlCall call, SqlCall original) {
        if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
            return concat(call, original);
        }
        return switch (call.getKind()) {
            case CAST -> cast(call);
            case LIKE -> like(call);
            case RLIKE -> rules.regexMatch(call.operand(0), call.operand(1),
                    call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT"));
            case BETWEEN -> between(call);
            case PLUS -> intervalArithmetic(call);
            case DIVIDE, MOD -> rules.divide(call.operand(0), call.operand(1), call.getKind() == SqlKind.MOD);
            case IS_DISTINCT_FROM -> rules.isDistinctFrom(call.operand(0), call.operand(1), true);
            case IS_NOT_DISTINCT_FROM -> rules.isDistinctFrom(call.operand(0), call.operand(1), false);
            case FILTER -> rules.filter((SqlCall) call.operand(0), call.operand(1));
            // Calcite leaves out the parentheses of a subquery inside DELETE and UPDATE conditions.
            case EXISTS -> DialectRules.template("EXISTS {0}", call.operand(0));
            case ORDER_BY -> orderBy((SqlOrderBy) call);
            case SELECT -> select((SqlSelect) call);
            case WINDOW -> window((SqlWindow) call);
            case OVER -> rules.over(call, original);
            case ARRAY_VALUE_CONSTRUCTOR -> rules.arrays().construct(call.getOperandList());
            case ITEM -> rules.arrays().subscript(call.operand(0), call.operand(1));
            case EQUALS -> OperatorMarkers.rewrite(call, original, rules);
            case MINUS -> original.operand(1) instanceof org.apache.calcite.sql.SqlCharStringLiteral
                    && MarkerCheck.interval(call.operand(0), rules) == null
                    ? rules.jsonb().deleteKey(call.operand(0), call.operand(1)) : intervalArithmetic(call);
            default -> call.getOperator() instanceof SqlFunction function ? function(function, call, original) : null;
        };
    }

    private SqlNode cast(SqlCall call) {
        SqlDataTypeSpec spec = (SqlDataTypeSpec) call.operand(1);
        PgType element = PgType.elementOf(spec);
        if (element != null) {
            String text = DialectRules.stringValue(call.operand(0));
            return text != null ? rules.arrays().literal(text, element) : call.operand(0);
        }
        PgType type = PgType.of(spec);
        if (type == null) {
            throw rules.unsupported("the type " + PgType.spelling(spec));
        }
        SqlNode intervalText = DateArithmetic.asText(call.operand(0));
        if (intervalText != null && (type.name().equals("text") || type.name().equals("varchar"))) {
            return intervalText;
        }
        return rules.cast(call.operand(0), type);
    }

    /** {@code a || b}: text, or arrays, or jsonb, by what the operands are written as. */
    private SqlNode concat(SqlCall call, SqlCall original) {
        List<SqlNode> operands = call.getOperandList();
        if (ExpressionTypes.isArray(original.operand(0)) || ExpressionTypes.isArray(original.operand(1))) {
            SqlNode cat = rules.arrays().function("array_cat", operands);
            return cat != null ? cat : DialectRules.call("array_cat", operands);
        }
        if (ExpressionTypes.isJson(original.operand(0)) || ExpressionTypes.isJson(original.operand(1))) {
            return rules.jsonb().concat(call.operand(0), call.operand(1));
        }
        return rules.concatenate(call.operand(0), call.operand(1));
    }

    private SqlNode like(SqlCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        SqlNode escape = call.operandCount() > 2 ? call.operand(2) : null;
        return rules.like(call.operand(0), call.operand(1), escape, name.contains("ILIKE"), name.startsWith("NOT"));
    }

    /** Written out by hand: Calcite's unparse says BETWEEN ASYMMETRIC, which neither backend reads. */
    private SqlNode between(SqlCall call) {
        SqlBetweenOperator between = (SqlBetweenOperator) call.getOperator();
        if (between.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
            throw rules.unsupported("BETWEEN SYMMETRIC");
        }
        return DialectRules.template(between.isNegated() ? "({0} NOT BETWEEN {1} AND {2})"
                : "({0} BETWEEN {1} AND {2})", call.operand(0), call.operand(1), call.operand(2));
    }

    private SqlNode intervalArithmetic(SqlCall call) {
        IntervalValue right = MarkerCheck.interval(call.operand(1), rules);
        IntervalValue left = MarkerCheck.interval(call.operand(0), rules);
        boolean minus = call.getKind() == SqlKind.MINUS;
        if (right != null && left == null) {
            return rules.addInterval(call.operand(0), right, minus);
        }
        if (left != null && right == null && !minus) {
            return rules.addInterval(call.operand(1), left, false);
        }
        return null;
    }

    /** {@code x = ANY(ARRAY[a, b])} is {@code x IN (a, b)}; {@code x = ANY(subquery)} is IN for SQLite's sake. */
    private SqlNode quantified(SqlCall call) {
        SqlQuantifyOperator operator = (SqlQuantifyOperator) call.getOperator();
        SqlNode left = call.operand(0).accept(this);
        SqlNode right = call.operand(1);
        if (right instanceof SqlNodeList list && list.size() == 1) {
            right = list.get(0);
        }
        boolean any = call.getKind() == SqlKind.SOME;
        boolean in = any && operator.comparisonKind == SqlKind.EQUALS;
        boolean notIn = !any && operator.comparisonKind == SqlKind.NOT_EQUALS;
        if (right.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR && (in || notIn)) {
            SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
            for (SqlNode element : ((SqlCall) right).getOperandList()) {
                values.add(element.accept(this));
            }
            return (in ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN).createCall(SqlParserPos.ZERO, left,
                    values);
        }
        if (right instanceof SqlSelect || right.getKind() == SqlKind.ORDER_BY || right.getKind() == SqlKind.UNION) {
            SqlNode query = right.accept(this);
            if (in || notIn) {
                return (in ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN).createCall(SqlParserPos.ZERO,
                        left, query);
            }
            SqlNode rewritten = rules.quantifiedSubquery(left, operator.comparisonKind, any, query);
            return rewritten != null ? rewritten : operator.createCall(SqlParserPos.ZERO, left, query);
        }
        return rules.arrays().quantified(left, operator.comparisonKind, any, right.accept(this));
    }

    private SqlNode orderBy(SqlOrderBy orderBy) {
        SqlNodeList keys = OrderKeys.translate(orderBy.orderList, rules,
                orderBy.query instanceof SqlSelect select ? select.getSelectList() : null);
        if (rules.pagingNeedsOrder() && (keys == null || keys.isEmpty())
                && (orderBy.offset != null || orderBy.fetch != null)) {
            keys = SqlNodeList.of(DialectRules.template("(SELECT NULL)"));
        }
        return new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, keys, orderBy.offset, orderBy.fetch);
    }

    private SqlNode select(SqlSelect select) {
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            boolean aliased = item.getKind() == SqlKind.AS;
            SqlNode text = DateArithmetic.asText(aliased ? ((SqlCall) item).operand(0) : item);
            if (text != null) {
                items.set(i, aliased ? SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, text,
                        ((SqlCall) item).operand(1)) : text);
            }
        }
        select.setOrderBy(OrderKeys.translate(select.getOrderList(), rules, select.getSelectList()));
        if (select.getGroup() != null && !rules.groupsByOrdinal()) {
            select.setGroupBy(ordinalsExpanded(select.getGroup(), select.getSelectList()));
        }
        if (select.getFrom() == null && rules.emptyFrom() != null) {
            select.setFrom(rules.emptyFrom());
        }
        return select;
    }

    /** GROUP BY ordinals ({@code GROUP BY 1}) replaced by the select items they name, without their aliases. */
    private static SqlNodeList ordinalsExpanded(SqlNodeList keys, SqlNodeList selectList) {
        SqlNodeList expanded = new SqlNodeList(keys.getParserPosition());
        for (SqlNode key : keys) {
            SqlNode item = key instanceof org.apache.calcite.sql.SqlNumericLiteral number && number.isInteger()
                    && number.intValue(false) >= 1 && number.intValue(false) <= selectList.size()
                    ? selectList.get(number.intValue(false) - 1) : null;
            if (item != null && item.getKind() == SqlKind.AS) {
                item = ((SqlCall) item).operand(0);
            }
            expanded.add(item != null ? item.clone(item.getParserPosition()) : key);
        }
        return expanded;
    }

    /**
     * ORDER BY keys that name an aggregate's alias ({@code sum(x) AS spent … ORDER BY spent}) written as the
     * aggregate itself, which means the same in PostgreSQL: MariaDB refuses the alias inside the expression that
     * places NULLs ({@code spent IS NULL}).
     */
    private static SqlNodeList aggregateAliasesExpanded(SqlNodeList keys, SqlNode query) {
        if (keys == null || keys.isEmpty() || !(query instanceof SqlSelect select)) {
            return keys;
        }
        java.util.Map<String, SqlNode> aggregates = new java.util.HashMap<>();
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier alias
                    && containsAggregate(((SqlCall) item).operand(0))) {
                aggregates.put(alias.getSimple(), ((SqlCall) item).operand(0));
            }
        }
        if (aggregates.isEmpty()) {
            return keys;
        }
        SqlNodeList expanded = new SqlNodeList(keys.getParserPosition());
        for (SqlNode key : keys) {
            expanded.add(expandAlias(key, aggregates));
        }
        return expanded;
    }

    private static SqlNode expandAlias(SqlNode key, java.util.Map<String, SqlNode> aggregates) {
        if (key instanceof SqlIdentifier id && id.isSimple() && aggregates.containsKey(id.getSimple())) {
            return aggregates.get(id.getSimple()).clone(SqlParserPos.ZERO);
        }
        if (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING || call.getKind() == SqlKind.NULLS_FIRST
                || call.getKind() == SqlKind.NULLS_LAST)) {
            return call.getOperator().createCall(SqlParserPos.ZERO, expandAlias(call.operand(0), aggregates));
        }
        return key;
    }

    /** Aggregates by name: Babel leaves most functions unresolved. */
    static final java.util.Set<String> AGGREGATES = java.util.Set.of("count", "sum", "avg", "min", "max",
            "string_agg", "group_concat", "array_agg", "bool_and", "bool_or", "every", "stddev", "stddev_pop",
            "stddev_samp", "variance", "var_pop", "var_samp", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "bit_and", "bit_or");

    static boolean containsAggregate(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        if (call.getOperator().isAggregator() || call.getKind() == SqlKind.OTHER_FUNCTION
                && AGGREGATES.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
            return true;   // Babel leaves most functions unresolved: aggregates are known by name
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && containsAggregate(operand)) {
                return true;
            }
        }
        return false;
    }

    private SqlNode window(SqlWindow window) {
        window.setOrderList(OrderKeys.translate(window.getOrderList(), rules));
        return window;
    }

    private SqlNode function(SqlFunction function, SqlCall call, SqlCall original) {
        String name = function.getName().toLowerCase(Locale.ROOT);
        List<SqlNode> args = call.getOperandList();
        switch (name) {
            case StatementNormalizer.JSON_GET, StatementNormalizer.JSON_GET_TEXT -> {
                return rules.json(args.get(0), args.get(1), name.equals(StatementNormalizer.JSON_GET_TEXT), false);
            }
            case StatementNormalizer.JSON_PATH, StatementNormalizer.JSON_PATH_TEXT -> {
                return rules.json(args.get(0), args.get(1), name.equals(StatementNormalizer.JSON_PATH_TEXT), true);
            }
            case StatementNormalizer.EXTRACT -> {
                return rules.extract(DialectRules.stringValue(args.get(0)), args.get(1));
            }
            case StatementNormalizer.INTERVAL -> {
                return null; // consumed by the + or - around it, or refused afterwards
            }
            case StatementNormalizer.DISTINCT_ON -> throw rules.unsupported("DISTINCT ON here");
            case "unnest" -> throw rules.unsupported("unnest here");
            case "array_agg" -> {
                return rules.arrays().aggregate(call, args.get(0), JsonbRules.order(args));
            }
            case "generate_series" -> throw rules.unsupported("generate_series outside FROM");
            default -> {
            }
        }
        if (StatementNormalizer.OPERATOR_MARKERS.containsValue(name)) {
            return null; // read back by the = around it
        }
        SqlNode arrays = rules.arrays().function(name, args);
        if (arrays != null) {
            return arrays;
        }
        SqlNode json = rules.jsonb().function(name, call, args, original.getOperandList());
        if (json != null) {
            return json;
        }
        SqlNode translated = rules.function(name, call, args);
        if (translated != null) {
            return translated;
        }
        if (function instanceof SqlUnresolvedFunction) {
            return byName(function.getName(), call);
        }
        return null;
    }

    /**
     * A function Calcite does not know, written with its name unquoted: a quoted name would make MariaDB look for a
     * stored function instead of its built-in one.
     */
    private SqlNode byName(String name, SqlCall call) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            name = rules.dialect().quoteIdentifier(name);
        }
        String distinct = call.getFunctionQuantifier() != null
                && "DISTINCT".equals(String.valueOf(((SqlLiteral) call.getFunctionQuantifier()).getValue()))
                ? "DISTINCT " : "";
        List<SqlNode> args = new ArrayList<>(call.getOperandList());
        StringBuilder text = new StringBuilder(name).append('(').append(distinct);
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "{" : ", {").append(i).append('}');
        }
        return DialectRules.template(text.append(')').toString(), args.toArray(SqlNode[]::new));
    }
}
