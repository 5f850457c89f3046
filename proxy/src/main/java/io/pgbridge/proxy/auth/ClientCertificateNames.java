package io.pgbridge.proxy.auth;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;

/** The names in a client certificate that authentication compares with the user name. */
final class ClientCertificateNames {
    private ClientCertificateNames() {
    }

    /**
     * The subject's common name, or null when it has none. With several CNs, the first in the encoded name, the one
     * OpenSSL (and so PostgreSQL) reports; {@link LdapName} lists RDNs in that order.
     */
    static String commonName(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String name) {
                    return name;
                }
            }
        } catch (InvalidNameException e) {
            return null;   // a name the JDK printed but cannot parse back carries no usable CN
        }
        return null;
    }
}
