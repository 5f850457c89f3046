package io.pgbridge.proxy.types;

/** A value that does not fit its type, with the SQLSTATE PostgreSQL gives (22P02, 22003, 22008, 08P01…). */
public final class PgTypeException extends RuntimeException {
    private final String sqlState;

    public PgTypeException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
