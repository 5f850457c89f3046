package io.pgbridge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the TLS handshake asks clients for a certificate ({@code listen.tls_client_certificates}). A certificate a
 * client sends is always verified against {@code tls_client_ca}; one that does not verify ends the handshake, as
 * PostgreSQL does once {@code ssl_ca_file} is set.
 */
public enum ClientCertificateMode {
    /** No certificate is asked for: the {@code cert} method and {@code clientcert=} cannot be used. */
    NONE("none"),
    /** Asked for; a client without one still connects, and the hba rules decide what it may do. */
    OPTIONAL("optional"),
    /** The handshake fails for a client without a valid certificate. */
    REQUIRED("required");

    private final String configName;

    ClientCertificateMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<ClientCertificateMode> fromConfigName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(wanted)).findFirst();
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(ClientCertificateMode::configName).toList();
    }
}
