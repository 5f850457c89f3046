package io.pgbridge.translation;

/**
 * The SQL dialect a backend speaks, as far as translation is concerned. The backends module names its dialects;
 * the proxy maps each to one of these.
 */
public enum SqlTarget {
    /** PostgreSQL itself: statements pass untouched. */
    POSTGRESQL,
    /** H2 in PostgreSQL mode with lower-case identifiers. */
    H2,
    /** MariaDB and MySQL, with the ANSI session sql_mode pgbridge sets on its connections. */
    MARIADB,
    SQLITE,
    /** HSQLDB 2.7 with its PostgreSQL syntax compatibility on; unquoted names fold to upper case. */
    HSQLDB,
    /** DuckDB: a PostgreSQL-like dialect, names compared without case but kept as written. */
    DUCKDB,
    /** Apache Derby 10.16+; unquoted names fold to upper case. */
    DERBY,
    /** Oracle Database 12c+ (OFFSET … FETCH, identity columns); unquoted names fold to upper case. */
    ORACLE,
    /** Microsoft SQL Server 2012+ (OFFSET … FETCH), names compared without case by the default collations. */
    SQLSERVER,
    /** Db2 for Linux, UNIX and Windows 11; unquoted names fold to upper case. */
    DB2,
    /** Any other JDBC database: statements pass untouched and the backend decides. */
    GENERIC;

    /**
     * Whether the backend folds unquoted names to upper case (the SQL standard's rule), where PostgreSQL folds them
     * to lower case: a PostgreSQL name in lower case must then reach the backend in upper case, so that tables
     * created outside pgbridge with unquoted names stay reachable.
     */
    public boolean foldsToUpperCase() {
        return this == HSQLDB || this == DERBY || this == ORACLE || this == DB2;
    }
}
