package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL type of an expression as written, where it is one that MariaDB and SQLite keep as JSON text: an
 * array ({@code _int4}, {@code _text}…) or {@code jsonb}/{@code json}. Read from the constructs themselves (ARRAY[…],
 * casts, array and JSON functions and operators); a plain column's type is the backend's to describe, so it is
 * unknown here (null). The translation names such result columns so that the proxy presents them as PostgreSQL
 * does ({@code {a,b}}, jsonb's canonical text), and the rewrite tells array operators from jsonb ones by it.
 */
final class ExpressionTypes {
    static final String JSONB = "jsonb";
    static final String JSON = "json";
    private static final Set<String> JSONB_FUNCTIONS = Set.of("jsonb_build_object", "jsonb_build_array",
            "jsonb_agg", "jsonb_object_agg", "jsonb_set", "to_jsonb", "jsonb_strip_nulls", "jsonb_insert");
    private static final Set<String> JSON_FUNCTIONS = Set.of("json_build_object", "json_build_array", "json_agg",
            "json_object_agg", "to_json", "row_to_json");
    /** Functions whose result is an array of the type of their first argument. */
    private static final Set<String> ARRAY_PRESERVING = Set.of("array_append", "array_cat", "array_remove",
            "array_replace");

    private ExpressionTypes() {
    }

    /** The 0-based result columns of a select list whose type is an array or JSON, by PostgreSQL's type name. */
    static Map<Integer, String> ofList(SqlNodeList items) {
        Map<Integer, String> types = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier id && id.isStar()) {
                break;
            }
            String type = of(item);
            if (type != null) {
                types.put(i, type);
            }
        }
        return types;
    }

    static boolean isArray(SqlNode node) {
        String type = of(node);
        return type != null && type.startsWith("_");
    }

    static boolean isJson(SqlNode node) {
        String type = of(node);
        return JSONB.equals(type) || JSON.equals(type);
    }

    /** The type name, or null when it is not an array or JSON, or not known from the text. */
    static String of(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        switch (kind) {
            case AS, WITHIN_GROUP -> {
                return of(call.operand(0));
            }
            case CAST -> {
                SqlDataTypeSpec spec = (SqlDataTypeSpec) call.operand(1);
                PgType element = PgType.elementOf(spec);
                if (element != null) {
                    return element.arrayName();
                }
                PgType type = PgType.of(spec);
                return type != null && (type.name().equals(JSON) || type.name().equals(JSONB)) ? type.name() : null;
            }
            case ARRAY_VALUE_CONSTRUCTOR -> {
                return "_" + elementType(call.getOperandList());
            }
            default -> {
            }
        }
        if (kind == SqlKind.MINUS && call.operand(1) instanceof SqlCharStringLiteral) {
            return JSONB; // jsonb - 'key': how PgRewriter reads it
        }
        if (call.getOperator() == SqlStdOperatorTable.CONCAT || kind == SqlKind.MINUS) {
            String left = of(call.operand(0));
            String right = kind == SqlKind.MINUS ? null : of(call.operand(1));
            return left != null ? left : right;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (JSONB_FUNCTIONS.contains(name)) {
            return JSONB;
        }
        if (JSON_FUNCTIONS.contains(name)) {
            return JSON;
        }
        return switch (name) {
            case StatementNormalizer.JSON_GET, StatementNormalizer.JSON_PATH ->
                    JSON.equals(of(call.operand(0))) ? JSON : JSONB;
            case "array_agg" -> call.operandCount() > 0 ? "_" + elementType(List.of(call.operand(0))) : null;
            case "string_to_array" -> "_text";
            case "array_prepend" -> call.operandCount() > 1 ? orText(of(call.operand(1))) : null;
            default -> ARRAY_PRESERVING.contains(name) && call.operandCount() > 0 ? orText(of(call.operand(0)))
                    : null;
        };
    }

    private static String orText(String arrayType) {
        return arrayType != null && arrayType.startsWith("_") ? arrayType : "_text";
    }

    /** The element type of an array of these values: the first one whose type shows, else text. */
    static String elementType(List<SqlNode> values) {
        for (SqlNode value : values) {
            String type = scalarType(value);
            if (type != null) {
                return type;
            }
        }
        return "text";
    }

    private static String scalarType(SqlNode node) {
        if (node instanceof SqlNumericLiteral number) {
            if (!number.isExact()) {
                return "float8";
            }
            if (number.getScale() != null && number.getScale() > 0) {
                return "numeric";
            }
            long digits = number.getPrec() == null ? 0 : number.getPrec();
            return digits > 9 ? "int8" : "int4";
        }
        if (node instanceof SqlCharStringLiteral) {
            return "text";
        }
        if (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN) {
            return "bool";
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST) {
            PgType type = PgType.of((SqlDataTypeSpec) call.operand(1));
            return type != null ? type.name() : null;
        }
        if (BooleanColumns.isBoolean(node)) {
            return "bool";
        }
        return null;
    }
}
