package io.pgbridge.proxy.copy;

import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.error.PgException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PostgreSQL 15's answers, taken with psql, for the edges of the typmod rules COPY FROM applies. */
class TypmodsTest {

    @Test
    void characterColumnsCutTrailingSpacesOnlyAndCountCharactersNotBytes() {
        assertThat(Typmods.check("ab   ", PgOid.VARCHAR, 3, 0)).isEqualTo("ab ");
        assertThat(Typmods.check("ééé", PgOid.BPCHAR, 3, 0)).isEqualTo("ééé");
        assertThat(Typmods.check("😀😀😀", PgOid.VARCHAR, 3, 0)).isEqualTo("😀😀😀");
        PgException e = catchThrowableOfType(PgException.class, () -> Typmods.check("abcd", PgOid.BPCHAR, 3, 0));
        assertThat(e.sqlState()).isEqualTo("22001");
        assertThat(e.getMessage()).isEqualTo("value too long for type character(3)");
        assertThat(Typmods.check("abcd", PgOid.TEXT, 3, 0)).isEqualTo("abcd");
    }

    @Test
    void numericRoundsHalfAwayFromZeroThenChecksTheIntegerDigits() {
        assertThat(Typmods.check(new BigDecimal("-1.005"), PgOid.NUMERIC, 5, 2)).isEqualTo(new BigDecimal("-1.01"));
        assertThat(Typmods.check(new BigDecimal("999.994"), PgOid.NUMERIC, 5, 2)).isEqualTo(new BigDecimal("999.99"));
        PgException e = catchThrowableOfType(PgException.class,
                () -> Typmods.check(new BigDecimal("999.995"), PgOid.NUMERIC, 5, 2));
        assertThat(e.sqlState()).isEqualTo("22003");
        assertThat(e.getMessage()).isEqualTo("numeric field overflow");
        assertThat(e.detail()).isEqualTo("A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
        PgException fraction = catchThrowableOfType(PgException.class,
                () -> Typmods.check(new BigDecimal("0.995"), PgOid.NUMERIC, 2, 2));
        assertThat(fraction.detail()).isEqualTo("A field with precision 2, scale 2 must round to an absolute value less than 1.");
        assertThat(Typmods.check(new BigDecimal("0"), PgOid.NUMERIC, 2, 2)).isEqualTo(new BigDecimal("0.00"));
    }
}
