package io.pgbridge.translation;

/**
 * A statement that cannot be translated for its backend. The proxy turns it into an ErrorResponse with this
 * SQLSTATE, message and position; it never carries a Java exception's text to the client.
 */
public final class TranslationException extends RuntimeException {
    /** Feature not supported. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** Syntax error. */
    public static final String SYNTAX_ERROR = "42601";

    private final String sqlState;
    private final int position;

    /**
     * @param position 1-based character position in the statement the client sent, or 0 when there is none
     */
    public TranslationException(String sqlState, String message, int position) {
        super(message, null, false, false);
        this.sqlState = sqlState;
        this.position = position;
    }

    /** A construct the backend has no equivalent for; {@code construct} names it as the user wrote it. */
    public static TranslationException unsupported(String construct, SqlTarget target) {
        return new TranslationException(FEATURE_NOT_SUPPORTED,
                construct + " is not supported on " + target.name().toLowerCase(java.util.Locale.ROOT) + " backends", 0);
    }

    public String sqlState() {
        return sqlState;
    }

    public int position() {
        return position;
    }
}
