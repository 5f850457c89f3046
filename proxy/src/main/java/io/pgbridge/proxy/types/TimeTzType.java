package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * {@code timetz}: the time and the offset it was written with ({@code 12:00:00+05:30}). Binary is int64 microseconds
 * then int32 seconds WEST of Greenwich, the opposite sign of the ISO offset.
 */
public final class TimeTzType extends AbstractPgType<OffsetTime> {
    public static final TimeTzType INSTANCE = new TimeTzType();

    private TimeTzType() {
        super(PgOid.TIMETZ, "timetz", 12, PgOid.TIMETZ_ARRAY, "time with time zone");
    }

    @Override
    public OffsetTime read(ResultSet rs, int column) throws SQLException {
        // the text keeps the offset exactly; pgjdbc's OffsetTime turns 24:00:00+01 into 23:59:59.999999999-18
        String s = rs.getString(column);
        if (s == null) {
            return null;
        }
        try {
            return decodeText(s, TextContext.UTC);
        } catch (PgTypeException e) {
            return readAs(rs, column, OffsetTime.class);
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, OffsetTime value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            ps.setString(index, value.toString());
        }
    }

    @Override
    public void encodeText(OffsetTime value, ByteBuf out, TextContext context) {
        DateTimes.writeTime(out, DateTimes.toMicrosOfDay(value.toLocalTime()));
        DateTimes.writeOffset(out, value.getOffset().getTotalSeconds());
    }

    @Override
    public void encodeBinary(OffsetTime value, ByteBuf out) {
        out.writeLong(DateTimes.toMicrosOfDay(value.toLocalTime()));
        out.writeInt(-value.getOffset().getTotalSeconds());
    }

    @Override
    public OffsetTime decodeText(String text, TextContext context) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, this, context);
        if (!f.hasTime() || f.special() != 0) {
            throw invalidSyntax("22007", text);
        }
        LocalTime time = DateTimes.fromMicrosOfDay(f.microsOfDay());
        ZoneOffset offset = f.offset();
        if (offset == null) {
            // no offset written: the session zone's offset, on the given date or else today
            var zone = f.zone() != null ? f.zone() : context.timeZone();
            offset = f.hasDate() ? zone.getRules().getOffset(f.date().atTime(time))
                    : zone.getRules().getOffset(Instant.now());
        }
        return OffsetTime.of(time, offset);
    }

    @Override
    public OffsetTime decodeBinary(ByteBuf in, int length) {
        expectLength(length, 12);
        long micros = in.readLong();
        int west = in.readInt();
        if (micros < 0 || micros > DateTimes.MICROS_PER_DAY) {
            throw new PgTypeException("22008", "time out of range");
        }
        if (Math.abs(west) > 18 * 3600) {
            throw new PgTypeException("22009", "time zone displacement out of range");
        }
        return OffsetTime.of(DateTimes.fromMicrosOfDay(micros), ZoneOffset.ofTotalSeconds(-west));
    }

    @Override
    public OffsetTime coerce(Object value) {
        if (value == null || value instanceof OffsetTime) {
            return (OffsetTime) value;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toOffsetTime();
        }
        if (value instanceof LocalTime t) {
            return OffsetTime.of(t, ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Time t) {
            return OffsetTime.of(TimeType.INSTANCE.coerce(t), ZoneOffset.UTC);
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
