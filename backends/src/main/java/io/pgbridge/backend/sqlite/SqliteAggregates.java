package io.pgbridge.backend.sqlite;

import org.sqlite.Function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * PostgreSQL's aggregates SQLite lacks, registered on each connection: the standard deviations and variances, and,
 * under pgbridge's names, the ordered-set aggregates ({@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} is
 * written {@code pgbridge_percentile_cont(f, x)}) and {@code string_agg(DISTINCT x, sep ORDER BY x)}, which SQLite
 * refuses (its DISTINCT aggregates take one argument). Values compare as SQLite orders them: numbers by value,
 * before text, which compares by code point.
 */
final class SqliteAggregates {
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_NULL = 5;
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    /** Numbers before text; numbers by value; text by code point, as SQLite's BINARY collation on UTF-8. */
    private static final Comparator<Object> SQLITE_ORDER = (a, b) -> {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return a instanceof BigDecimal ? -1 : 1;
        }
        return compareCodePoints((String) a, (String) b);
    };

    private SqliteAggregates() {
    }

    static void register(Connection c, int flags) throws SQLException {
        for (String name : List.of("stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop")) {
            Function.create(c, name, new Spread(name.endsWith("_pop"), name.startsWith("stddev")), 1, flags);
        }
        Function.create(c, "pgbridge_percentile_cont", new Percentile(true), 2, flags);
        Function.create(c, "pgbridge_percentile_disc", new Percentile(false), 2, flags);
        Function.create(c, "pgbridge_mode", new Mode(), 1, flags);
        Function.create(c, "pgbridge_string_agg_distinct", new DistinctStringAgg(), 3, flags);
    }

    /**
     * An aggregate that keeps the non-NULL values of its last argument. sqlite-jdbc clones the registered instance
     * for each group, and a clone must not share the list.
     */
    private abstract static class Collecting extends Function.Aggregate {
        List<Object> values = new ArrayList<>();

        @Override
        protected void xStep() throws SQLException {
            int last = args() - 1;
            switch (value_type(last)) {
                case SQLITE_NULL -> { }
                case SQLITE_INTEGER, SQLITE_FLOAT -> values.add(new BigDecimal(value_text(last)));
                default -> values.add(value_text(last));
            }
            step();
        }

        /** Reads the other arguments, once per row. */
        void step() throws SQLException {
        }

        void result(Object value) throws SQLException {
            if (value == null) {
                result();
            } else if (value instanceof BigDecimal number) {
                if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    result(number.longValue());
                } else {
                    result(number.doubleValue());
                }
            } else {
                result((String) value);
            }
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Collecting copy = (Collecting) super.clone();
            copy.values = new ArrayList<>();
            return copy;
        }
    }

    /** stddev/variance of the sample (PostgreSQL's stddev and variance) or of the population, computed exactly. */
    private static final class Spread extends Collecting {
        private final boolean population;
        private final boolean root;

        Spread(boolean population, boolean root) {
            this.population = population;
            this.root = root;
        }

        @Override
        protected void xFinal() throws SQLException {
            int n = values.size();
            if (n == 0 || n == 1 && !population) {
                result();
                return;
            }
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal squares = BigDecimal.ZERO;
            for (Object value : values) {
                BigDecimal x = number(value);
                sum = sum.add(x);
                squares = squares.add(x.multiply(x));
            }
            BigDecimal count = BigDecimal.valueOf(n);
            BigDecimal spread = squares.multiply(count).subtract(sum.multiply(sum))
                    .divide(count.multiply(population ? count : count.subtract(BigDecimal.ONE)), PRECISION);
            result((root ? spread.max(BigDecimal.ZERO).sqrt(PRECISION) : spread).doubleValue());
        }
    }

    /** percentile_cont (interpolated) and percentile_disc (the first value at or past the fraction). */
    private static final class Percentile extends Collecting {
        private final boolean continuous;
        private Double fraction;

        Percentile(boolean continuous) {
            this.continuous = continuous;
        }

        @Override
        void step() throws SQLException {
            if (fraction == null && value_type(0) != SQLITE_NULL) {
                fraction = value_double(0);
                if (fraction < 0 || fraction > 1) {
                    throw new SQLException("22003: percentile value " + value_text(0) + " is not between 0 and 1");
                }
            }
        }

        @Override
        protected void xFinal() throws SQLException {
            if (values.isEmpty() || fraction == null) {
                result();
                return;
            }
            values.sort(SQLITE_ORDER);
            int n = values.size();
            if (!continuous) {
                result(values.get(Math.max(0, (int) Math.ceil(fraction * n) - 1)));
                return;
            }
            double position = fraction * (n - 1);
            int below = (int) Math.floor(position);
            double low = number(values.get(below)).doubleValue();
            double high = number(values.get(Math.min(n - 1, below + 1))).doubleValue();
            result(low + (high - low) * (position - below));
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Percentile copy = (Percentile) super.clone();
            copy.fraction = null;
            return copy;
        }
    }

    /** mode(): the most frequent value; of equally frequent ones, the first in order, as PostgreSQL picks. */
    private static final class Mode extends Collecting {
        @Override
        protected void xFinal() throws SQLException {
            Map<Object, Integer> counts = new HashMap<>();
            for (Object value : values) {
                counts.merge(value instanceof BigDecimal n ? n.stripTrailingZeros() : value, 1, Integer::sum);
            }
            Object best = null;
            int most = 0;
            for (Map.Entry<Object, Integer> e : counts.entrySet()) {
                if (e.getValue() > most || e.getValue() == most && SQLITE_ORDER.compare(e.getKey(), best) < 0) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            result(best);
        }
    }

    /** string_agg(DISTINCT value, separator, descending): the distinct values in order, joined. */
    private static final class DistinctStringAgg extends Collecting {
        private String separator;
        private boolean descending;

        @Override
        protected void xStep() throws SQLException {
            if (value_type(0) != SQLITE_NULL) {
                values.add(value_text(0));
            }
            if (separator == null) {
                separator = value_type(1) == SQLITE_NULL ? "" : value_text(1);
                descending = value_int(2) != 0;
            }
        }

        @Override
        protected void xFinal() throws SQLException {
            if (values.isEmpty()) {
                result();
                return;
            }
            TreeSet<Object> distinct = new TreeSet<>(descending ? SQLITE_ORDER.reversed() : SQLITE_ORDER);
            distinct.addAll(values);
            StringBuilder out = new StringBuilder();
            for (Object value : distinct) {
                out.append(out.isEmpty() ? "" : separator).append(value);
            }
            result(out.toString());
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            DistinctStringAgg copy = (DistinctStringAgg) super.clone();
            copy.separator = null;
            return copy;
        }
    }

    private static BigDecimal number(Object value) throws SQLException {
        if (value instanceof BigDecimal n) {
            return n;
        }
        try {
            return new BigDecimal(((String) value).strip());
        } catch (NumberFormatException e) {
            throw new SQLException("22P02: invalid input syntax for type numeric: \"" + value + "\"");
        }
    }

    /** By code point, so that supplementary characters sort after U+FFFF as in UTF-8 (String.compareTo would not). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
