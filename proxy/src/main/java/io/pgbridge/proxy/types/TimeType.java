package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;

/**
 * {@code time} without time zone: text {@code 03:04:05.5}, binary int64 microseconds since midnight.
 * PostgreSQL's {@code 24:00:00} is {@link LocalTime#MAX}.
 */
public final class TimeType extends AbstractPgType<LocalTime> {
    public static final TimeType INSTANCE = new TimeType();

    private TimeType() {
        super(PgOid.TIME, "time", 8, PgOid.TIME_ARRAY, "time without time zone");
    }

    @Override
    public LocalTime read(ResultSet rs, int column) throws SQLException {
        return readAs(rs, column, LocalTime.class);
    }

    @Override
    String inputName() {
        return "time";
    }

    @Override
    public void bind(PreparedStatement ps, int index, LocalTime value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            // Derby's JDBC 4.2 takes no java.time values: java.sql.Time (whole seconds, as Derby's TIME stores them)
            ps.setTime(index, java.sql.Time.valueOf(value));
        }
    }

    @Override
    public void encodeText(LocalTime value, ByteBuf out, TextContext context) {
        DateTimes.writeTime(out, DateTimes.toMicrosOfDay(value));
    }

    @Override
    public void encodeBinary(LocalTime value, ByteBuf out) {
        out.writeLong(DateTimes.toMicrosOfDay(value));
    }

    @Override
    public LocalTime decodeText(String text, TextContext context) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, this, context);
        if (!f.hasTime() || f.special() != 0) {
            throw invalidSyntax("22007", text);
        }
        return DateTimes.fromMicrosOfDay(f.microsOfDay());
    }

    @Override
    public LocalTime decodeBinary(ByteBuf in, int length) {
        expectLength(length, 8);
        long micros = in.readLong();
        if (micros < 0 || micros > DateTimes.MICROS_PER_DAY) {
            throw new PgTypeException("22008", "time out of range");
        }
        return DateTimes.fromMicrosOfDay(micros);
    }

    @Override
    public LocalTime coerce(Object value) {
        if (value == null || value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof java.sql.Time t) {
            // Time.toLocalTime drops milliseconds
            return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
        }
        if (value instanceof OffsetTime t) {
            return t.toLocalTime();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
