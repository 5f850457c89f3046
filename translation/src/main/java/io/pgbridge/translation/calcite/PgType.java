package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;

import java.util.Locale;

/**
 * A cast's target as PostgreSQL names it ({@code int4}, {@code timestamptz}, {@code numeric(10,2)}), whatever
 * spelling the client used and however Babel represented it. Rewrites map these names to backend types, and
 * PostgreSQL labels an otherwise unnamed cast column with {@link #name()}.
 *
 * @param name PostgreSQL's internal type name
 * @param precision length or precision, or -1
 * @param scale scale, or -1
 */
record PgType(String name, int precision, int scale) {

    /** The type {@code spec} names, or null for a type pgbridge does not know (arrays: {@link #elementOf}). */
    static PgType of(SqlDataTypeSpec spec) {
        return spec.getCollectionsTypeName() != null ? null : of(spec.getTypeNameSpec());
    }

    /** The element type of the array type {@code spec} names ({@code text[]}), or null when it names no array. */
    static PgType elementOf(SqlDataTypeSpec spec) {
        SqlTypeNameSpec typeName = spec.getTypeNameSpec();
        if (typeName instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection) {
            return of(collection.getElementTypeName());
        }
        return null;
    }

    /** PostgreSQL's name of the array type of this element type, as pg_type has it: {@code _int4}. */
    String arrayName() {
        return "_" + name;
    }

    private static PgType of(SqlTypeNameSpec typeName) {
        if (typeName instanceof SqlBasicTypeNameSpec basic) {
            int precision = basic.getPrecision();
            int scale = basic.getScale() < 0 ? -1 : basic.getScale();
            String name = switch (basic.getTypeName().getSimple().toUpperCase(Locale.ROOT)) {
                case "INTEGER" -> "int4";
                case "BIGINT" -> "int8";
                case "SMALLINT", "TINYINT" -> "int2";
                case "REAL" -> "float4";
                case "DOUBLE", "FLOAT" -> "float8";
                case "DECIMAL" -> "numeric";
                case "VARCHAR" -> "varchar";
                case "CHAR" -> "bpchar";
                case "BOOLEAN" -> "bool";
                case "DATE" -> "date";
                case "TIME" -> "time";
                case "TIME_TZ" -> "timetz";
                case "TIMESTAMP" -> "timestamp";
                case "TIMESTAMP_TZ", "TIMESTAMP_WITH_LOCAL_TIME_ZONE" -> "timestamptz";
                case "BINARY", "VARBINARY" -> "bytea";
                case "UUID" -> "uuid";
                default -> null;
            };
            if (name == null) {
                return null;
            }
            if (name.equals("bpchar") && precision < 0) {
                precision = 1; // PostgreSQL's "char" without length is char(1)
            }
            return new PgType(name, precision, scale);
        }
        String name = switch (typeName.getTypeName().getSimple().toLowerCase(Locale.ROOT)) {
            case "int4", "int", "integer" -> "int4";
            case "int8" -> "int8";
            case "int2" -> "int2";
            case "float4" -> "float4";
            case "float8" -> "float8";
            case "text" -> "text";
            case "bpchar" -> "bpchar";
            case "bool" -> "bool";
            case "timestamptz" -> "timestamptz";
            case "timetz" -> "timetz";
            case "bytea" -> "bytea";
            case "json" -> "json";
            case "jsonb" -> "jsonb";
            case "numeric", "decimal" -> "numeric";
            case "varchar" -> "varchar";
            case "date" -> "date";
            case "uuid" -> "uuid";
            default -> null;
        };
        return name == null ? null : new PgType(name, -1, -1);
    }

    /** The name as the client would have written it, for messages. */
    static String spelling(SqlDataTypeSpec spec) {
        return spec.getTypeNameSpec().getTypeName().getSimple().toLowerCase(Locale.ROOT);
    }

    boolean isInteger() {
        return name.equals("int2") || name.equals("int4") || name.equals("int8");
    }

    boolean isText() {
        return name.equals("text") || name.equals("varchar") || name.equals("bpchar");
    }
}
