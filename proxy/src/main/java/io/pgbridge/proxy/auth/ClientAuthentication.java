package io.pgbridge.proxy.auth;

import io.pgbridge.config.AuthConfig;
import io.pgbridge.config.AuthMode;
import io.pgbridge.config.HbaRule;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.error.SqlState;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides how a client authenticates (the first matching rule) and runs that method: trust, SCRAM-SHA-256, md5,
 * cleartext password or a client certificate, against the verifiers of the configuration; or, for
 * {@code passthrough}, takes the password for the backend to check. Failures answer as PostgreSQL does, after the
 * same delay whether the user exists or not; secrets are compared in constant time and never logged.
 */
public final class ClientAuthentication {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session's side of the conversation: messages to the client, password messages from it. */
    public interface Exchange {
        /** Sends and flushes. */
        void send(BackendMessage message);

        /** The body of the client's next PasswordMessage ('p'); throws when the client leaves or times out. */
        byte[] receivePassword() throws AuthenticationException;
    }

    /**
     * Who is knocking: the address it comes from, whether it uses TLS, and what its startup packet asks for.
     * {@code serverEndPoint} is the hash of our certificate for SCRAM channel binding, null without TLS;
     * {@code certificate} the client's, already verified against the configured authorities by the handshake, or null.
     */
    public record Client(InetAddress address, boolean tls, String user, String database, byte[] serverEndPoint,
                         X509Certificate certificate) {
        /** On the Unix-domain socket: no address. */
        public boolean local() {
            return address == null;
        }
    }

    private final AuthConfig config;
    private final List<HbaRule> rules;

    public ClientAuthentication(AuthConfig config, AuthMode listenMethod) {
        this.config = config;
        this.rules = config.effectiveRules(listenMethod);
    }

    /** How long a client has to answer for its password. */
    public java.time.Duration timeout() {
        return config.timeout();
    }

    /** Whether every client is let in without a password (pgbridge's default on loopback). */
    public boolean trustsEveryone() {
        return rules.stream().allMatch(rule -> rule.method() == AuthMode.TRUST
                && rule.clientCertificate() == HbaRule.ClientCertificateCheck.NONE);
    }

