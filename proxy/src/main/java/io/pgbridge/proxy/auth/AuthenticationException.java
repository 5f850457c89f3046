package io.pgbridge.proxy.auth;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

/**
 * A connection was not admitted: authentication failed or was abandoned, or the connection was refused before it.
 * Carries the FATAL the client gets, never a secret.
 */
public final class AuthenticationException extends RuntimeException {
    private final transient PgException error;
    private final boolean silent;

    private AuthenticationException(PgException error, boolean silent) {
        super(error == null ? "authentication abandoned" : error.getMessage(), null, false, false);
        this.error = error;
        this.silent = silent;
    }

    static AuthenticationException of(SqlState state, String message) {
        return new AuthenticationException(PgException.fatal(state, message), false);
    }

    static AuthenticationException protocol(String message) {
        return of(SqlState.PROTOCOL_VIOLATION, message);
    }

    /** The connection is refused before authentication (TLS required, no slot): FATAL with this state. */
    public static AuthenticationException refused(SqlState state, String message) {
        return of(state, message);
    }

    /** The connection is refused with this FATAL (which may carry a detail and a hint). */
    public static AuthenticationException refused(PgException fatal) {
        return new AuthenticationException(fatal, false);
    }

    /**
     * PostgreSQL's answer to a wrong password or an unknown user, 28P01 with the same words for both; for
     * passthrough logins the backend refused, sent after {@link ClientAuthentication#failureDelay()}.
     */
    public static AuthenticationException passwordFailed(String user) {
        return of(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }

    /** The client broke the protocol during authentication: FATAL 08P01. */
    public static AuthenticationException violation(String message) {
        return protocol(message);
    }

    /** The client went away or took too long: nothing to answer, the connection just closes. */
    public static AuthenticationException abandoned() {
        return new AuthenticationException(null, true);
    }

    /** The FATAL to send; null when {@link #silent()}. */
    public PgException error() {
        return error;
    }

    public boolean silent() {
        return silent;
    }
}
