package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** PostgreSQL 15's answers to SET statement_timeout = …; SHOW statement_timeout (taken from psql against it). */
class PgMillisecondsTest {

    private static String setThenShow(String text) {
        return PgMilliseconds.show(PgMilliseconds.parse(text));
    }

    @Test
    void readsAndShowsAsPostgresDoes() {
        assertThat(setThenShow("2s")).isEqualTo("2s");
        assertThat(setThenShow("1.5s")).isEqualTo("1500ms");
        assertThat(setThenShow("60000")).isEqualTo("1min");
        assertThat(setThenShow("90min")).isEqualTo("90min");
        assertThat(setThenShow("1d")).isEqualTo("1d");
        assertThat(setThenShow("100us")).isEqualTo("0");
        assertThat(setThenShow("1500us")).isEqualTo("2ms");
        assertThat(setThenShow(" 3 s ")).isEqualTo("3s");
        assertThat(setThenShow("2.5")).isEqualTo("2ms");   // rounded half to even, as C's rint
        assertThat(setThenShow("0.4")).isEqualTo("0");
        assertThat(setThenShow("1h")).isEqualTo("1h");
        assertThat(setThenShow("0x10")).isEqualTo("16ms");
        assertThat(PgMilliseconds.parse("-1")).isEqualTo(-1);
    }

    @Test
    void refusesWithPostgresHints() {
        assertThat(catchThrowableOfType(PgMilliseconds.Invalid.class, () -> PgMilliseconds.parse("3 S")).hint())
                .isEqualTo("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        assertThat(catchThrowableOfType(PgMilliseconds.Invalid.class, () -> PgMilliseconds.parse("5 weeks")).hint())
                .isEqualTo(PgMilliseconds.UNITS_HINT);
        assertThat(catchThrowableOfType(PgMilliseconds.Invalid.class, () -> PgMilliseconds.parse("abc")).hint())
                .isNull();
        assertThat(catchThrowableOfType(PgMilliseconds.Invalid.class, () -> PgMilliseconds.parse("3000000000"))
                .hint()).isEqualTo("Value exceeds integer range.");
    }
}
