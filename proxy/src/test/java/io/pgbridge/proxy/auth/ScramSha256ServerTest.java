package io.pgbridge.proxy.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server side of SCRAM against a client computed here from RFC 5802, with and without channel binding. */
class ScramSha256ServerTest {
    private static final byte[] END_POINT = ScramCrypto.sha256("certificate".getBytes(StandardCharsets.UTF_8));

    /** Runs a whole exchange; returns the server-final message or null on a failed proof. */
    private static String exchange(ScramSha256Server server, String password, String gs2Header, byte[] binding) {
        String clientFirstBare = "n=,r=clientnonce";
        String serverFirst = server.serverFirst(gs2Header + clientFirstBare);
        Map<String, String> fields = ScramCrypto.attributes(serverFirst);
        byte[] salted = ScramCrypto.saltedPassword(password, Base64.getDecoder().decode(fields.get("s")),
                Integer.parseInt(fields.get("i")));
        byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        byte[] cbind = binding == null ? header : concat(header, binding);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + fields.get("r");
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] proof = ScramCrypto.xor(clientKey, ScramCrypto.hmac(ScramCrypto.sha256(clientKey), authMessage));
        String serverFinal = server.serverFinal(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
        if (serverFinal != null) {
            byte[] expected = ScramCrypto.hmac(ScramCrypto.hmac(salted, "Server Key"), authMessage);
            assertThat(serverFinal).isEqualTo("v=" + Base64.getEncoder().encodeToString(expected));
        }
        return serverFinal;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void theRightPasswordPassesAndProvesTheServerKnowsTheVerifier() {
        ScramVerifier verifier = ScramVerifier.create("pencil");
        assertThat(exchange(ScramSha256Server.forVerifier(verifier), "pencil", "n,,", null)).startsWith("v=");
        assertThat(exchange(ScramSha256Server.forVerifier(verifier), "crayon", "n,,", null)).isNull();
    }

    @Test
    void anUnknownUserFailsOnlyAtTheEndWithAStableSalt() {
        ScramSha256Server first = ScramSha256Server.forUnknownUser("ghost");
        ScramSha256Server second = ScramSha256Server.forUnknownUser("ghost");
        String a = first.serverFirst("n,,n=,r=x");
        String b = second.serverFirst("n,,n=,r=y");
        assertThat(ScramCrypto.attributes(a).get("s")).isEqualTo(ScramCrypto.attributes(b).get("s"));
        assertThat(exchange(ScramSha256Server.forUnknownUser("ghost"), "anything", "n,,", null)).isNull();
    }

    @Test
    void channelBindingChecksTheCertificateHash() {
        ScramVerifier verifier = ScramVerifier.create("pencil");
        ScramSha256Server bound = ScramSha256Server.forVerifier(verifier);
        bound.channelBinding(END_POINT, true);
        assertThat(exchange(bound, "pencil", "p=tls-server-end-point,,", END_POINT)).startsWith("v=");
        ScramSha256Server otherCertificate = ScramSha256Server.forVerifier(verifier);
        otherCertificate.channelBinding(END_POINT, true);
        assertThatThrownBy(() -> exchange(otherCertificate, "pencil", "p=tls-server-end-point,,",
                ScramCrypto.sha256(new byte[1]))).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.error().sqlState()).isEqualTo("08P01"));
    }

    @Test
    void aClientThatCouldBindButThinksWeCannotIsRefused() {
        ScramSha256Server server = ScramSha256Server.forVerifier(ScramVerifier.create("pencil"));
        server.channelBinding(END_POINT, false);
        assertThatThrownBy(() -> server.serverFirst("y,,n=,r=abc")).hasMessage("SCRAM channel binding negotiation error");
        ScramSha256Server plain = ScramSha256Server.forVerifier(ScramVerifier.create("pencil"));
        assertThat(exchange(plain, "pencil", "y,,", null)).startsWith("v=");   // no TLS: 'y' is honest
    }

    @Test
    void verifiersRoundTripTheirTextAndCheckCleartextPasswords() {
        ScramVerifier verifier = ScramVerifier.create("pencil");
        ScramVerifier parsed = ScramVerifier.parse(verifier.text());
        assertThat(parsed.text()).isEqualTo(verifier.text());
        assertThat(parsed.matches("pencil")).isTrue();
        assertThat(parsed.matches("Pencil")).isFalse();
        assertThat(verifier.toString()).doesNotContain(Base64.getEncoder().encodeToString(verifier.storedKey()));
        assertThat(io.pgbridge.config.AuthConfig.isVerifier(verifier.text())).isTrue();
    }
}
