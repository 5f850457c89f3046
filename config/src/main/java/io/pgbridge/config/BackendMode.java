package io.pgbridge.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How pgbridge talks to a backend. {@code jdbc}: through its JDBC driver and the proxy's own protocol engine (every
 * backend). {@code passthrough}: PostgreSQL backends only; after startup each client session gets its own
 * PostgreSQL connection and the protocol is relayed as it is, like pgbouncer's session mode.
 */
public enum BackendMode {
    JDBC, PASSTHROUGH;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BackendMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName().equals(name)).findFirst();
    }
}
