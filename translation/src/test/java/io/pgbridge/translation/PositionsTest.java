package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PositionsTest {

    @Test
    void samePositionWhenNothingWasTranslated() {
        assertThat(Positions.toClient("select x", "select x", 8)).isEqualTo(8);
    }

    @Test
    void followsTheTokenIntoTheClientText() {
        String client = "select count(*), nope from t";
        String backend = "select count(*) AS \"count\", nope AS \"?column?\" from t";
        assertThat(Positions.toClient(client, backend, backend.indexOf("nope") + 1)).isEqualTo(client.indexOf("nope") + 1);
        assertThat(Positions.toClient(client, backend, backend.indexOf("from") + 1)).isEqualTo(client.indexOf("from") + 1);
    }

    @Test
    void countsRepeatedTokens() {
        String client = "select a, a, a from t";
        String backend = "SELECT a, a, a FROM t";
        assertThat(Positions.toClient(client, backend, backend.lastIndexOf("a,") + 1 + 3)).isEqualTo(client.lastIndexOf("a") + 1);
    }

    @Test
    void theEndMapsToTheEndAndUnknownTokensToNoPosition() {
        assertThat(Positions.toClient("select 1 from", "select 1 AS \"?column?\" from", 28)).isEqualTo(14);
        assertThat(Positions.toClient("select 1", "SELECT 1 FROM dual", 15)).isEqualTo(0);
    }
}
