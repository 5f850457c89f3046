package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

import java.util.List;

/**
 * DDL for the backends that follow the SQL standard closely (HSQLDB, DuckDB, Derby, Oracle, SQL Server, Db2): their
 * spelling of PostgreSQL's column types, of serial and identity columns, of the current time and of a random UUID.
 * Types are chosen so that values round-trip as PostgreSQL prints them and the backend profile ({@code Dialects})
 * reports the PostgreSQL type back.
 */
public final class StandardTargets {
    private StandardTargets() {
    }

    static boolean isStandard(SqlTarget target) {
        return switch (target) {
            case HSQLDB, DUCKDB, DERBY, ORACLE, SQLSERVER, DB2 -> true;
            default -> false;
        };
    }

    /**
     * The backend's spelling of a PostgreSQL type for a cast (canonical name: {@code integer}, {@code double
     * precision}, {@code char}…; precision and scale -1 where not given), the same as its column type; null when
     * the backend has none.
     */
    public static String typeName(SqlTarget target, String name, int precision, int scale) {
        List<Integer> modifiers = precision < 0 ? List.of() : scale < 0 ? List.of(precision) : List.of(precision, scale);
        PgType type = new PgType(name, modifiers, 0, name);
        return spelled(name, type, target);
    }

    /** The column type; arrays, and types the backend has nothing for, are refused. */
    static String columnType(PgType type, SqlTarget target) {
        if (type.isArray()) {
            throw ColumnTypes.unsupportedType(type, target);
        }
        String spelled = spelled(type.isSerial() ? type.serialBase() : type.name(), type, target);
        return spelled != null ? spelled : ColumnTypes.postgresOnly(type, target);
    }

    private static String spelled(String name, PgType type, SqlTarget target) {
        return switch (target) {
            case HSQLDB -> hsqldb(name, type);
            case DUCKDB -> duckDb(name, type);
            case DERBY -> derby(name, type);
            case ORACLE -> oracle(name, type);
            case SQLSERVER -> sqlServer(name, type);
            case DB2 -> db2(name, type);
            default -> throw new IllegalArgumentException(target.name());
        };
    }

    private static String hsqldb(String name, PgType type) {
        return switch (name) {
            case "smallint", "integer", "bigint", "real", "date", "boolean", "uuid" -> name.toUpperCase();
            case "double precision" -> "DOUBLE";
            case "numeric" -> "NUMERIC" + (type.modifiers().isEmpty() ? "(128,32)" : ColumnTypes.modifiers(type));
            case "varchar" -> type.modifiers().isEmpty() ? "LONGVARCHAR" : "VARCHAR" + ColumnTypes.modifiers(type);
            case "char" -> "CHAR(" + type.modifier(0, 1) + ")";
            case "text", "json", "jsonb" -> "LONGVARCHAR";
            case "bytea" -> "VARBINARY(16777216)";
            case "time", "timestamp" -> name.toUpperCase() + "(" + type.modifier(0, 6) + ")";
            case "timestamptz" -> "TIMESTAMP(" + type.modifier(0, 6) + ") WITH TIME ZONE";
            case "timetz" -> "TIME(" + type.modifier(0, 6) + ") WITH TIME ZONE";
            default -> null;
        };
    }

    private static String duckDb(String name, PgType type) {
        return switch (name) {
            case "smallint", "integer", "bigint", "real", "date", "boolean", "uuid", "text", "interval", "json" ->
                    name.toUpperCase();
            case "double precision" -> "DOUBLE";
            // DuckDB's decimals end at 38 digits; a bare numeric keeps a fraction as PostgreSQL's does.
            case "numeric" -> type.modifiers().isEmpty() ? "DECIMAL(38,10)" : "DECIMAL" + ColumnTypes.modifiers(type);
            case "varchar", "char" -> "VARCHAR" + ColumnTypes.modifiers(type);
            case "jsonb" -> "JSON";
            case "bytea" -> "BLOB";
            case "time", "timestamp" -> name.toUpperCase();
            case "timestamptz" -> "TIMESTAMPTZ";
            case "timetz" -> "TIMETZ";
            default -> null;
        };
    }

