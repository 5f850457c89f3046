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

    private static void check(String key, Duration value) {
        if (value == null || value.isNegative() || value.toMillis() > PgMilliseconds.MAX) {
            throw new ConfigException(key, "expected a time from 0 (off) to " + PgMilliseconds.MAX + "ms, got "
                    + (value == null ? "nothing" : PgMilliseconds.show(value.toMillis())));
        }
    }
}
