package io.pgbridge.proxy.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The server side of TLS towards clients: an {@link SslContext} (TLS 1.3 and 1.2, the JDK's engine) built at start
 * from PEM files or a generated certificate, rebuilt when those files change, and an {@link SslHandler} per
 * connection that asked for it. What a connection's handshake used is read from its own {@link SSLSession}.
 */
public final class ServerTls {
    /** The ALPN protocol name PostgreSQL 17 registered and requires for direct TLS. */
    public static final String ALPN_PROTOCOL = "postgresql";

    private final TlsMode mode;
    private final TlsFiles files;
    private final boolean asksForClientCertificates;

    private ServerTls(TlsMode mode, TlsFiles files, boolean asksForClientCertificates) {
        this.mode = mode;
        this.files = files;
        this.asksForClientCertificates = asksForClientCertificates;
    }

    /**
     * The TLS of a listener, or null when it is disabled. A self-signed certificate is generated into
     * {@code dataDir/tls}. Files that cannot be read or do not hold a certificate and its key fail here, at start.
     */
    public static ServerTls start(TlsConfig config, Path dataDir) throws IOException, GeneralSecurityException {
        if (!config.enabled()) {
            return null;
        }
        Path certificateFile = config.certificateFile();
        Path keyFile = config.keyFile();
        if (config.selfSigned()) {
            SelfSignedCertificate generated = SelfSignedCertificate.generate(dataDir.resolve("tls"));
            certificateFile = generated.certificateFile();
            keyFile = generated.keyFile();
        }
        TlsFiles files = TlsFiles.load(certificateFile, keyFile, config.clientCaFile(), config.clientCertificates());
        return new ServerTls(config.mode(), files, config.asksForClientCertificates());
    }

    public TlsMode mode() {
        return mode;
    }

    /** Whether clients that do not encrypt are refused. */
    public boolean required() {
        return mode == TlsMode.REQUIRED;
    }

    /** Whether handshakes ask for a client certificate (verified against the configured authorities). */
    public boolean asksForClientCertificates() {
        return asksForClientCertificates;
    }

    /** The file holding the server certificate (for a generated one, where clients find it). */
    public Path certificateFile() {
        return files.certificateFile();
    }

    /** The server certificate new connections get, the first of the chain. */
    public X509Certificate certificate() {
        return files.current().certificate();
    }

    /** SHA-256 of the certificate's DER bytes, as {@code AB:CD:…}, the way {@code openssl x509 -fingerprint} shows it. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    /** SHA-256 of a certificate's DER bytes, as {@code AB:CD:…}. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hash of the certificate a connection's handshake presented, for SCRAM channel binding
     * {@code tls-server-end-point} (RFC 5929 section 4.1): with the hash function of its signature algorithm, SHA-256
     * where that is MD5 or SHA-1. Taken from the session, so a certificate reloaded since does not break binding.
     */
    public static byte[] serverEndPoint(SSLSession session) {
        X509Certificate certificate = (X509Certificate) session.getLocalCertificates()[0];
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String hash = algorithm.startsWith("SHA384") ? "SHA-384" : algorithm.startsWith("SHA512") ? "SHA-512"
                : "SHA-256";
        try {
            return MessageDigest.getInstance(hash).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's certificate (already verified by the handshake), or null when it sent none. */
    public static X509Certificate clientCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /**
     * A handler for one connection, with the certificate loaded last. With {@code afterPlainAnswer} the first write
     * (the 'S' answering SSLRequest) leaves unencrypted and the handshake follows it.
     */
    public SslHandler newHandler(ByteBufAllocator allocator, boolean afterPlainAnswer) {
        return new SslHandler(files.current().context().newEngine(allocator), afterPlainAnswer);
    }
}
