package io.pgbridge.backend;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between the databases behind pgbridge: how their column types map onto PostgreSQL's, how results
 * are streamed, which driver properties make them behave, and what version to report. One subclass per family.
 */
public abstract class BackendDialect {

    /** Variable-length text columns at least this long are presented as {@code text}, not {@code varchar(n)}. */
    private static final int UNBOUNDED_TEXT = 10_485_760;

    /** A short name for logs and docs: {@code h2}, {@code postgresql}, {@code mariadb}, {@code sqlite}, {@code jdbc}. */
    public abstract String name();

    /** A statement every new connection runs before its first use (session time zone…); null for none. */
    public String sessionSetup() {
        return null;
    }

    /**
     * The result column label as PostgreSQL would name the column. Backends that fold unquoted names to upper case
     * answer {@code NAME} for the column PostgreSQL calls {@code name}; their profiles turn labels back.
     */
    public String columnLabel(String label) {
        return label;
    }

    /** Driver properties this dialect needs unless the configuration sets them. */
    public Map<String, String> defaultProperties() {
        return Map.of();
    }

    /**
     * PostgreSQL type names this backend spells differently, lower case → the backend's spelling; the proxy
     * replaces them in every statement.
     */
    public Map<String, String> typeNameAliases() {
        return Map.of();
    }

    /** True when the backend is PostgreSQL itself: SQL passes through untouched. */
    public boolean isPostgres() {
        return false;
    }

    /**
     * True when the driver streams a result only inside a transaction (pgjdbc uses a portal with a row limit only
     * when autocommit is off); the session then wraps a streaming read in a transaction of its own.
     */
    public boolean streamsOnlyInTransaction() {
        return false;
    }

    /**
     * True when the backend runs PostgreSQL's isolation levels (read committed, repeatable read, serializable)
     * through JDBC's {@code setTransactionIsolation}; its connections are then leased at READ COMMITTED,
     * PostgreSQL's default. False keeps the driver's own behaviour (SQLite: every transaction is serializable,
     * which is at least what any PostgreSQL level promises).
     */
    public boolean supportsIsolationLevels() {
        return false;
    }

    /**
     * The statements that refresh the planner statistics of {@code tables} (each a list of unquoted name parts, e.g.
     * {@code [public, t]}; empty = every table), for PostgreSQL's ANALYZE and VACUUM ANALYZE; empty when the backend
     * keeps its statistics itself or has no such command.
     */
    public java.util.List<String> analyzeStatements(java.util.List<java.util.List<String>> tables) {
        return java.util.List.of();
    }

