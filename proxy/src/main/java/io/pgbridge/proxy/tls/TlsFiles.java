package io.pgbridge.proxy.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.pgbridge.config.ClientCertificateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The PEM files TLS is made of (certificate chain, key, client CA bundle) and the {@link SslContext} built from them,
 * rebuilt when one of them changes: certificates are renewed without a restart. A change is looked for at most every
 * {@link #CHECK_INTERVAL_NANOS}, when a connection starts TLS; files caught half-written fail to load, the previous
 * context stays, and the next check tries again. Connections keep the context their handshake used.
 */
final class TlsFiles {
    private static final Logger log = LoggerFactory.getLogger(TlsFiles.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final long CHECK_INTERVAL_NANOS = 2_000_000_000L;

    /** The context new connections get, and the server certificate in it. */
    record Loaded(SslContext context, X509Certificate certificate, List<Object> stamp) {
    }

    private final Path certificateFile;
    private final Path keyFile;
    private final Path clientCaFile;
    private final ClientCertificateMode clientCertificates;
    private volatile Loaded current;
    private volatile long nextCheck;
    /** The stamp of files that failed to load, so a broken set is reported once, not at every check. */
    private List<Object> failedStamp;

    private TlsFiles(Path certificateFile, Path keyFile, Path clientCaFile, ClientCertificateMode clientCertificates) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.clientCaFile = clientCaFile;
        this.clientCertificates = clientCertificates;
    }

    /** Loads the files now; any problem fails here, at start. {@code clientCaFile} may be null. */
    static TlsFiles load(Path certificateFile, Path keyFile, Path clientCaFile, ClientCertificateMode clientCertificates)
            throws IOException, GeneralSecurityException {
        TlsFiles files = new TlsFiles(certificateFile, keyFile, clientCaFile, clientCertificates);
        files.current = files.build(files.stamp());
        files.nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
        return files;
    }

    Path certificateFile() {
        return certificateFile;
    }

    /** The context to use now, reloaded first if the files changed since the last check. */
    Loaded current() {
        if (System.nanoTime() - nextCheck >= 0) {
            reloadIfChanged();
        }
        return current;
    }

    private synchronized void reloadIfChanged() {
        if (System.nanoTime() - nextCheck < 0) {
            return;   // another thread just checked
        }
        nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
        List<Object> stamp;
        try {
            stamp = stamp();
        } catch (IOException e) {
            stamp = List.of(e.toString());
        }
        if (stamp.equals(current.stamp()) || stamp.equals(failedStamp)) {
            return;
        }
        try {
            Loaded loaded = build(stamp);
            current = loaded;
            failedStamp = null;
            log.info("tls - reloaded {} (certificate SHA-256 {}){}", certificateFile,
                    ServerTls.fingerprint(loaded.certificate()), clientCaFile == null ? "" : " and " + clientCaFile);
        } catch (IOException | GeneralSecurityException e) {
            failedStamp = stamp;
            log.warn("tls - {} changed but cannot be used, new connections keep the previous certificate: {}",
                    certificateFile, e.getMessage());
        }
    }

    /** What tells a file changed: modification time and size of each file. */
    private List<Object> stamp() throws IOException {
        List<Object> stamp = new ArrayList<>();
        for (Path file : Stream.of(certificateFile, keyFile, clientCaFile).filter(Objects::nonNull).toList()) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamp.add(attributes.lastModifiedTime());
            stamp.add(attributes.size());
        }
        return List.copyOf(stamp);
    }

    private Loaded build(List<Object> stamp) throws IOException, GeneralSecurityException {
        // The certificate is read before the context, so one written meanwhile shows as a changed stamp next time.
        X509Certificate certificate = firstCertificate(certificateFile);
        SslContextBuilder builder;
        try {
            builder = SslContextBuilder.forServer(certificateFile.toFile(), keyFile.toFile());
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("cannot use " + certificateFile + " and " + keyFile
                    + " as PEM certificate and key: " + e.getMessage(), e);
        }
        builder.sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                // Offered to clients that ask (PostgreSQL 17's libpq always does); others negotiate none.
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ServerTls.ALPN_PROTOCOL));
        if (clientCaFile != null) {
            builder.trustManager(clientCaFile.toFile()).clientAuth(
                    clientCertificates == ClientCertificateMode.REQUIRED ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        try {
            return new Loaded(builder.build(), certificate, stamp);
        } catch (IOException | RuntimeException e) {
            throw new GeneralSecurityException("cannot use " + certificateFile + " and " + keyFile
                    + (clientCaFile == null ? "" : " with client CA " + clientCaFile)
                    + " as PEM files: " + e.getMessage(), e);
        }
    }

    private static X509Certificate firstCertificate(Path pemFile) throws IOException, GeneralSecurityException {
        byte[] pem = Files.readAllBytes(pemFile);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }
}
