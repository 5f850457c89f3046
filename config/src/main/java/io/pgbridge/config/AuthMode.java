package io.pgbridge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the proxy authenticates clients. An enum rather than a flag so later work can add password methods
 * (SCRAM and others) without changing the configuration shape.
 */
public enum AuthMode {
    /** Accept every client without a password, like PostgreSQL's {@code trust}; safe only on loopback. */
    TRUST("trust");

    private final String configName;

    AuthMode(String configName) {
        this.configName = configName;
    }

    /** The spelling used in YAML, e.g. {@code trust}. */
    public String configName() {
        return configName;
    }

    /** The mode spelled {@code name} in YAML (case-insensitive), if there is one. */
    public static Optional<AuthMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equalsIgnoreCase(name)).findFirst();
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(AuthMode::configName).toList();
    }
}
