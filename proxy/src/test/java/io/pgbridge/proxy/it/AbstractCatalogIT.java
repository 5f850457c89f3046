package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class comparing catalog answers on {@link CatalogFixture}'s schema, created once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCatalogIT {
    protected CatalogFixture fixture;

    @BeforeAll
    void startFixture() throws Exception {
        fixture = new CatalogFixture();
    }

    @AfterAll
    void stopFixture() throws Exception {
        fixture.close();
    }
}
