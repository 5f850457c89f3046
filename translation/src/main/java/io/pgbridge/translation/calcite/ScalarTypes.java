package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import io.pgbridge.translation.schema.ColumnTypeFormula;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's type of a computed result column: literals, casts, {@code count}, arithmetic, text functions, and
 * over table columns ({@code amount * 2}, {@code sum(x)}, {@code coalesce(a, 0)}) a {@link ColumnTypeFormula} that
 * the proxy resolves with the backend's catalog. For backends that type a computed column by its first row's value
 * (SQLite answers INTEGER for {@code count(*)}, then REAL or TEXT for the next statement's), which a client that
 * decodes by type (psycopg, asyncpg) cannot use. A bare column reference or anything else is left to the backend
 * (null).
 */
final class ScalarTypes {
    private static final Set<String> TEXT_FUNCTIONS = Set.of("lower", "upper", "trim", "btrim", "ltrim", "rtrim",
            "substr", "substring", "replace", "concat", "concat_ws", "left", "right", "lpad", "rpad", "md5", "repeat",
            "reverse", "to_char", "initcap", "string_agg", "format", "quote_ident", "quote_literal", "chr", "translate");
    private static final Set<String> INT4_FUNCTIONS = Set.of("length", "char_length", "character_length",
            "octet_length", "position", "strpos", "ascii", "bit_length");
    private static final List<String> WIDENING = List.of("int2", "int4", "int8", "numeric", "float4", "float8");
    /** Aggregates and functions whose type is their operand's. */
    private static final Set<String> SAME_TYPE = Set.of("min", "max", "abs");

    /** The FROM clause's tables by the name the select list qualifies columns with. */
    private final Map<String, String> tables;
    /** Whether the FROM clause holds only those tables, so that an unqualified column is in one of them. */
    private final boolean onlyTables;

    private ScalarTypes(Map<String, String> tables, boolean onlyTables) {
        this.tables = tables;
        this.onlyTables = onlyTables;
    }

    /** The 0-based result columns of a select list whose type the text tells, by PostgreSQL's type name. */
    static Map<Integer, String> ofList(SqlNodeList items) {
        return ofList(items, null, Set.of());
    }

    /**
     * As {@link #ofList(SqlNodeList)}, with formulas for computed columns over the columns of {@code select}'s
     * tables (null: no FROM to read); {@code withNames} are WITH queries, not tables.
     */
    static Map<Integer, String> ofList(SqlNodeList items, SqlSelect select, Set<String> withNames) {
        Map<String, String> tables = new LinkedHashMap<>();
        boolean onlyTables = select != null && select.getFrom() != null && readTables(select.getFrom(), tables);
        if (tables.values().removeIf(withNames::contains)) {
            onlyTables = false;
        }
        ScalarTypes scalar = new ScalarTypes(tables, onlyTables);
        Map<Integer, String> types = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof SqlIdentifier id && id.isStar()) {
                break;
            }
            String type = scalar.type(items.get(i));
            if (type != null) {
                types.put(i, type);
            }
        }
        return types;
    }

    /**
     * Fills {@code tables} (alias → table) with the FROM's tables; false when it holds anything else (a subquery, a
     * function), whose columns the catalog cannot tell.
     */
    private static boolean readTables(SqlNode from, Map<String, String> tables) {
        if (from instanceof SqlJoin join) {
            boolean left = readTables(join.getLeft(), tables);
            return readTables(join.getRight(), tables) && left;
        }
        if (from instanceof SqlIdentifier id) {
            tables.put(last(id), last(id));
            return true;
        }
        if (from instanceof SqlCall call && call.getKind() == SqlKind.AS
                && call.operand(0) instanceof SqlIdentifier table && call.operand(1) instanceof SqlIdentifier alias) {
            tables.put(last(alias), last(table));
            return true;
        }
        return false;
    }

    /** The last part of a name, folded to lower case unless quoted, as PostgreSQL folds it. */
    private static String last(SqlIdentifier id) {
        return folded(id, id.names.size() - 1);
    }

    private static String folded(SqlIdentifier id, int part) {
        String name = id.names.get(part);
        return id.isComponentQuoted(part) ? name : name.toLowerCase(Locale.ROOT);
    }

    /** The type of a select-list item: null for a bare column, whose type the backend reports itself. */
    private String type(SqlNode node) {
        if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            return type(call.operand(0));
        }
        return node instanceof SqlIdentifier ? null : operand(node);
    }

    /** The type of an operand: a column's is a formula when its table is known. */
    private String operand(SqlNode node) {
        if (node instanceof SqlIdentifier id && !id.isStar()) {
            String qualifier = id.names.size() == 1 ? null : folded(id, id.names.size() - 2);
            List<String> candidates = qualifier == null ? (onlyTables ? List.copyOf(tables.values()) : List.of())
                    : tables.containsKey(qualifier) ? List.of(tables.get(qualifier)) : List.of();
            return ColumnTypeFormula.column(candidates, last(id));
        }
        if (node instanceof SqlNumericLiteral number) {
            if (!number.isExact() || number.getScale() != null && number.getScale() > 0) {
                return "numeric";
            }
            long digits = number.getPrec() == null ? 0 : number.getPrec();
            return digits <= 9 ? "int4" : digits <= 18 ? "int8" : "numeric";
        }
        if (node instanceof SqlCharStringLiteral) {
            return "text";
        }
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (kind == SqlKind.COUNT || name.equals("count")) {
            return "int8";
        }
        if (kind == SqlKind.COALESCE || name.equals("coalesce")) {
            // the common type of all operands: a column's (unknown here) may be wider than a literal's
            List<String> types = new ArrayList<>();
            for (SqlNode operand : call.getOperandList()) {
                types.add(operand(operand));
            }
            if (types.stream().anyMatch(t -> t != null && ColumnTypeFormula.isFormula(t))) {
                return ColumnTypeFormula.call("coalesce", types);
            }
            String common = null;
            for (String type : types) {
                if (type == null) {
                    return null;
                }
                common = common == null || common.equals(type) ? type : wider("+", common, type);
                if (common == null) {
                    return null;
                }
            }
            return common;
        }
        switch (kind) {
            case AS -> {
                return operand(call.operand(0));
            }
            case CAST -> {
                PgType type = PgType.of((SqlDataTypeSpec) call.operand(1));
                return type == null ? null : type.name();
            }
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                String op = switch (kind) {
                    case PLUS -> "+";
                    case MINUS -> "-";
                    case TIMES -> "*";
                    case DIVIDE -> "/";
                    default -> "%";
                };
                return call.operandCount() == 2 ? wider(op, operand(call.operand(0)), operand(call.operand(1))) : null;
            }
            case MINUS_PREFIX, PLUS_PREFIX -> {
                return operand(call.operand(0));
            }
            default -> {
            }
        }
        if ((name.equals("sum") || name.equals("avg")) && call.operandCount() == 1) {
            return ColumnTypeFormula.call(name, java.util.Collections.singletonList(operand(call.operand(0))));
        }
        if (SAME_TYPE.contains(name) && call.operandCount() == 1) {
            String type = operand(call.operand(0));
            return type != null && ColumnTypeFormula.isFormula(type) ? ColumnTypeFormula.call("same", List.of(type)) : type;
        }
        if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
            return "text";
        }
        if (TEXT_FUNCTIONS.contains(name)) {
            return "text";
        }
        return INT4_FUNCTIONS.contains(name) ? "int4" : null;
    }

    /**
     * PostgreSQL's result type of arithmetic on two numeric types: the wider one (int2 with int2 stays int2); a
     * formula when an operand's type is one.
     */
    private static String wider(String op, String left, String right) {
        if (left == null || right == null) {
            return null;
        }
        if (ColumnTypeFormula.isFormula(left) || ColumnTypeFormula.isFormula(right)) {
            return ColumnTypeFormula.call(op, List.of(left, right));
        }
        int l = WIDENING.indexOf(left);
        int r = WIDENING.indexOf(right);
        if (l < 0 || r < 0) {
            return null;
        }
        String wider = WIDENING.get(Math.max(l, r));
        if (wider.equals("float4")) {
            return l == r ? "float4" : "float8";
        }
        return wider;
    }
}
