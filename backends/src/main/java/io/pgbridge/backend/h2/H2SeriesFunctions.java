package io.pgbridge.backend.h2;

import org.h2.api.Interval;
import org.h2.api.IntervalQualifier;
import org.h2.tools.SimpleResultSet;
import org.h2.util.IntervalUtils;

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

    /**
     * The rows of the series, in a column named {@code generate_series} as PostgreSQL names it. The step comes as
     * H2's text of the interval ({@code INTERVAL '-1' HOUR}): H2 drops a negative interval's sign when it passes it
     * to a Java function as an {@link Interval}.
     */
    public static ResultSet timestampSeries(LocalDateTime start, LocalDateTime stop, String stepText)
            throws SQLException {
        SimpleResultSet rows = new SimpleResultSet();
        rows.addColumn("generate_series", Types.TIMESTAMP, 26, 6);
        if (start == null || stop == null || stepText == null) {
            return rows;
        }
        boolean yearMonth = stepText.contains("YEAR") || stepText.contains("MONTH");
        Interval step = IntervalUtils.parseFormattedInterval(yearMonth ? IntervalQualifier.YEAR_TO_MONTH
                : IntervalQualifier.DAY_TO_SECOND, stepText).getInterval();
        // the getters are signed (INTERVAL '-1' HOUR: getHours() is -1)
        long months = step.getYears() * 12 + step.getMonths();
        long days = step.getDays();
        long nanos = ((step.getHours() * 60 + step.getMinutes()) * 60 + step.getSeconds()) * 1_000_000_000L
                + step.getNanosOfSecond();
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
