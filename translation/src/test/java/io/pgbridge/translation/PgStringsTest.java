package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgStringsTest {

    @Test
    void decodesCStyleEscapesAsPostgresDoes() {
        assertThat(PgStrings.decodeEscapeString("E'a\\nb\\tc'", 0)).isEqualTo("a\nb\tc");
        assertThat(PgStrings.decodeEscapeString("e'it''s \\'q\\''", 0)).isEqualTo("it's 'q'");
        assertThat(PgStrings.decodeEscapeString("E'\\x41\\101\\u00e9\\U0001F600'", 0)).isEqualTo("AAé\uD83D\uDE00");
        assertThat(PgStrings.decodeEscapeString("E'\\\\ \\z \\x'", 0)).isEqualTo("\\ z x");
        assertThat(PgStrings.decodeEscapeString("E'\\b\\f\\r'", 0)).isEqualTo("\b\f\r");
    }

    @Test
    void rejectsWhatPostgresRejects() {
        // PostgreSQL 15: a backslash-u with three hex digits is 22025 "invalid Unicode escape"; backslash-0 is 22021.
        assertThatThrownBy(() -> PgStrings.decodeEscapeString("E'\\u00e'", 7))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22025");
                    assertThat(e.position()).isEqualTo(8);
                });
        assertThatThrownBy(() -> PgStrings.decodeEscapeString("E'\\0'", 0))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22021"));
        // while E'a\xZ' is "axZ": \x without a hex digit is the letter.
        assertThat(PgStrings.decodeEscapeString("E'a\\xZ'", 0)).isEqualTo("axZ");
    }

    @Test
    void quotesStandardLiterals() {
        assertThat(PgStrings.quote("it's")).isEqualTo("'it''s'");
        assertThat(PgStrings.quote("a\\b")).isEqualTo("'a\\b'");
    }
}
