package io.pgbridge.backend;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;

/**
 * The profiles of the backends that follow the SQL standard closely: HSQLDB, DuckDB and Derby (in-process, tested
 * here) and Oracle, SQL Server and Db2 (whose translation is tested as text). Each is recognised by its JDBC URL,
 * maps its column types onto PostgreSQL's, and sets up sessions where the translator relies on a setting.
 */
final class StandardSqlDialects {
    private StandardSqlDialects() {
    }

    /** A profile chosen by the start of the JDBC URL. */
    abstract static class Profile extends BackendDialect {
        private final String name;
        private final String urlPrefix;

        Profile(String name, String urlPrefix) {
            this.name = name;
            this.urlPrefix = urlPrefix;
        }

        @Override
        public final String name() {
            return name;
        }

        final String urlPrefix() {
            return urlPrefix;
        }
    }

    /**
     * A backend that folds unquoted names to upper case: the translator sends PostgreSQL's lower-case names in
     * upper case, so labels written entirely in upper case are PostgreSQL's lower-case ones.
     */
    abstract static class UpperCaseProfile extends Profile {
        UpperCaseProfile(String name, String urlPrefix) {
            super(name, urlPrefix);
        }

        @Override
        public String columnLabel(String label) {
            return label != null && label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT)
                    : label;
        }

        @Override
        public boolean supportsIsolationLevels() {
            return true;
        }
    }

    /**
     * HSQLDB 2.7: the translator relies on its PostgreSQL syntax compatibility (SELECT without FROM, {@code ::},
     * TEXT and BYTEA as type names), READ COMMITTED sessions that do not wait on writers need its MVCC mode, and
     * string literals must be VARCHAR as PostgreSQL's text is. All are database settings, made once when the
     * backend opens.
     */
    static final class Hsqldb extends UpperCaseProfile {
        Hsqldb() {
            super("hsqldb", "jdbc:hsqldb:");
        }

        @Override
        public void prepare(Connection connection, String url) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET DATABASE SQL SYNTAX PGS TRUE");
                statement.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                // 'mid' is text in PostgreSQL; HSQLDB's CHAR literals would pad it to the longest CASE branch.
                statement.execute("SET DATABASE SQL CHARACTER LITERAL FALSE");
            }
        }

        /** HSQLDB describes UUID columns as BINARY(16); the type name says what they are. */
        @Override
        protected ColumnType fromTypeName(String typeName) {
            return switch (typeName) {
                case "uuid" -> ColumnType.of(PgOid.UUID);
                default -> super.fromTypeName(typeName);
            };
        }
    }

    /**
     * DuckDB: names compare without case but keep the case written, so labels are PostgreSQL's already. Its sums
     * of integers are HUGEINT, its unsigned types have no PostgreSQL equivalent: both become numeric. Sessions run
     * in UTC so that timestamptz text means what PostgreSQL's does.
     */
    static final class DuckDb extends Profile {
        DuckDb() {
            super("duckdb", "jdbc:duckdb:");
        }

        @Override
        public String sessionSetup() {
            return "SET TimeZone = 'UTC'";
        }

        @Override
        protected ColumnType fromTypeName(String typeName) {
            return switch (typeName) {
                case "hugeint", "uhugeint", "ubigint", "uinteger", "usmallint", "utinyint" ->
                        ColumnType.of(PgOid.NUMERIC);
                case "varchar" -> ColumnType.of(PgOid.TEXT);
                case "blob" -> ColumnType.of(PgOid.BYTEA);
                case "timestamp with time zone" -> ColumnType.of(PgOid.TIMESTAMPTZ);
                default -> super.fromTypeName(typeName);
            };
        }
    }

    /** Apache Derby 10.16+: standard types, upper-case names. */
    static final class Derby extends UpperCaseProfile {
        Derby() {
            super("derby", "jdbc:derby:");
        }
    }

    /**
     * Oracle: integers and booleans are NUMBER(p) (the DDL translation writes NUMBER(5), NUMBER(10), NUMBER(19) and
     * NUMBER(1)), BINARY_FLOAT/BINARY_DOUBLE are float4/float8; sessions run in UTC.
     */
    static final class Oracle extends UpperCaseProfile {
        Oracle() {
            super("oracle", "jdbc:oracle:");
        }

        @Override
        public String sessionSetup() {
            return "ALTER SESSION SET TIME_ZONE = 'UTC'";
        }

        @Override
        protected ColumnType fromJdbc(int jdbcType, String typeName, int precision, int scale) {
            if ((jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL) && scale == 0) {
                switch (precision) {
                    case 1 -> {
                        return ColumnType.of(PgOid.BOOL);
                    }
                    case 5 -> {
                        return ColumnType.of(PgOid.INT2);
                    }
                    case 10 -> {
                        return ColumnType.of(PgOid.INT4);
                    }
                    case 19 -> {
                        return ColumnType.of(PgOid.INT8);
                    }
                    default -> {
                    }
                }
            }
            return switch (typeName) {
                // Oracle's DATE holds the date columns of PostgreSQL DDL (the driver reports it as TIMESTAMP).
                case "date" -> ColumnType.of(PgOid.DATE);
                case "binary_float" -> ColumnType.of(PgOid.FLOAT4);
                case "binary_double" -> ColumnType.of(PgOid.FLOAT8);
                case "timestamp with time zone", "timestamp with local time zone" -> ColumnType.of(PgOid.TIMESTAMPTZ);
                default -> super.fromJdbc(jdbcType, typeName, precision, scale);
            };
        }
    }

    /** SQL Server: BIT is bool, DATETIMEOFFSET timestamptz, UNIQUEIDENTIFIER uuid; names keep their case. */
    static final class SqlServer extends Profile {
        SqlServer() {
            super("sqlserver", "jdbc:sqlserver:");
        }

        @Override
        public boolean supportsIsolationLevels() {
            return true;
        }

        @Override
        protected ColumnType fromTypeName(String typeName) {
            return switch (typeName) {
                case "datetimeoffset" -> ColumnType.of(PgOid.TIMESTAMPTZ);
                case "uniqueidentifier" -> ColumnType.of(PgOid.UUID);
                case "money", "smallmoney" -> ColumnType.of(PgOid.NUMERIC);
                default -> super.fromTypeName(typeName);
            };
        }
    }

    /** Db2 LUW: DECFLOAT (the translation of an unbounded numeric) is numeric. */
    static final class Db2 extends UpperCaseProfile {
        Db2() {
            super("db2", "jdbc:db2:");
        }

        @Override
        protected ColumnType fromTypeName(String typeName) {
            return typeName.equals("decfloat") ? ColumnType.of(PgOid.NUMERIC) : super.fromTypeName(typeName);
        }
    }
}
