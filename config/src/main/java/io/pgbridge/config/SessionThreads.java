package io.pgbridge.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of thread that runs each client session's statements (JDBC calls block, so never on an I/O thread).
 * {@code platform}: one operating-system thread per session; a statement's backend round trip wakes it directly,
 * which made pgbench through the JDBC path to PostgreSQL markedly faster on the 2-core machine the benchmarks run on
 * (README, "Benchmarks"). {@code virtual}: one virtual thread per session; a blocked JDBC read parks it and the JDK's
 * poller and carrier threads wake it, one hand-over more per round trip, but ten thousand idle sessions cost
 * next to nothing. Sessions are capped by {@code limits.max_connections} either way.
 */
public enum SessionThreads {
    PLATFORM, VIRTUAL;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionThreads> fromConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName().equals(name)).findFirst();
    }
}
