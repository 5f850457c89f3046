package io.pgbridge.config;

import java.nio.file.Path;

/**
 * TLS towards clients: the mode and where the certificate comes from, either PEM files or a certificate generated
 * at start for development ({@code selfSigned}).
 *
 * @param mode disabled, enabled or required
 * @param certificateFile PEM certificate chain, the server's certificate first; null with {@code selfSigned}
 * @param keyFile PEM private key (PKCS#8, or PKCS#1/SEC1) of that certificate, unencrypted; null with
 *     {@code selfSigned}
 * @param selfSigned generate a key and a self-signed certificate at start instead of reading files
 * @param clientCaFile PEM bundle of the certificate authorities a client certificate must chain to; null for none
 * @param clientCertificates whether the handshake asks for a client certificate; {@code optional} as soon as a
 *     {@code clientCaFile} is given, {@code none} without one
 */
public record TlsConfig(TlsMode mode, Path certificateFile, Path keyFile, boolean selfSigned, Path clientCaFile,
                        ClientCertificateMode clientCertificates) {

    public TlsConfig {
        if (clientCertificates == null) {
            clientCertificates = clientCaFile != null ? ClientCertificateMode.OPTIONAL : ClientCertificateMode.NONE;
        }
        if (clientCertificates != ClientCertificateMode.NONE && clientCaFile == null) {
            throw new ConfigException("tls_client_certificates", "tls_client_certificates: "
                    + clientCertificates.configName() + " needs tls_client_ca, the PEM file of the certificate"
                    + " authorities that sign client certificates");
        }
        if (clientCertificates == ClientCertificateMode.NONE && clientCaFile != null) {
            throw new ConfigException("tls_client_certificates", "tls_client_certificates: none leaves tls_client_ca"
                    + " unused: choose optional or required, or remove tls_client_ca");
        }
        if (clientCaFile != null && mode == TlsMode.DISABLED) {
            throw new ConfigException("tls_client_ca", "client certificates need TLS: set tls_certificate and tls_key"
                    + " (or tls_self_signed), or remove tls_client_ca");
        }
        if (mode == null) {
            throw new ConfigException("tls", "expected one of " + String.join(", ", TlsMode.configNames())
                    + ", got nothing");
        }
        if ((certificateFile == null) != (keyFile == null)) {
            throw new ConfigException(certificateFile == null ? "tls_certificate" : "tls_key",
                    "tls_certificate and tls_key go together: give both PEM files");
        }
        boolean files = certificateFile != null;
        if (files && selfSigned) {
            throw new ConfigException("tls_self_signed",
                    "choose either certificate files (tls_certificate, tls_key) or a self-signed certificate");
        }
        if (mode != TlsMode.DISABLED && !files && !selfSigned) {
            throw new ConfigException("tls", "tls: " + mode.configName() + " needs a certificate: set tls_certificate"
                    + " and tls_key to PEM files, or tls_self_signed: true for development");
        }
    }

    /** Without client certificates. */
    public TlsConfig(TlsMode mode, Path certificateFile, Path keyFile, boolean selfSigned) {
        this(mode, certificateFile, keyFile, selfSigned, null, ClientCertificateMode.NONE);
    }

    /** The same with client certificates checked against {@code caFile}. */
    public TlsConfig withClientCertificates(Path caFile, ClientCertificateMode newMode) {
        return new TlsConfig(mode, certificateFile, keyFile, selfSigned, caFile, newMode);
    }

    /** No TLS: SSLRequest is answered 'N', as pgbridge always did. */
    public static TlsConfig disabled() {
        return new TlsConfig(TlsMode.DISABLED, null, null, false);
    }

    /** Whether the handshake asks clients for a certificate. */
    public boolean asksForClientCertificates() {
        return clientCertificates != ClientCertificateMode.NONE;
    }

    /**
     * The mode a listener gets when none is written: enabled as soon as a certificate is configured, else disabled.
     */
    static TlsMode defaultMode(Path certificateFile, boolean selfSigned) {
        return certificateFile != null || selfSigned ? TlsMode.ENABLED : TlsMode.DISABLED;
    }

    public boolean enabled() {
        return mode != TlsMode.DISABLED;
    }

    public TlsConfig withMode(TlsMode newMode) {
        return new TlsConfig(newMode, certificateFile, keyFile, selfSigned, clientCaFile, clientCertificates);
    }

    /** Certificate files instead of whatever was configured; the mode becomes enabled if it was disabled. */
    public TlsConfig withFiles(Path certificate, Path key) {
        return new TlsConfig(mode == TlsMode.DISABLED ? TlsMode.ENABLED : mode, certificate, key, false, clientCaFile,
                clientCertificates);
    }

    /** A generated certificate instead of files; the mode becomes enabled if it was disabled. */
    public TlsConfig withSelfSigned() {
        return new TlsConfig(mode == TlsMode.DISABLED ? TlsMode.ENABLED : mode, null, null, true, clientCaFile,
                clientCertificates);
    }
}
