package io.pgbridge.backend;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dialect profiles, chosen by JDBC URL. */
public final class Dialects {
    public static final BackendDialect H2 = new H2();
    public static final BackendDialect POSTGRES = new Postgres();
    public static final BackendDialect MARIADB = new MariaDb();
    public static final BackendDialect SQLITE = new Sqlite();
    public static final BackendDialect HSQLDB = new StandardSqlDialects.Hsqldb();
    public static final BackendDialect DUCKDB = new StandardSqlDialects.DuckDb();
    public static final BackendDialect DERBY = new StandardSqlDialects.Derby();
    public static final BackendDialect ORACLE = new StandardSqlDialects.Oracle();
    public static final BackendDialect SQLSERVER = new StandardSqlDialects.SqlServer();
    public static final BackendDialect DB2 = new StandardSqlDialects.Db2();
    public static final BackendDialect GENERIC = new Generic();

    private Dialects() {
    }

    public static BackendDialect forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        for (BackendDialect dialect : java.util.List.of(HSQLDB, DUCKDB, DERBY, ORACLE, SQLSERVER, DB2)) {
            if (url.startsWith(((StandardSqlDialects.Profile) dialect).urlPrefix())) {
                return dialect;
            }
        }
        return GENERIC;
    }

    /** H2 reports PostgreSQL-like names in its PostgreSQL mode; arrays come as {@code INTEGER ARRAY}. */
    private static final class H2 extends BackendDialect {
        @Override
        public boolean convertsParameterTextLikePostgres() {
            return true;
        }

        @Override
        public String objectExistsQuery(String kind) {
            String where = " = coalesce(?, current_schema) and ";
            return switch (kind) {
                case "table", "view" -> "select 1 from information_schema.tables where table_type = '"
                        + (kind.equals("table") ? "BASE TABLE" : "VIEW") + "' and table_schema" + where + "table_name = ?";
                case "index" -> "select 1 from information_schema.indexes where index_schema" + where + "index_name = ?";
                case "sequence" -> "select 1 from information_schema.sequences where sequence_schema" + where
                        + "sequence_name = ?";
                default -> null;
            };
        }

        /** json and jsonb columns are text with a comment declaring their type (H2's JSON reads strings as strings). */
        @Override
        public boolean declaresTypesInComments() {
            return true;
        }

        /** H2 reads a lazy result from its statement's snapshot. */
        @Override
        public boolean openResultsSeeWrites() {
            return false;
        }

        /**
         * Where H2 runs in this JVM, the JSON operators the translator maps to Java functions are registered. A
         * remote H2 server does not have pgbridge's classes; there those operators fail with H2's own error.
         */
        @Override
        public void prepare(Connection connection, String url) throws SQLException {
            String u = url.toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:h2:mem:") || u.startsWith("jdbc:h2:file:") || !u.startsWith("jdbc:h2:tcp:")
                    && !u.startsWith("jdbc:h2:ssl:") && !u.startsWith("jdbc:h2:zip:")) {
                io.pgbridge.backend.h2.H2Functions.register(connection);
            }
        }

        @Override
        public String name() {
            return "h2";
        }

        @Override
        public boolean supportsIsolationLevels() {
            return true;
        }

        @Override
        public String temporaryTablesQuery() {
            return "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'LOCAL TEMPORARY'";
        }

        /** H2's ANALYZE samples a table's rows into its selectivity statistics, one table at a time. */
        @Override
        public List<String> analyzeStatements(List<List<String>> tables) {
            return tables.isEmpty() ? List.of("ANALYZE")
                    : tables.stream().map(t -> "ANALYZE TABLE " + quotedName(t, '"')).toList();
        }

        @Override
        public Map<String, String> defaultProperties() {
            // Without lazy execution H2 builds a whole result before the first row is read.
            return Map.of("LAZY_QUERY_EXECUTION", "TRUE");
        }

        /**
         * H2's PostgreSQL mode lacks these names. json/jsonb become text: H2's JSON type stores a bound or literal
         * string as a JSON string value ({@code "{\"a\":1}"}), which no PostgreSQL client expects; pgbridge's DDL
         * declares a table column's type in its comment ({@code pgbridge:jsonb}).
         */
        @Override
        public Map<String, String> typeNameAliases() {
            return Map.of("timestamptz", "timestamp with time zone", "timetz", "time with time zone",
                    "jsonb", "text", "json", "text");
        }
    }

    /** pgjdbc reports PostgreSQL's own type names, so the type name decides; SQL passes through untouched. */
    private static final class Postgres extends BackendDialect {
        /** PostgreSQL runs cursors itself. */
        @Override
        public boolean openResultsSeeWrites() {
            return false;
        }

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public boolean supportsIsolationLevels() {
            return true;
        }

        @Override
        public boolean isPostgres() {
            return true;
        }

        @Override
        public Map<String, String> defaultProperties() {
            // Text parameters of unknown type are sent untyped so PostgreSQL infers them, as it does for a client.
            return Map.of("stringtype", "unspecified", "ApplicationName", "pgbridge");
        }

        @Override
        public boolean streamsOnlyInTransaction() {
            return true;
        }

        @Override
        public String serverVersion(Connection connection) throws SQLException {
            try (var st = connection.createStatement(); var rs = st.executeQuery("SHOW server_version")) {
                return rs.next() ? rs.getString(1) : super.serverVersion(connection);
            }
        }

        @Override
        public ColumnType columnType(ResultSetMetaData md, int column) throws SQLException {
            String typeName = md.getColumnTypeName(column);
            int oid = PgOid.forTypeName(typeName);
            if (oid != 0) {
                int typmod = -1;
                if (oid == PgOid.VARCHAR || oid == PgOid.BPCHAR) {
                    int precision = md.getPrecision(column);
                    typmod = precision > 0 && precision < 10_485_760 ? precision + 4 : -1;
                } else if (oid == PgOid.NUMERIC) {
                    int precision = md.getPrecision(column);
                    int scale = md.getScale(column);
                    typmod = precision > 0 && precision <= 1000
                            ? ColumnType.numeric(precision, scale).typeModifier() : -1;
                }
                return new ColumnType(oid, typmod);
            }
            if ("serial".equals(typeName)) {
                return ColumnType.of(PgOid.INT4);
            }
            if ("bigserial".equals(typeName)) {
                return ColumnType.of(PgOid.INT8);
            }
            // Enums, domains, geometric types…: their text form is what PostgreSQL sends.
            return ColumnType.of(PgOid.TEXT);
        }
    }

    /**
     * MariaDB/MySQL: TINYINT(1) is bool (the driver reports BIT), JSON (a LONGTEXT alias) is jsonb; arrays are
     * MEDIUMTEXT holding JSON whose comment declares the array type (a MEDIUMTEXT without it is text).
     */
    private static final class MariaDb extends BackendDialect {
        /** MariaDB's driver reads the rest of a streaming result before the next statement. */
        @Override
        public boolean openResultsSeeWrites() {
            return false;
        }

        @Override
        public String name() {
            return "mariadb";
        }

        /** MariaDB's ANALYZE TABLE needs names (it answers with a status result, which the caller discards). */
        @Override
        public List<String> analyzeStatements(List<List<String>> tables) {
            // PostgreSQL's public schema is the connection's database here, as the translator treats it.
            return tables.isEmpty() ? List.of() : List.of("ANALYZE TABLE " + String.join(", ", tables.stream()
                    .map(t -> t.size() == 2 && t.get(0).equals("public") ? t.subList(1, 2) : t)
                    .map(t -> quotedName(t, '`')).toList()));
        }

        /** InnoDB has all four levels; its default is REPEATABLE READ, so leasing at READ COMMITTED matters here. */
        @Override
        public boolean supportsIsolationLevels() {
            return true;
        }

        /**
         * The session SQL mode the translator writes for: standard double-quoted identifiers and {@code ||}
         * (ANSI), backslashes as ordinary characters in strings, strict errors instead of silent truncation, UTC
         * so that timestamptz values mean the same instant as in PostgreSQL, and literals compared by code point as
         * PostgreSQL's C collation compares them ('B' < 'a'). Its NO PAD variant would also tell 'a' from 'a ', but
         * MariaDB refuses to compare it with the utf8mb4_bin of JSON functions' results and of binary databases.
         */
        @Override
        public Map<String, String> defaultProperties() {
            // @pgbridge_skip is defined from the start: MariaDB reads a user variable that does not exist yet as a
            // constant NULL for the whole statement, and the translator's upserts set and read it row by row.
            // group_concat_max_len bounds string_agg and JSON_ARRAYAGG (percentiles), which would cut off at 1 MiB.
            // max_recursive_iterations (1000 since MariaDB 10.6) ends a recursive WITH early without an error, and
            // generate_series is one: PostgreSQL has no such limit.
            return Map.of("sessionVariables", "sql_mode='" + SQL_MODE + "',time_zone='+00:00',"
                    + "collation_connection='utf8mb4_bin',group_concat_max_len=4294967295,"
                    + "max_recursive_iterations=4294967295,@pgbridge_skip=0");
        }

        static final String SQL_MODE = "ANSI,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

        @Override
        public int fetchSize(int rows) {
            // MariaDB Connector/J streams in batches of fetchSize rows; 0 would read the whole result.
            return rows;
        }

        /** Array (MEDIUMTEXT) and timestamptz (DATETIME) columns have a comment declaring their type, read through the catalog. */
        @Override
        public boolean declaresTypesInComments() {
            return true;
        }

        @Override
        public boolean readsResultsAheadForMetadata() {
            return true;
        }

        @Override
        protected ColumnType fromTypeName(String typeName) {
            return switch (typeName) {
                case "tinyint" -> ColumnType.of(PgOid.INT2);
                case "mediumint", "int", "integer", "int unsigned", "mediumint unsigned", "smallint unsigned" ->
                        typeName.equals("int unsigned") ? ColumnType.of(PgOid.INT8) : ColumnType.of(PgOid.INT4);
                case "bigint unsigned" -> ColumnType.of(PgOid.NUMERIC);
                case "year" -> ColumnType.of(PgOid.INT2);
                case "datetime" -> ColumnType.of(PgOid.TIMESTAMP);
                // pgbridge's DDL writes jsonb as JSON and json as checked LONGTEXT, kept as written
                case "json" -> ColumnType.of(PgOid.JSONB);
                case "uuid" -> ColumnType.of(PgOid.UUID);
                default -> super.fromTypeName(typeName);
            };
        }
    }

    /** SQLite types are affinities; the declared type name is the best hint there is. */
    private static final class Sqlite extends BackendDialect {
        @Override
        public String name() {
            return "sqlite";
        }

        /**
         * SQLite checks REFERENCES only when asked, PostgreSQL always does (and ON DELETE CASCADE needs it); and
         * PostgreSQL's LIKE is case-sensitive, SQLite's only with this pragma (the translator relies on it).
         */
        @Override
        public Map<String, String> defaultProperties() {
            return Map.of("foreign_keys", "true", "case_sensitive_like", "true");
        }

        @Override
        public String temporaryTablesQuery() {
            return "SELECT name FROM sqlite_temp_master WHERE type = 'table'";
        }

        /** The main database holds pgbridge's tables (PostgreSQL's public schema maps onto it); no sequences. */
        @Override
        public String objectExistsQuery(String kind) {
            return switch (kind) {
                case "table", "view", "index" -> "select 1 from sqlite_master where coalesce(?, 'main') in ('main',"
                        + " 'public') and type = '" + kind + "' and name = ?";
                default -> null;
            };
        }

        @Override
        public List<String> analyzeStatements(List<List<String>> tables) {
            return tables.isEmpty() ? List.of("ANALYZE")
                    : tables.stream().map(t -> "ANALYZE " + quotedName(t, '"')).toList();
        }

        @Override
        public javax.sql.DataSource dataSource(String url, java.util.Properties properties) {
            return new io.pgbridge.backend.sqlite.SqliteDataSource(url, properties);
        }

        /**
         * A computed column (no table) has no declared type, and sqlite-jdbc names the type of the first row's
         * value instead: INTEGER for a sum of 12.00 whose next row is 389.39. numeric holds both.
         */
        @Override
        public ColumnType columnType(ResultSetMetaData md, int column) throws SQLException {
            String table = md.getTableName(column);
            String typeName = md.getColumnTypeName(column);
            if ((table == null || table.isEmpty()) && "INTEGER".equalsIgnoreCase(typeName)) {
                return ColumnType.of(PgOid.NUMERIC);
            }
            if ("NUMERIC".equalsIgnoreCase(typeName) || "DECIMAL".equalsIgnoreCase(typeName)) {
                // the declared numeric(p,s), whatever the value's storage class
                return numeric(md.getPrecision(column), md.getScale(column));
            }
            return super.columnType(md, column);
        }

        /** getColumns reports the JDBC type of a declared date or time as VARCHAR; the declared name says more. */
        @Override
        public ColumnType tableColumnType(int jdbcType, String typeName, int size, int decimalDigits) {
            ColumnType type = super.tableColumnType(jdbcType, typeName, size, decimalDigits);
            if (type.oid() == PgOid.NUMERIC) {
                return numeric(size, decimalDigits);
            }
            return switch (typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT)) {
                case "date" -> ColumnType.of(PgOid.DATE);
                case "time" -> ColumnType.of(PgOid.TIME);
                case "timetz" -> ColumnType.of(PgOid.TIMETZ);
                case "timestamp" -> ColumnType.of(PgOid.TIMESTAMP);
                default -> type;
            };
        }

        @Override
        protected ColumnType fromTypeName(String typeName) {
            return switch (typeName) {
                case "integer", "int", "bigint" -> ColumnType.of(PgOid.INT8);
                case "boolean", "bool" -> ColumnType.of(PgOid.BOOL);
                case "real", "double", "float" -> ColumnType.of(PgOid.FLOAT8);
                case "float4" -> ColumnType.of(PgOid.FLOAT4);   // PostgreSQL's real, as pgbridge's DDL declares it
                case "text", "" -> ColumnType.of(PgOid.TEXT);
                case "blob", "bytea" -> ColumnType.of(PgOid.BYTEA);
                // Declared numeric: sqlite-jdbc's JDBC type follows the first row's value (INTEGER for 12.00),
                // which would truncate the 7.5 of a later row.
                case "numeric", "decimal" -> ColumnType.of(PgOid.NUMERIC);
                case "smallint", "int2" -> ColumnType.of(PgOid.INT2);
                case "int4" -> ColumnType.of(PgOid.INT4);
                // Stored as the text written (an offset included); the proxy shows the instant in the session zone.
                case "timestamptz", "timestamp with time zone" -> ColumnType.of(PgOid.TIMESTAMPTZ);
                default -> super.fromTypeName(typeName);
            };
        }
    }

    private static final class Generic extends BackendDialect {
        @Override
        public String name() {
            return "jdbc";
        }
    }
}
