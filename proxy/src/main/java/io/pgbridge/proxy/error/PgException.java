package io.pgbridge.proxy.error;

/**
 * An error to report to the client as an ErrorResponse (or, with severity FATAL, before closing the connection).
 * Only {@link ErrorMapper} turns other throwables into this; everything that answers a client goes through it.
 */
public final class PgException extends RuntimeException {
    private final String severity;
    private final String sqlState;
    private final String detail;
    private final String hint;
    private final int position;
    /** PostgreSQL's CONTEXT field ({@code COPY t, line 42, column x: "abc"}), or null. */
    private final String where;

    public PgException(String severity, String sqlState, String message, String detail, String hint, int position,
                       Throwable cause) {
        this(severity, sqlState, message, detail, hint, position, null, cause);
    }

    public PgException(String severity, String sqlState, String message, String detail, String hint, int position,
                       String where, Throwable cause) {
        super(message, cause);
        this.severity = severity;
        this.sqlState = sqlState;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.where = where;
    }

    /** This error with a CONTEXT line; an existing one is kept first, as PostgreSQL stacks them. */
    public PgException withContext(String context) {
        String combined = where == null ? context : where + "\n" + context;
        return new PgException(severity, sqlState, getMessage(), detail, hint, position, combined, getCause());
    }

    /** This error pointing at another character of the client's statement (1-based). */
    public PgException atPosition(int newPosition) {
        return new PgException(severity, sqlState, getMessage(), detail, hint, newPosition, where, getCause());
    }

    public PgException(SqlState state, String message) {
        this("ERROR", state.code(), message, null, null, 0, null);
    }

    public static PgException fatal(SqlState state, String message) {
        return new PgException("FATAL", state.code(), message, null, null, 0, null);
    }

    public String severity() {
        return severity;
    }

    public String sqlState() {
        return sqlState;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** 1-based character position in the query text, 0 when unknown. */
    public int position() {
        return position;
    }

    public String where() {
        return where;
    }

    public boolean isFatal() {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