    /** {@code parts} quoted with the standard's double quotes and joined with dots. */
    protected static String quotedName(java.util.List<String> parts, char quote) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            String doubled = part.replace(String.valueOf(quote), String.valueOf(quote) + quote);
            out.append(quote).append(doubled).append(quote);
        }
        return out.toString();
    }

    /**
     * For backends that skip {@code DROP … IF EXISTS} and {@code CREATE … IF NOT EXISTS} silently: a query with two
     * parameters (schema, null for the current one; name) that returns a row when such a {@code kind} of object
     * ({@code table}, {@code view}, {@code index}, {@code sequence}) exists, so that the proxy can send PostgreSQL's
     * notice. Null when the backend reports skips itself (PostgreSQL, MariaDB) or cannot tell.
     */
    public String objectExistsQuery(String kind) {
        return null;
    }

    /** A query listing the connection's temporary tables, for DISCARD TEMP; null when the backend cannot tell. */
    public String temporaryTablesQuery() {
        return null;
    }

    /** The fetch size to set on statements so that results stream in batches of about {@code rows}. */
    public int fetchSize(int rows) {
        return rows;
    }

    /**
     * Prepares a newly opened backend once, with one of its connections: functions the translator relies on, for
     * instance. {@code url} is the configured JDBC URL.
     */
    public void prepare(Connection connection, String url) throws SQLException {
    }

    /**
     * The data source the pool opens connections with, for dialects that must act on each new connection (SQLite
     * registers functions per connection); null lets the pool open them from the URL and properties itself.
     */
    public javax.sql.DataSource dataSource(String url, java.util.Properties properties) {
        return null;
    }

    /**
     * The {@code server_version} reported to clients. PostgreSQL backends report their own; the others report the
     * PostgreSQL whose catalog pgbridge presents for them (PostgreSQL 15's columns and built-in rows, exported from
     * 15.20), so that clients choose their catalog queries for that version and psql 15 does not warn.
     */
    public String serverVersion(Connection connection) throws SQLException {
        return EMULATED_SERVER_VERSION;
    }

    /** What non-PostgreSQL backends report as {@code server_version}; pg_settings.psv says the same. */
    public static final String EMULATED_SERVER_VERSION = "15.20 (pgbridge)";

    /**
     * Whether a parameter's text, bound as a string, converts as PostgreSQL would convert it to the column's type
     * (PostgreSQL itself; H2 in PostgreSQL mode). MariaDB refuses {@code 'true'} for a boolean and an ISO 8601
     * instant for a date, so there the proxy reads such text by PostgreSQL's rules first.
     */
    public boolean convertsParameterTextLikePostgres() {
        return isPostgres();
    }

    /**
     * Whether pgbridge's DDL declares some columns' PostgreSQL types in column comments (types the backend lacks,
     * such as arrays), so that result columns of tables are worth looking up in the catalog.
     */
    public boolean declaresTypesInComments() {
        return false;
    }

    /**
     * Whether a metadata query on a connection with a result open makes the driver read the rest of that result
     * first (MariaDB's streaming), so that declared types must be read from the catalog before a result is opened.
     */
    public boolean readsResultsAheadForMetadata() {
        return false;
    }

    /**
     * Whether a result set still being read may show what its connection writes meanwhile (SQLite steps through
     * the table as it reads). Open cursors are then read to the end before a write, to stay insensitive as
     * PostgreSQL's are. True unless known otherwise.
     */
    public boolean openResultsSeeWrites() {
        return true;
    }

    /** The PostgreSQL type for result column {@code column} (1-based). */
    public ColumnType columnType(ResultSetMetaData md, int column) throws SQLException {
        int jdbcType = md.getColumnType(column);
        String typeName = md.getColumnTypeName(column);
        return fromJdbc(jdbcType, typeName == null ? "" : typeName.toLowerCase(Locale.ROOT),
                md.getPrecision(column), md.getScale(column));
    }

    /**
     * The PostgreSQL type of a table column as {@link java.sql.DatabaseMetaData#getColumns} describes it: its JDBC
     * type, the backend's type name, size and decimal digits.
     */
    public ColumnType tableColumnType(int jdbcType, String typeName, int size, int decimalDigits) {
        return fromJdbc(jdbcType, typeName == null ? "" : typeName.toLowerCase(Locale.ROOT), size, decimalDigits);
    }

    /** The PostgreSQL type of statement parameter {@code index} (1-based), as the backend infers it. */
    public ColumnType parameterType(java.sql.ParameterMetaData md, int index) throws SQLException {
        try {
            String typeName = md.getParameterTypeName(index);
            if (isPostgres()) {
                int oid = PgOid.forTypeName(typeName);
                return ColumnType.of(oid != 0 ? oid : PgOid.TEXT);
            }
            return fromJdbc(md.getParameterType(index), typeName == null ? "" : typeName.toLowerCase(Locale.ROOT),
                    md.getPrecision(index), md.getScale(index));
        } catch (SQLException e) {
            // Drivers that cannot describe parameters (client-side prepared statements): let the value decide.
            return ColumnType.of(PgOid.UNSPECIFIED);
        }
    }

    /** Maps a JDBC type and the driver's type name onto a PostgreSQL type; the common ground of all dialects. */
    protected ColumnType fromJdbc(int jdbcType, String typeName, int precision, int scale) {
        ColumnType byName = fromTypeName(typeName);
        if (byName != null) {
            return byName;
        }
        return switch (jdbcType) {
            case Types.BOOLEAN -> ColumnType.of(PgOid.BOOL);
            case Types.BIT -> precision > 1 ? ColumnType.of(PgOid.BYTEA) : ColumnType.of(PgOid.BOOL);
            case Types.TINYINT, Types.SMALLINT -> ColumnType.of(PgOid.INT2);
            case Types.INTEGER -> ColumnType.of(PgOid.INT4);
            case Types.BIGINT -> ColumnType.of(PgOid.INT8);
            case Types.REAL -> ColumnType.of(PgOid.FLOAT4);
            case Types.FLOAT, Types.DOUBLE -> ColumnType.of(PgOid.FLOAT8);
            case Types.NUMERIC, Types.DECIMAL -> numeric(precision, scale);
            case Types.CHAR, Types.NCHAR -> precision > 0 && precision < UNBOUNDED_TEXT
                    ? new ColumnType(PgOid.BPCHAR, precision + 4) : ColumnType.of(PgOid.BPCHAR);
            case Types.VARCHAR, Types.NVARCHAR -> precision > 0 && precision < UNBOUNDED_TEXT
                    ? new ColumnType(PgOid.VARCHAR, precision + 4) : ColumnType.of(PgOid.TEXT);
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.SQLXML -> ColumnType.of(PgOid.TEXT);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnType.of(PgOid.BYTEA);
            case Types.DATE -> ColumnType.of(PgOid.DATE);
            case Types.TIME -> ColumnType.of(PgOid.TIME);
            case Types.TIME_WITH_TIMEZONE -> ColumnType.of(PgOid.TIMETZ);
            case Types.TIMESTAMP -> ColumnType.of(PgOid.TIMESTAMP);
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.of(PgOid.TIMESTAMPTZ);
            default -> ColumnType.of(PgOid.TEXT);
        };
    }

    /** Type names that say more than the JDBC type code (JSON, UUID, INTERVAL, arrays…); null when the name says nothing. */
    protected ColumnType fromTypeName(String typeName) {
        if (typeName.endsWith(" array") || typeName.endsWith("[]")) {
            // H2 says "integer array"; SQLite reports the declared type, "integer[]".
            String elementName = typeName.substring(0, typeName.length() - (typeName.endsWith("[]") ? 2 : 6)).strip();
            ColumnType element = fromTypeName(elementName);
            int elementOid = element != null ? element.oid() : elementOidForSqlName(elementName);
            int arrayOid = PgOid.arrayOf(elementOid);
            return ColumnType.of(arrayOid != 0 ? arrayOid : PgOid.TEXT_ARRAY);
        }
        if (typeName.startsWith("interval")) {
            return ColumnType.of(PgOid.INTERVAL);
        }
        return switch (typeName) {
            case "json" -> ColumnType.of(PgOid.JSON);
            case "jsonb" -> ColumnType.of(PgOid.JSONB);
            case "uuid" -> ColumnType.of(PgOid.UUID);
            default -> null;
        };
    }

    private static int elementOidForSqlName(String sqlName) {
        return switch (sqlName) {
            case "boolean" -> PgOid.BOOL;
            case "tinyint", "smallint" -> PgOid.INT2;
            case "integer" -> PgOid.INT4;
            case "bigint" -> PgOid.INT8;
            case "real" -> PgOid.FLOAT4;
            case "double precision" -> PgOid.FLOAT8;
            case "numeric", "decimal" -> PgOid.NUMERIC;
            case "date" -> PgOid.DATE;
            case "time" -> PgOid.TIME;
            case "time with time zone" -> PgOid.TIMETZ;
            case "timestamp" -> PgOid.TIMESTAMP;
            case "timestamp with time zone" -> PgOid.TIMESTAMPTZ;
            case "binary varying", "binary", "blob", "binary large object" -> PgOid.BYTEA;
            default -> PgOid.TEXT;
        };
    }

    /** numeric(p,s) carries typmod ((p << 16) | s) + 4, as PostgreSQL encodes it; unconstrained numeric has -1. */
    protected static ColumnType numeric(int precision, int scale) {
        if (precision <= 0 || precision > 1000 || scale < 0 || scale > precision) {
            return ColumnType.of(PgOid.NUMERIC);
        }
        return ColumnType.numeric(precision, scale);
    }

    @Override
    public String toString() {
        return name();
    }
}
