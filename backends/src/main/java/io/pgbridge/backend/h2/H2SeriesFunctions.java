package io.pgbridge.backend.h2;

import org.h2.api.Interval;
import org.h2.tools.SimpleResultSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * {@code generate_series(timestamp, timestamp, interval)}, which H2's own generate_series (integers only) lacks: a
 * table function the H2 translator calls when the step is an interval. Months and days are added as calendar
 * units, as PostgreSQL adds them.
 */
public final class H2SeriesFunctions {
    private H2SeriesFunctions() {
    }

    static final String[][] ALIASES = {{"pgbridge_timestamp_series", "timestampSeries"}};

    /** The rows of the series, in a column named {@code generate_series} as PostgreSQL names it. */
    public static ResultSet timestampSeries(LocalDateTime start, LocalDateTime stop, Interval step) throws SQLException {
        SimpleResultSet rows = new SimpleResultSet();
        rows.addColumn("generate_series", Types.TIMESTAMP, 26, 6);
        if (start == null || stop == null || step == null) {
            return rows;
        }
        int sign = step.isNegative() ? -1 : 1;
        long months = sign * (step.getYears() * 12 + step.getMonths());
        long days = sign * step.getDays();
        long nanos = sign * (((step.getHours() * 60 + step.getMinutes()) * 60 + step.getSeconds()) * 1_000_000_000L
                + step.getNanosOfSecond());
        if (months == 0 && days == 0 && nanos == 0) {
            throw new SQLException("step size cannot equal zero", "22023");
        }
        boolean up = months > 0 || months == 0 && (days > 0 || days == 0 && nanos > 0);
        // Each value is the previous one plus the step, as in PostgreSQL (Jan 31 + 1 month is Feb 29, then Mar 29).
        for (LocalDateTime value = start; up ? !value.isAfter(stop) : !value.isBefore(stop);
                value = value.plusMonths(months).plusDays(days).plusNanos(nanos)) {
            rows.addRow(value);
        }
        return rows;
    }
}