    /**
     * Returns when the client is authenticated, with the login the backend must still accept for the
     * {@code passthrough} method (null for every other method); otherwise throws with the FATAL to send.
     */
    public BackendLogin authenticate(Client client, Exchange exchange) {
        HbaRule rule = rules.stream()
                .filter(r -> r.matches(client.address(), client.tls(), client.database(), client.user()))
                .findFirst().orElse(null);
        if (rule == null) {
            throw AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no pg_hba.conf entry for " + describe(client));
        }
        if (rule.clientCertificate() != HbaRule.ClientCertificateCheck.NONE && client.certificate() == null) {
            throw AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "connection requires a valid client certificate");
        }
        BackendLogin login = null;
        switch (rule.method()) {
            case TRUST, CERT -> {
            }
            case PASSTHROUGH -> {
                requireTlsForCleartext(client, "passthrough");
                exchange.send(new BackendMessage.AuthenticationCleartextPassword());
                login = new BackendLogin(client.user(), cString(ByteBuffer.wrap(exchange.receivePassword())));
            }
            case REJECT -> throw AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "pg_hba.conf rejects connection for " + describe(client));
            case PASSWORD -> {
                requireTlsForCleartext(client, "password");
                checked(client, cleartext(client, exchange));
            }
            case MD5 -> {
                String verifier = config.users().get(client.user());
                boolean scram = verifier != null && verifier.startsWith("SCRAM-");
                // As PostgreSQL: a user whose password is stored for SCRAM is asked for SCRAM even under md5.
                checked(client, scram ? scram(client, exchange) : md5(client, exchange));
            }
            case SCRAM_SHA_256 -> checked(client, scram(client, exchange));
        }
        // As PostgreSQL: cert and clientcert=verify-full take the user name from the certificate's CN.
        if (rule.clientCertificate() == HbaRule.ClientCertificateCheck.VERIFY_FULL
                && !client.user().equals(ClientCertificateNames.commonName(client.certificate()))) {
            failed(rule.method(), client);
        }
        return login;
    }

    /**
     * The password and passthrough methods send the password as it is: only inside TLS, unless allowed, or on the
     * Unix-domain socket, where it does not leave the machine (and TLS is not offered, as PostgreSQL does not).
     */
    private void requireTlsForCleartext(Client client, String method) {
        if (!client.tls() && !client.local() && !config.allowCleartextWithoutTls()) {
            throw AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    method + " authentication sends the password in clear text and requires an encrypted connection:"
                            + " connect with TLS (sslmode=require), or set auth.allow_cleartext_without_tls");
        }
    }

    /** The pause before any failed authentication is answered, also when the backend refused a passthrough login. */
    public java.time.Duration failureDelay() {
        return config.failureDelay();
    }

    private static String describe(Client client) {
        String host = client.local() ? "[local]" : client.address().getHostAddress();
        return "host \"" + host + "\", user \"" + client.user() + "\", database \""
                + client.database() + "\", " + (client.tls() ? "SSL encryption" : "no encryption");
    }

    /** A failure waits out the configured delay, whether the user was unknown or the password wrong. */
    private void checked(Client client, boolean passed) {
        if (!passed) {
            failed(AuthMode.PASSWORD, client);
        }
    }

    /** Waits out the failure delay, then throws PostgreSQL's {@code auth_failed} message for {@code method}. */
    private void failed(AuthMode method, Client client) {
        try {
            Thread.sleep(config.failureDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String user = "user \"" + client.user() + "\"";
        throw switch (method) {
            case PASSWORD, MD5, SCRAM_SHA_256, PASSTHROUGH -> AuthenticationException.passwordFailed(client.user());
            case CERT -> AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "certificate authentication failed for " + user);
            case TRUST -> AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "\"trust\" authentication failed for " + user);
            case REJECT -> AuthenticationException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "authentication failed for " + user + ": host rejected");
        };
    }

    private boolean scram(Client client, Exchange exchange) {
        String stored = config.users().get(client.user());
        ScramSha256Server server = stored != null && stored.startsWith("SCRAM-")
                ? ScramSha256Server.forVerifier(ScramVerifier.parse(stored))
                : ScramSha256Server.forUnknownUser(client.user());
        boolean canBind = client.serverEndPoint() != null;
        exchange.send(new BackendMessage.AuthenticationSasl(canBind
                ? List.of(ScramSha256Server.MECHANISM_PLUS, ScramSha256Server.MECHANISM)
                : List.of(ScramSha256Server.MECHANISM)));
        ByteBuffer initial = ByteBuffer.wrap(exchange.receivePassword());
        String mechanism = cString(initial);
        boolean plus = canBind && mechanism.equals(ScramSha256Server.MECHANISM_PLUS);
        if (!plus && !mechanism.equals(ScramSha256Server.MECHANISM)) {
            throw AuthenticationException.protocol("client selected an invalid SASL authentication mechanism");
        }
        if (canBind) {
            server.channelBinding(client.serverEndPoint(), plus);
        }
        if (initial.remaining() < 4) {
            throw AuthenticationException.protocol("malformed SASLInitialResponse");
        }
        int length = initial.getInt();
        if (length < 0 || length != initial.remaining()) {
            throw AuthenticationException.protocol("malformed SASLInitialResponse");
        }
        String serverFirst = server.serverFirst(utf8(initial));
        exchange.send(new BackendMessage.AuthenticationSaslContinue(serverFirst.getBytes(StandardCharsets.UTF_8)));
        String serverFinal = server.serverFinal(new String(exchange.receivePassword(), StandardCharsets.UTF_8));
        if (serverFinal == null) {
            return false;
        }
        exchange.send(new BackendMessage.AuthenticationSaslFinal(serverFinal.getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    private boolean md5(Client client, Exchange exchange) {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        exchange.send(new BackendMessage.AuthenticationMd5Password(salt));
        String answer = cString(ByteBuffer.wrap(exchange.receivePassword()));
        String stored = config.users().get(client.user());
        // Unknown user: compare against a random hash anyway, so the work done is the same.
        String hash = stored != null ? stored.substring(3) : HexFormat.of().formatHex(randomBytes(16));
        String expected = "md5" + md5Hex(concat(hash.getBytes(StandardCharsets.US_ASCII), salt));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), answer.getBytes(StandardCharsets.UTF_8))
                && stored != null;
    }

    private boolean cleartext(Client client, Exchange exchange) {
        exchange.send(new BackendMessage.AuthenticationCleartextPassword());
        String password = cString(ByteBuffer.wrap(exchange.receivePassword()));
        String stored = config.users().get(client.user());
        if (stored == null) {
            ScramVerifier.create(password);   // the same work as for a known user, then fail
            return false;
        }
        if (stored.startsWith("SCRAM-")) {
            return ScramVerifier.parse(stored).matches(password);
        }
        String computed = "md5" + md5Hex((password + client.user()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A NUL-terminated string from the buffer; a missing terminator is a protocol violation. */
    private static String cString(ByteBuffer buffer) {
        int start = buffer.position();
        for (int i = start; i < buffer.limit(); i++) {
            if (buffer.get(i) == 0) {
                String text = new String(buffer.array(), start, i - start, StandardCharsets.UTF_8);
                buffer.position(i + 1);
                return text;
            }
        }
        throw AuthenticationException.protocol("invalid password packet");
    }

    private static String utf8(ByteBuffer buffer) {
        return new String(buffer.array(), buffer.position(), buffer.remaining(), StandardCharsets.UTF_8);
    }
}
