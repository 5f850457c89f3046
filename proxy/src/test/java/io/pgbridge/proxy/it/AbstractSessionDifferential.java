package io.pgbridge.proxy.it;

import io.pgbridge.proxy.it.SessionDifferential.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The frame of the session differential tests: the proxies and probe table they share, and the one test that runs a
 * scenario on PostgreSQL and through pgbridge. Subclasses list their scenarios in a static {@code cases()}.
 */
abstract class AbstractSessionDifferential {
    static final SessionBackends BACKENDS = new SessionBackends();

    @BeforeAll
    static void createTable() throws Exception {
        SessionBackends.createTableOnPostgres();
    }

    @AfterAll
    static void stop() {
        BACKENDS.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void behavesAsPostgres(String kind, Scenario scenario) throws Exception {
        SessionDifferential.assertSameAsPostgres(scenario, BACKENDS.proxy(kind));
    }
}
