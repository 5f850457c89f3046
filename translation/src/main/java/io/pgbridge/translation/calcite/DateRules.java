package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlNode;

/**
 * A backend's spelling of PostgreSQL's date arithmetic where the operands' types are known ({@link TemporalTyping}):
 * {@code date - date} is a number of days, {@code date ± integer} a date, and {@code timestamp - timestamp} an
 * interval, which these backends do not have: it is computed in microseconds and shown as PostgreSQL's text.
 */
abstract class DateRules {
    /** {@code a - b} for two dates: the days between them, an integer. */
    abstract SqlNode daysBetween(SqlNode a, SqlNode b);

    /** {@code date + days} (or minus): a date. */
    abstract SqlNode plusDays(SqlNode date, SqlNode days, boolean subtract);

    /** {@code a - b} for two timestamps, in microseconds. */
    abstract SqlNode microsBetween(SqlNode a, SqlNode b);

    /**
     * An interval of {@code micros} microseconds without months, as PostgreSQL prints the difference of two
     * timestamps: whole days, then the time ({@code 1 day 02:00:00}, {@code -01:30:00}, {@code 00:00:00.5}).
     */
    abstract SqlNode intervalText(SqlNode micros);

    /** {@code extract(epoch from interval)} of an interval of {@code micros} microseconds. */
    SqlNode epochSeconds(SqlNode micros) {
        return DialectRules.template("({0} / 1000000.0)", micros);
    }
}
