package io.pgbridge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the proxy authenticates a client, as the methods of PostgreSQL's {@code pg_hba.conf}. */
public enum AuthMode {
    /** Accept every client without a password, like PostgreSQL's {@code trust}; safe only on loopback. */
    TRUST("trust"),
    /** SCRAM-SHA-256 (RFC 7677) against the user's verifier: the password never crosses the wire. */
    SCRAM_SHA_256("scram-sha-256"),
    /** MD5 challenge; a user whose stored verifier is SCRAM gets SCRAM instead, as in PostgreSQL. */
    MD5("md5"),
    /** The password in clear text; refused on connections without TLS unless the config allows it. */
    PASSWORD("password"),
    /**
     * A TLS client certificate, verified against {@code listen.tls_client_ca}, whose subject CN is the user name, as
     * PostgreSQL's {@code cert}; only on TLS connections.
     */
    CERT("cert"),
    /**
     * The client's user name and password (asked in clear text, so refused without TLS unless the config allows it)
     * open the session's backend connection: the backend's own accounts decide, pgbridge keeps no verifier.
     */
    PASSTHROUGH("passthrough"),
    /** Refuse the connection, as PostgreSQL's {@code reject}. */
    REJECT("reject");

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

    /** Whether the method asks the client for a password. */
    public boolean needsPassword() {
        return this == SCRAM_SHA_256 || this == MD5 || this == PASSWORD || this == PASSTHROUGH;
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(AuthMode::configName).toList();
    }
}
