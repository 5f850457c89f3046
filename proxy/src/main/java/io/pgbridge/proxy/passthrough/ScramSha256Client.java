package io.pgbridge.proxy.passthrough;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding, as PostgreSQL asks for it when a
 * password is stored as a SCRAM verifier (its default since version 14). One instance per authentication.
 */
final class ScramSha256Client {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private String authMessage;
    private byte[] saltedPassword;

    ScramSha256Client(String user, String password, String clientNonce) {
        this.user = user;
        this.password = password == null ? "" : password;
        this.clientNonce = clientNonce;
    }

    /** With a fresh random nonce. PostgreSQL takes the user from the startup packet, so the SCRAM name is empty. */
    static ScramSha256Client forPostgres(String password) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        return new ScramSha256Client("", password, Base64.getEncoder().encodeToString(nonce));
    }

    /** {@code n,,n=user,r=nonce}: "n" = the client does not support channel binding. */
    String clientFirstMessage() {
        clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** {@code c=biws,r=nonce,p=proof}, computed from the server's {@code r=…,s=salt,i=iterations}. */
    String clientFinalMessage(String serverFirst) {
        Map<String, String> fields = attributes(serverFirst);
        String nonce = fields.get("r");
        String salt = fields.get("s");
        String iterations = fields.get("i");
        if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)) {
            throw new IllegalArgumentException("malformed SCRAM server-first-message");
        }
        saltedPassword = pbkdf2(password, Base64.getDecoder().decode(salt), Integer.parseInt(iterations));
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = sha256(clientKey);
        String withoutProof = "c=biws,r=" + nonce;   // biws = base64("n,,")
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Checks the server's {@code v=signature}: a server that does not know the password cannot compute it. */
    void verifyServerFinal(String serverFinal) {
        String v = attributes(serverFinal).get("v");
        if (v == null) {
            throw new IllegalArgumentException("SCRAM server-final-message has no signature");
        }
        byte[] expected = hmac(hmac(saltedPassword, "Server Key"), authMessage);
        if (!MessageDigest.isEqual(expected, Base64.getDecoder().decode(v))) {
            throw new IllegalArgumentException("the server's SCRAM signature does not match");
        }
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 2 && part.charAt(1) == '=') {
                fields.put(part.substring(0, 1), part.substring(2));
            }
        }
        return fields;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
