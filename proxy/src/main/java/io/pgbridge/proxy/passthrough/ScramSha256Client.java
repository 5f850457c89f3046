package io.pgbridge.proxy.passthrough;

import io.pgbridge.proxy.auth.ScramCrypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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
        Map<String, String> fields = ScramCrypto.attributes(serverFirst);
        String nonce = fields.get("r");
        String salt = fields.get("s");
        String iterations = fields.get("i");
        if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)) {
            throw new IllegalArgumentException("malformed SCRAM server-first-message");
        }
        saltedPassword = ScramCrypto.saltedPassword(password, Base64.getDecoder().decode(salt),
                Integer.parseInt(iterations));
        byte[] clientKey = ScramCrypto.hmac(saltedPassword, "Client Key");
        byte[] storedKey = ScramCrypto.sha256(clientKey);
        String withoutProof = "c=biws,r=" + nonce;   // biws = base64("n,,")
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = ScramCrypto.hmac(storedKey, authMessage);
        byte[] proof = ScramCrypto.xor(clientKey, signature);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Checks the server's {@code v=signature}: a server that does not know the password cannot compute it. */
    void verifyServerFinal(String serverFinal) {
        String v = ScramCrypto.attributes(serverFinal).get("v");
        if (v == null) {
            throw new IllegalArgumentException("SCRAM server-final-message has no signature");
        }
        byte[] expected = ScramCrypto.hmac(ScramCrypto.hmac(saltedPassword, "Server Key"), authMessage);
        if (!MessageDigest.isEqual(expected, Base64.getDecoder().decode(v))) {
            throw new IllegalArgumentException("the server's SCRAM signature does not match");
        }
    }
}