    private static String derby(String name, PgType type) {
        return switch (name) {
            case "smallint", "integer", "bigint", "real", "date", "boolean", "time" -> name.toUpperCase();
            case "double precision" -> "DOUBLE";
            case "numeric" -> "DECIMAL" + (type.modifiers().isEmpty() ? "(31,10)" : ColumnTypes.modifiers(type));
            case "varchar" -> "VARCHAR(" + type.modifier(0, 32672) + ")";
            case "char" -> "CHAR(" + type.modifier(0, 1) + ")";
            // Derby compares, sorts and groups no CLOB: text is its longest VARCHAR.
            case "text", "json", "jsonb" -> "VARCHAR(32672)";
            case "bytea" -> "BLOB";
            case "timestamp", "timestamptz" -> "TIMESTAMP";
            case "uuid" -> "CHAR(36)";
            default -> null;
        };
    }

    private static String oracle(String name, PgType type) {
        return switch (name) {
            case "smallint" -> "NUMBER(5)";
            case "integer" -> "NUMBER(10)";
            case "bigint" -> "NUMBER(19)";
            case "real" -> "BINARY_FLOAT";
            case "double precision" -> "BINARY_DOUBLE";
            case "numeric" -> "NUMBER" + ColumnTypes.modifiers(type);
            case "boolean" -> "NUMBER(1)";
            // A CLOB cannot be compared with = or keyed: text is the longest VARCHAR2 of a standard database.
            case "varchar" -> "VARCHAR2(" + (type.modifiers().isEmpty() ? "4000" : type.modifier(0, 1) + " CHAR") + ")";
            case "char" -> "CHAR(" + type.modifier(0, 1) + " CHAR)";
            case "text", "json", "jsonb" -> "VARCHAR2(4000)";
            case "bytea" -> "BLOB";
            // Oracle's DATE has a time of day too; pgbridge writes only midnights into it.
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP(" + type.modifier(0, 6) + ")";
            case "timestamptz" -> "TIMESTAMP(" + type.modifier(0, 6) + ") WITH TIME ZONE";
            case "uuid" -> "VARCHAR2(36)";
            default -> null;
        };
    }

    private static String sqlServer(String name, PgType type) {
        return switch (name) {
            case "smallint", "bigint", "real", "date" -> name.toUpperCase();
            case "integer" -> "INT";
            case "double precision" -> "FLOAT";
            case "numeric" -> "DECIMAL" + (type.modifiers().isEmpty() ? "(38,10)" : ColumnTypes.modifiers(type));
            case "boolean" -> "BIT";
            case "varchar" -> "NVARCHAR(" + (type.modifiers().isEmpty() ? "MAX" : type.modifier(0, 1)) + ")";
            case "char" -> "NCHAR(" + type.modifier(0, 1) + ")";
            case "text", "json", "jsonb" -> "NVARCHAR(MAX)";
            case "bytea" -> "VARBINARY(MAX)";
            case "time" -> "TIME(" + type.modifier(0, 6) + ")";
            case "timestamp" -> "DATETIME2(" + type.modifier(0, 6) + ")";
            case "timestamptz" -> "DATETIMEOFFSET(" + type.modifier(0, 6) + ")";
            case "uuid" -> "UNIQUEIDENTIFIER";
            default -> null;
        };
    }

