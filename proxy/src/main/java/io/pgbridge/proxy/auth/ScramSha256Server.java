package io.pgbridge.proxy.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), or of SCRAM-SHA-256-PLUS with channel binding
 * {@code tls-server-end-point} (RFC 5929: the hash of the server certificate the client saw). For a user without a
 * verifier it runs against a made-up one (see {@link #forUnknownUser}) and fails only at the end, so a client cannot
 * tell from the exchange whether the user exists.
 */
final class ScramSha256Server {
    static final String MECHANISM = "SCRAM-SHA-256";
    static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
    private static final String BINDING_TYPE = "tls-server-end-point";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Makes unknown users' salts stable for this process and unguessable, as PostgreSQL's mock authentication does. */
    private static final byte[] MOCK_SECRET = randomBytes(32);

    private final ScramVerifier verifier;
    private final boolean doomed;
    /** The certificate hash when the connection is TLS (PLUS was offered), else null. */
    private byte[] serverEndPoint;
    private boolean plus;
    private String clientFirstBare;
    private String serverFirst;
    private String gs2Header;

    private ScramSha256Server(ScramVerifier verifier, boolean doomed) {
        this.verifier = verifier;
        this.doomed = doomed;
    }

    static ScramSha256Server forVerifier(ScramVerifier verifier) {
        return new ScramSha256Server(verifier, false);
    }

    /** An exchange that looks like a real one (same salt every time for this user) and never succeeds. */
    static ScramSha256Server forUnknownUser(String user) {
        byte[] salt = java.util.Arrays.copyOf(
                ScramCrypto.hmac(MOCK_SECRET, "salt:" + user), 16);
        byte[] key = ScramCrypto.hmac(MOCK_SECRET, "key:" + user);
        return new ScramSha256Server(new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, key, key), true);
    }

    /**
     * Channel binding is possible on this connection: PLUS was offered with this certificate hash, and the client chose
     * {@code plus} or not.
     */
    void channelBinding(byte[] certificateHash, boolean chosen) {
        this.serverEndPoint = certificateHash;
        this.plus = chosen;
    }

    /**
     * Reads {@code gs2-header client-first-message-bare} and answers {@code r=nonce,s=salt,i=iterations}.
     *
     * @throws AuthenticationException 08P01 for a malformed message
     */
    String serverFirst(String clientFirst) {
        // gs2-header: "n,," (client cannot bind), "y,," (could, thinks we cannot), "p=type,," (binds)
        if (plus) {
            if (!clientFirst.startsWith("p=" + BINDING_TYPE + ",")) {
                throw AuthenticationException.protocol(clientFirst.startsWith("p=")
                        ? "unsupported SCRAM channel-binding type"
                        : "malformed SCRAM message (the client selected SCRAM-SHA-256-PLUS without channel binding)");
            }
        } else if (clientFirst.startsWith("p=")) {
            throw AuthenticationException.protocol("malformed SCRAM message (the client selected SCRAM-SHA-256"
                    + " without channel binding, but the SCRAM message includes channel binding data)");
        } else if (clientFirst.startsWith("y,") && serverEndPoint != null) {
            // The client could bind and believes we cannot: someone in between removed -PLUS from our offer.
            throw AuthenticationException.protocol("SCRAM channel binding negotiation error");
        } else if (!(clientFirst.startsWith("n,") || clientFirst.startsWith("y,"))) {
            throw AuthenticationException.protocol("malformed SCRAM message (unexpected channel-binding flag)");
        }
        int second = clientFirst.indexOf(',', clientFirst.indexOf(',') + 1);
        if (second < 0) {
            throw AuthenticationException.protocol("malformed SCRAM message (missing authorization identity)");
        }
        gs2Header = clientFirst.substring(0, second + 1);
        clientFirstBare = clientFirst.substring(second + 1);
        Map<String, String> fields = ScramCrypto.attributes(clientFirstBare);
        String clientNonce = fields.get("r");
        if (!clientFirstBare.startsWith("n=") || clientNonce == null || clientNonce.isEmpty()) {
            throw AuthenticationException.protocol("malformed SCRAM message (missing nonce)");
        }
        String nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(18));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
                + verifier.iterations();
        return serverFirst;
    }

    /**
     * Checks {@code c=…,r=…,p=proof}; returns {@code v=ServerSignature} to send, or null when the proof is wrong
     * (or the user unknown).
     */
    String serverFinal(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw AuthenticationException.protocol("malformed SCRAM message (missing proof)");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> fields = ScramCrypto.attributes(withoutProof);
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        byte[] binding = plus ? concat(header, serverEndPoint) : header;
        String expectedBinding = Base64.getEncoder().encodeToString(binding);
        String given = fields.get("c");
        if (given == null || !MessageDigest.isEqual(expectedBinding.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationException.protocol("SCRAM channel binding check failed");
        }
        if (!serverFirst.substring(2, serverFirst.indexOf(',')).equals(fields.get("r"))) {
            throw AuthenticationException.protocol("SCRAM nonce mismatch");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw AuthenticationException.protocol("malformed SCRAM message (invalid proof)");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = ScramCrypto.hmac(verifier.storedKey(), authMessage);
        boolean valid = proof.length == signature.length
                && MessageDigest.isEqual(ScramCrypto.sha256(ScramCrypto.xor(proof, signature)), verifier.storedKey());
        if (!valid || doomed) {
            return null;
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramCrypto.hmac(verifier.serverKey(), authMessage));
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
}
