package io.pgbridge.proxy.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.pgbridge.config.ClientCertificateMode;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
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
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                throw unreadable(describe(file), file, e);
            }
            stamp.add(attributes.lastModifiedTime());
            stamp.add(attributes.size());
        }
        return List.copyOf(stamp);
    }

    private Loaded build(List<Object> stamp) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(certificateFile, describe(certificateFile));
        PrivateKey key = privateKey(keyFile);
        // A certificate renewed before its key (or the reverse) must not reach clients: check they belong together.
        checkKeyMatches(key, chain.getFirst());
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain)
                .sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                // Offered to clients that ask (PostgreSQL 17's libpq always does); others negotiate none.
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ServerTls.ALPN_PROTOCOL));
        if (clientCaFile != null) {
            builder.trustManager(certificates(clientCaFile, describe(clientCaFile))).clientAuth(
                    clientCertificates == ClientCertificateMode.REQUIRED ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        try {
            return new Loaded(builder.build(), chain.getFirst(), stamp);
        } catch (IOException | RuntimeException e) {
            throw new GeneralSecurityException("cannot use " + certificateFile + " and " + keyFile
                    + (clientCaFile == null ? "" : " with client CA " + clientCaFile) + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path pemFile, String what)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pemFile)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (IOException e) {
            throw unreadable(what, pemFile, e);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(pemFile + " holds no PEM certificate");
        }
        return certificates;
    }

    /** An unencrypted PEM key: PKCS#8, or PKCS#1 (RSA) / SEC1 (EC) as openssl writes them. */
    private static PrivateKey privateKey(Path pemFile) throws IOException, GeneralSecurityException {
        PEMParser opened;
        try {
            opened = new PEMParser(Files.newBufferedReader(pemFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw unreadable("key file", pemFile, e);   // the only key file there is
        }
        try (PEMParser parser = opened) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case null, default -> throw new GeneralSecurityException(pemFile
                        + " holds no unencrypted PEM private key");
            };
        }
    }

    private String describe(Path file) {
        return file.equals(clientCaFile) ? "client CA file" : file.equals(keyFile) ? "key file" : "certificate file";
    }

    /** The file and the reason, which for a missing file Java's exception message leaves out. */
    private static IOException unreadable(String what, Path file, IOException e) {
        String reason = switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> e.getMessage();
        };
        return new IOException("cannot read " + what + " " + file + ": " + reason, e);
    }

    private void checkKeyMatches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;   // other key types: the handshake will tell
        };
        if (algorithm == null) {
            return;
        }
        byte[] challenge = "pgbridge key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new GeneralSecurityException(keyFile + " is not the private key of the certificate in "
                + certificateFile);
    }
}