    private static String db2(String name, PgType type) {
        return switch (name) {
            case "smallint", "integer", "bigint", "real", "date", "boolean", "time" -> name.toUpperCase();
            case "double precision" -> "DOUBLE";
            case "numeric" -> type.modifiers().isEmpty() ? "DECFLOAT(34)" : "DECIMAL" + ColumnTypes.modifiers(type);
            case "varchar" -> "VARCHAR(" + type.modifier(0, 4000) + ")";
            case "char" -> "CHAR(" + type.modifier(0, 1) + ")";
            // Db2 compares no CLOB with =, and a row must fit its page: text is VARCHAR(4000).
            case "text", "json", "jsonb" -> "VARCHAR(4000)";
            case "bytea" -> "BLOB";
            case "timestamp", "timestamptz" -> "TIMESTAMP(" + type.modifier(0, 6) + ")";
            case "uuid" -> "CHAR(36)";
            default -> null;
        };
    }

    /**
     * A serial or identity column's key generation after its type: the standard's identity column (starting at 1 as
     * PostgreSQL's sequences do), SQL Server's IDENTITY, or DuckDB's sequence default.
     */
    static String identity(SqlTarget target, boolean always, String sequence) {
        return switch (target) {
            case SQLSERVER -> "IDENTITY(1,1)";
            case DUCKDB -> "DEFAULT nextval('" + sequence.replace("'", "''") + "')";
            default -> "GENERATED " + (always ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY (START WITH 1)";
        };
    }

    /** The current time for a column of {@code columnType} (a PostgreSQL canonical name, or null). */
    static String now(SqlTarget target, String columnType) {
        String type = columnType == null ? "timestamptz" : columnType;
        return switch (type) {
            case "date" -> target == SqlTarget.SQLSERVER ? "CAST(SYSDATETIME() AS DATE)" : "CURRENT_DATE";
            case "time" -> target == SqlTarget.SQLSERVER ? "CAST(SYSDATETIME() AS TIME)" : "CURRENT_TIME";
            case "timestamp" -> switch (target) {
                case SQLSERVER -> "SYSDATETIME()";
                case DERBY -> "CURRENT_TIMESTAMP";
                case DB2 -> "CURRENT TIMESTAMP";
                default -> "LOCALTIMESTAMP";
            };
            default -> switch (target) {
                case SQLSERVER -> "SYSDATETIMEOFFSET()";
                case ORACLE -> "SYSTIMESTAMP";
                case DB2 -> "CURRENT TIMESTAMP";
                default -> "CURRENT_TIMESTAMP";
            };
        };
    }

    static String randomUuid(SqlTarget target) {
        return switch (target) {
            case HSQLDB -> "UUID()";
            case DUCKDB -> "gen_random_uuid()";
            case SQLSERVER -> "NEWID()";
            default -> throw TranslationException.unsupported("gen_random_uuid()", target);
        };
    }

    /** {@code CREATE TABLE … AS query}, with its rows or without ({@code WITH NO DATA}), as each backend writes it. */
    static String createTableAs(SqlTarget target, String head, String query, boolean noData) {
        return switch (target) {
            case HSQLDB, DB2 -> head + " AS (" + query + ") WITH " + (noData ? "NO " : "") + "DATA";
            case DERBY -> {
                if (!noData) {
                    throw TranslationException.unsupported("CREATE TABLE … AS with its rows", target);
                }
                yield head + " AS " + query + " WITH NO DATA";
            }
            case ORACLE, DUCKDB -> head + " AS " + (noData ? "SELECT * FROM (" + query + ") WHERE 1 = 0" : query);
            default -> throw TranslationException.unsupported("CREATE TABLE … AS", target);
        };
    }

    /** Whether the backend has {@code DROP … IF EXISTS}: Derby, Db2 and Oracle before 23 do not. */
    static boolean dropsIfExists(SqlTarget target) {
        return target != SqlTarget.DERBY && target != SqlTarget.DB2 && target != SqlTarget.ORACLE;
    }

    /** Whether DEFAULT takes only a bare expression: HSQLDB and Derby refuse a parenthesised one. */
    static boolean bareDefaults(SqlTarget target) {
        return target != SqlTarget.SQLSERVER && target != SqlTarget.DUCKDB;
    }
}
