package io.pgbridge.proxy.passthrough;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the SCRAM-SHA-256 example exchange of RFC 7677, section 3. */
class ScramSha256ClientTest {
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    @Test
    void matchesTheRfcExample() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertThat(client.clientFirstMessage()).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(client.clientFinalMessage(SERVER_FIRST)).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        client.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void refusesAServerThatDoesNotKnowThePassword() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        client.clientFirstMessage();
        client.clientFinalMessage(SERVER_FIRST);
        assertThatThrownBy(() -> client.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesAServerNonceThatDoesNotExtendOurs() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", "clientnonce");
        client.clientFirstMessage();
        assertThatThrownBy(() -> client.clientFinalMessage(SERVER_FIRST)).hasMessageContaining("malformed");
    }
}
