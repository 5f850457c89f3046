package io.pgbridge.proxy.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What pgbridge stores for a SCRAM-SHA-256 password, in PostgreSQL's format
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}: enough to check a client's proof and to prove
 * the server knows it, not enough to log in with.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    /** PostgreSQL's default scram_iterations. */
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A verifier for {@code password} with a fresh random salt. */
    public static ScramVerifier create(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    static ScramVerifier derive(String password, byte[] salt, int iterations) {
        byte[] salted = ScramCrypto.saltedPassword(password, salt, iterations);
        return new ScramVerifier(iterations, salt, ScramCrypto.sha256(ScramCrypto.hmac(salted, "Client Key")),
                ScramCrypto.hmac(salted, "Server Key"));
    }

    /** Reads the text form; the configuration has already checked its shape. */
    public static ScramVerifier parse(String text) {
        String[] parts = text.split("[$:]");
        if (parts.length != 5 || !parts[0].equals("SCRAM-SHA-256")) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramVerifier(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]),
                b64.decode(parts[4]));
    }

    /** Whether {@code password} is the one this verifier was made from (for the cleartext method). */
    public boolean matches(String password) {
        ScramVerifier other = derive(password, salt, iterations);
        // Both compared always, in constant time: no early exit tells which half differed.
        return MessageDigest.isEqual(other.storedKey, storedKey) & MessageDigest.isEqual(other.serverKey, serverKey);
    }

    public String text() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    /** Never the keys: a verifier must not reach a log. */
    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }
}
