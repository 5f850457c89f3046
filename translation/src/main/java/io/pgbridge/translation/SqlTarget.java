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
    /** Any other JDBC database: statements pass untouched and the backend decides. */
    GENERIC
}
