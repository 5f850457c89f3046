package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgStringsTest {

    @Test
    void decodesCStyleEscapesAsPostgresDoes() {
        assertThat(PgStrings.decodeEscapeString("E'a\\nb\\tc'")).isEqualTo("a\nb\tc");
        assertThat(PgStrings.decodeEscapeString("e'it''s \\'q\\''")).isEqualTo("it's 'q'");
        assertThat(PgStrings.decodeEscapeString("E'\\x41\\101\\u00e9\\U0001F600'")).isEqualTo("AAé\uD83D\uDE00");
        assertThat(PgStrings.decodeEscapeString("E'\\\\ \\z \\x'")).isEqualTo("\\ z x");
        assertThat(PgStrings.decodeEscapeString("E'\\b\\f\\r'")).isEqualTo("\b\f\r");
    }

    @Test
    void quotesStandardLiterals() {
        assertThat(PgStrings.quote("it's")).isEqualTo("'it''s'");
        assertThat(PgStrings.quote("a\\b")).isEqualTo("'a\\b'");
    }
}
