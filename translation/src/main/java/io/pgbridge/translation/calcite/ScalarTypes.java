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

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's type of a computed result column where the text alone tells it: literals, casts, {@code count},
 * arithmetic of such operands, text functions. For backends that type a computed column by its first row's value
 * (SQLite answers INTEGER for {@code count(*)}, then REAL or TEXT for the next statement's), which a client that
 * decodes by type (psycopg, asyncpg) cannot use. A column reference or anything else is left to the backend (null).
 */
final class ScalarTypes {
    private static final Set<String> TEXT_FUNCTIONS = Set.of("lower", "upper", "trim", "btrim", "ltrim", "rtrim",
            "substr", "substring", "replace", "concat", "concat_ws", "left", "right", "lpad", "rpad", "md5", "repeat",
            "reverse", "to_char", "initcap", "string_agg", "format", "quote_ident", "quote_literal", "chr", "translate");
    private static final Set<String> INT4_FUNCTIONS = Set.of("length", "char_length", "character_length",
            "octet_length", "position", "strpos", "ascii", "bit_length");
    private static final List<String> WIDENING = List.of("int2", "int4", "int8", "numeric", "float4", "float8");

    private ScalarTypes() {
    }

    /** The 0-based result columns of a select list whose type the text tells, by PostgreSQL's type name. */
    static Map<Integer, String> ofList(SqlNodeList items) {
        Map<Integer, String> types = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof SqlIdentifier id && id.isStar()) {
                break;
            }
            String type = of(items.get(i));
            if (type != null) {
                types.put(i, type);
            }
        }
        return types;
    }

    static String of(SqlNode node) {
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
            String common = null;
            for (SqlNode operand : call.getOperandList()) {
                String type = of(operand);
                if (type == null) {
                    return null;
                }
                common = common == null || common.equals(type) ? type : wider(common, type);
                if (common == null) {
                    return null;
                }
            }
            return common;
        }
        switch (kind) {
            case AS -> {
                return of(call.operand(0));
            }
            case CAST -> {
                PgType type = PgType.of((SqlDataTypeSpec) call.operand(1));
                return type == null ? null : type.name();
            }
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                return call.operandCount() == 2 ? wider(of(call.operand(0)), of(call.operand(1))) : null;
            }
            case MINUS_PREFIX, PLUS_PREFIX -> {
                return of(call.operand(0));
            }
            default -> {
            }
        }
        if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
            return "text";
        }
        if (TEXT_FUNCTIONS.contains(name)) {
            return "text";
        }
        return INT4_FUNCTIONS.contains(name) ? "int4" : null;
    }

    /** PostgreSQL's result type of arithmetic on two numeric types: the wider one, int2 and int2 making int4. */
    private static String wider(String left, String right) {
        if (left == null || right == null) {
            return null;
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
        return wider.equals("int2") ? "int4" : wider;
    }
}
