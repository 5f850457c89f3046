package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.backend.PgOid;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Period;

/**
 * {@code interval}: months, days and microseconds kept apart, as PostgreSQL stores them. Binary is int64 micros,
 * int32 days, int32 months. pgjdbc's PGInterval is read through its text; H2's Interval and java.time's
 * Duration/Period are converted field by field.
 */
public final class IntervalType extends AbstractPgType<PgInterval> {
    public static final IntervalType INSTANCE = new IntervalType();

    private IntervalType() {
        super(PgOid.INTERVAL, "interval", 16, PgOid.INTERVAL_ARRAY, "interval");
    }

    @Override
    public PgInterval read(ResultSet rs, int column) throws SQLException {
        // pgjdbc's PGInterval holds hours in an int and fails on large intervals; the server's text never does
        String s = rs.getString(column);
        if (s == null) {
            return null;
        }
        if (s.startsWith("INTERVAL")) {
            return coerce(rs.getObject(column)); // H2 prints SQL-standard literals
        }
        return decodeText(s, TextContext.UTC);
    }

    @Override
    public void bind(PreparedStatement ps, int index, PgInterval value) throws SQLException {
        if (Jdbc.isPostgres(ps)) {
            // untyped text, so the server casts it to the column's interval
            ps.setObject(index, toText(value), Types.OTHER);
        } else if (Jdbc.isH2(ps)) {
            ps.setObject(index, H2.fromInterval(value));
        } else {
            ps.setString(index, toText(value));
        }
    }

    static String toText(PgInterval value) {
        ByteBuf buf = Unpooled.buffer(32);
        try {
            IntervalText.write(value, buf);
            return buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
    }

    @Override
    public void encodeText(PgInterval value, ByteBuf out, TextContext context) {
        IntervalText.write(value, out);
    }

    @Override
    public void encodeBinary(PgInterval value, ByteBuf out) {
        out.writeLong(value.microseconds());
        out.writeInt(value.days());
        out.writeInt(value.months());
    }

    @Override
    public PgInterval decodeText(String text, TextContext context) {
        return IntervalText.parse(text, this);
    }

    @Override
    public PgInterval decodeBinary(ByteBuf in, int length) {
        expectLength(length, 16);
        long micros = in.readLong();
        int days = in.readInt();
        int months = in.readInt();
        return new PgInterval(months, days, micros);
    }

    @Override
    public PgInterval coerce(Object value) {
        if (value == null || value instanceof PgInterval) {
            return (PgInterval) value;
        }
        if (value instanceof Duration d) {
            return new PgInterval(0, 0, d.getSeconds() * DateTimes.MICROS_PER_SECOND + d.getNano() / 1000);
        }
        if (value instanceof Period p) {
            return new PgInterval(Math.toIntExact(p.toTotalMonths()), p.getDays(), 0);
        }
        if (value.getClass().getName().startsWith("org.h2.")) {
            return H2.toInterval(value);
        }
        if (value instanceof String || value.getClass().getName().startsWith("org.postgresql.")) {
            // PGInterval.toString() is its value: "1 years 2 mons 3 days 4 hours 5 mins 6.5 secs"
            return decodeText(value.toString(), TextContext.UTC);
        }
        throw cannotCoerce(value);
    }

    /** Kept in its own class so org.h2.api.Interval is only loaded when H2 is in use. */
    private static final class H2 {
        static PgInterval toInterval(Object value) {
            org.h2.api.Interval i = (org.h2.api.Interval) value;
            long months = i.getYears() * 12 + i.getMonths();
            long micros = ((i.getHours() * 60 + i.getMinutes()) * 60) * DateTimes.MICROS_PER_SECOND
                    + i.getSecondsAndNanos() / 1000;
            return new PgInterval(Math.toIntExact(months), Math.toIntExact(i.getDays()), micros);
        }

        static Object fromInterval(PgInterval v) {
            if (v.months() != 0 && v.days() == 0 && v.microseconds() == 0) {
                return org.h2.api.Interval.ofMonths(v.months());
            }
            if (v.months() == 0) {
                long nanos = v.days() * DateTimes.MICROS_PER_DAY * 1000 + v.microseconds() * 1000;
                return org.h2.api.Interval.ofNanos(nanos);
            }
            // H2 cannot mix year-month and day-time fields
            return toText(v);
        }
    }
}
