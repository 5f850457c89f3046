package io.pgbridge.proxy.copy;

import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's typmod rules for values COPY FROM writes, applied before they reach a backend whose own checks word
 * the error differently (or have none): PostgreSQL's SQLSTATE and message, which the caller puts in the COPY's
 * CONTEXT with the column and value.
 */
final class Typmods {
    private Typmods() {
    }

    /**
     * {@code value} as a column of type {@code oid} with {@code precision} (0: no typmod) and {@code scale} takes it:
     * {@code varchar(n)}/{@code char(n)} cut spaces beyond n and refuse anything else beyond it (22001);
     * {@code numeric(p, s)} refuses what does not fit once rounded to s places (22003).
     */
    static Object check(Object value, int oid, int precision, int scale) {
        if (precision <= 0) {
            return value;
        }
        if (value instanceof String text && (oid == PgOid.VARCHAR || oid == PgOid.BPCHAR)) {
            return withinLength(text, precision, oid == PgOid.BPCHAR ? "character" : "character varying");
        }
        if (value instanceof BigDecimal number && oid == PgOid.NUMERIC) {
            return withinPrecision(number, precision, scale);
        }
        return value;
    }

    private static String withinLength(String text, int max, String typeName) {
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int cut = text.offsetByCodePoints(0, max);
        if (text.substring(cut).chars().allMatch(c -> c == ' ')) {
            return text.substring(0, cut);
        }
        throw new PgException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                "value too long for type " + typeName + "(" + max + ")");
    }

    private static BigDecimal withinPrecision(BigDecimal number, int precision, int scale) {
        BigDecimal rounded = number.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = precision - scale;
        if (rounded.signum() != 0 && rounded.precision() - rounded.scale() > integerDigits) {
            throw new PgException("ERROR", SqlState.NUMERIC_VALUE_OUT_OF_RANGE.code(), "numeric field overflow",
                    "A field with precision " + precision + ", scale " + scale + " must round to an absolute value"
                            + " less than " + (integerDigits != 0 ? "10^" + integerDigits : "1") + ".", null, 0, null);
        }
        return rounded;
    }
}
