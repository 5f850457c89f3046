package io.pgbridge.config;

import java.time.Duration;

/**
 * The defaults of PostgreSQL's session timeouts, which a session may change with SET; zero turns one off.
 *
 * @param statementTimeout a statement running longer is cancelled with 57014 ({@code statement_timeout})
 * @param idleInTransactionSessionTimeout a session idle this long inside a transaction is closed with FATAL 25P03
 *     ({@code idle_in_transaction_session_timeout})
 * @param idleSessionTimeout a session idle this long outside a transaction is closed with FATAL 57P05
 *     ({@code idle_session_timeout})
 */
public record SessionTimeouts(Duration statementTimeout, Duration idleInTransactionSessionTimeout,
                              Duration idleSessionTimeout) {

    public SessionTimeouts {
        check("statement_timeout", statementTimeout);
        check("idle_in_transaction_session_timeout", idleInTransactionSessionTimeout);
        check("idle_session_timeout", idleSessionTimeout);
    }

    /** All off, as in PostgreSQL. */
    public static SessionTimeouts none() {
        return new SessionTimeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The timeouts that are on, as PostgreSQL setting names and values (startup parameters for PostgreSQL). */
    public java.util.Map<String, String> asSettings() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        put(settings, "statement_timeout", statementTimeout);
        put(settings, "idle_in_transaction_session_timeout", idleInTransactionSessionTimeout);
        put(settings, "idle_session_timeout", idleSessionTimeout);
        return settings;
    }

    private static void put(java.util.Map<String, String> settings, String name, Duration value) {
        if (!value.isZero()) {
            settings.put(name, PgMilliseconds.show(value.toMillis()));
        }
    }

    private static void check(String key, Duration value) {
        if (value == null || value.isNegative() || value.toMillis() > PgMilliseconds.MAX) {
            throw new ConfigException(key, "expected a time from 0 (off) to " + PgMilliseconds.MAX + "ms, got "
                    + (value == null ? "nothing" : PgMilliseconds.show(value.toMillis())));
        }
    }
}
