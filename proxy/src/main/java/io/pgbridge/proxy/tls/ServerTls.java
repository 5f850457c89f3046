package io.pgbridge.proxy.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The server side of TLS towards clients: one {@link SslContext} (TLS 1.3 and 1.2, the JDK's engine) built at start
 * from PEM files or a generated certificate, and an {@link SslHandler} per connection that asked for it.
 */
public final class ServerTls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** The ALPN protocol name PostgreSQL 17 registered and requires for direct TLS. */
    public static final String ALPN_PROTOCOL = "postgresql";

    private final TlsMode mode;
    private final SslContext context;
    private final X509Certificate certificate;
    private final Path certificateFile;

    private ServerTls(TlsMode mode, SslContext context, X509Certificate certificate, Path certificateFile) {
        this.mode = mode;
        this.context = context;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
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
        SslContext context;
        try {
            context = SslContextBuilder.forServer(certificateFile.toFile(), keyFile.toFile())
                    .sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    // Offered to clients that ask (PostgreSQL 17's libpq always does); others negotiate none.
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_PROTOCOL))
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new GeneralSecurityException("cannot use " + certificateFile + " and " + keyFile
                    + " as PEM certificate and key: " + e.getMessage(), e);
        }
        return new ServerTls(config.mode(), context, firstCertificate(certificateFile), certificateFile);
    }

    public TlsMode mode() {
        return mode;
    }

    /** Whether clients that do not encrypt are refused. */
    public boolean required() {
        return mode == TlsMode.REQUIRED;
    }

    /** The file holding the server certificate (for a generated one, where clients find it). */
    public Path certificateFile() {
        return certificateFile;
    }

    /** The server certificate, the first of the chain. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate's DER bytes, as {@code AB:CD:…}, the way {@code openssl x509 -fingerprint} shows it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The certificate's hash for SCRAM channel binding {@code tls-server-end-point} (RFC 5929 section 4.1): with the
     * hash function of its signature algorithm, SHA-256 where that is MD5 or SHA-1.
     */
    public byte[] serverEndPoint() {
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String hash = algorithm.startsWith("SHA384") ? "SHA-384" : algorithm.startsWith("SHA512") ? "SHA-512"
                : "SHA-256";
        try {
            return MessageDigest.getInstance(hash).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A handler for one connection. With {@code afterPlainAnswer} the first write (the 'S' answering SSLRequest)
     * leaves unencrypted and the handshake follows it.
     */
    public SslHandler newHandler(ByteBufAllocator allocator, boolean afterPlainAnswer) {
        return new SslHandler(context.newEngine(allocator), afterPlainAnswer);
    }

    private static X509Certificate firstCertificate(Path pemFile) throws IOException, GeneralSecurityException {
        byte[] pem = Files.readAllBytes(pemFile);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }
}
