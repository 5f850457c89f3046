package io.pgbridge.proxy.it;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Throwaway certificate authorities and the certificates they sign, written as files under a test's directory. */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /**
     * A certificate and its key on disk: {@code certificate} (PEM), {@code key} (PEM PKCS#8, owner-only, as libpq
     * wants it) and {@code derKey} (DER PKCS#8, what pgjdbc's {@code sslkey} reads).
     */
    record Issued(X509Certificate certificate, PrivateKey privateKey, Path certificateFile, Path keyFile,
                  Path derKeyFile) {
    }

    /** A self-signed CA named {@code name}, written as {@code dir/name.crt} and its keys. */
    static Issued authority(Path dir, String name) throws Exception {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        return write(dir, name, sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), true, null), keys.getPrivate());
    }

    /** A server certificate for 127.0.0.1 and localhost signed by {@code ca}. */
    static Issued server(Path dir, String fileName, Issued ca) throws Exception {
        return server(dir, fileName, ca, Instant.now().plus(Duration.ofDays(30)), "localhost", "127.0.0.1");
    }

    /** A server certificate for {@code names} (DNS names or IP addresses), valid until {@code notAfter}. */
    static Issued server(Path dir, String fileName, Issued ca, Instant notAfter, String... names) throws Exception {
        return issue(dir, fileName, ca, names[0], notAfter, names);
    }

    /** A client certificate whose subject CN is {@code commonName}, valid until {@code notAfter}. */
    static Issued client(Path dir, String fileName, Issued ca, String commonName, Instant notAfter) throws Exception {
        return issue(dir, fileName, ca, commonName, notAfter, null);
    }

    private static Issued issue(Path dir, String fileName, Issued ca, String commonName, Instant notAfter,
                                String[] serverNames) throws Exception {
        KeyPair keys = keyPair();
        X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
        Instant notBefore = notAfter.minus(Duration.ofDays(60));
        return write(dir, fileName, sign(new X500Name("O=pgbridge tests, CN=" + commonName), keys, issuer,
                ca.privateKey(), notBefore, notAfter, false, serverNames), keys.getPrivate());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
                                        Instant notBefore, Instant notAfter, boolean authority, String[] serverNames)
            throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        if (serverNames != null) {
            GeneralName[] names = new GeneralName[serverNames.length];
            for (int i = 0; i < names.length; i++) {
                boolean ip = serverNames[i].matches("[0-9.]+|.*:.*");
                names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, serverNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static Issued write(Path dir, String name, X509Certificate certificate, PrivateKey key)
            throws IOException {
        Files.createDirectories(dir);
        Path certificateFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Path derKeyFile = dir.resolve(name + ".pk8");
        Files.writeString(certificateFile, pem(certificate), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, pem(new JcaPKCS8Generator(key, null).generate()), StandardCharsets.US_ASCII);
        Files.write(derKeyFile, key.getEncoded());
        for (Path secret : new Path[] {keyFile, derKeyFile}) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        return new Issued(certificate, key, certificateFile, keyFile, derKeyFile);
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
