package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * {@code timestamp} without time zone: text {@code 2024-01-02 03:04:05.123456}, binary int64 microseconds since
 * 2000-01-01 00:00; {@link LocalDateTime#MAX}/{@code MIN} are {@code infinity}/{@code -infinity}.
 */
public final class TimestampType extends AbstractPgType<LocalDateTime> {
    public static final TimestampType INSTANCE = new TimestampType();
    /** The Timestamp values pgjdbc hands out for ±infinity (PGStatement.DATE_POSITIVE_INFINITY…). */
    static final long PGJDBC_POSITIVE_INFINITY = 9223372036825200000L;
    static final long PGJDBC_NEGATIVE_INFINITY = -9223372036832400000L;

    private TimestampType() {
        super(PgOid.TIMESTAMP, "timestamp", 8, PgOid.TIMESTAMP_ARRAY, "timestamp without time zone");
    }

    @Override
    public LocalDateTime read(ResultSet rs, int column) throws SQLException {
        return readAs(rs, column, LocalDateTime.class);
    }

    @Override
    String inputName() {
        return "timestamp";
    }

    @Override
    public void bind(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            // Derby's JDBC 4.2 takes no java.time values; java.sql's classes carry the same value
            ps.setTimestamp(index, java.sql.Timestamp.valueOf(value));
        }
    }

    @Override
    public void encodeText(LocalDateTime value, ByteBuf out, TextContext context) {
        if (!writeInfinity(value, out)) {
            DateTimes.writeBc(out, DateTimes.writeTimestamp(out, DateTimes.toPgMicros(value)));
        }
    }

    private static boolean writeInfinity(LocalDateTime value, ByteBuf out) {
        if (value.equals(LocalDateTime.MAX)) {
            Ascii.writeString(out, "infinity");
        } else if (value.equals(LocalDateTime.MIN)) {
            Ascii.writeString(out, "-infinity");
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void encodeBinary(LocalDateTime value, ByteBuf out) {
        if (value.equals(LocalDateTime.MAX)) {
            out.writeLong(Long.MAX_VALUE);
        } else if (value.equals(LocalDateTime.MIN)) {
            out.writeLong(Long.MIN_VALUE);
        } else {
            out.writeLong(DateTimes.toPgMicros(value));
        }
    }

    @Override
    public LocalDateTime decodeText(String text, TextContext context) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, this, context);
        if (f.special() != 0) {
            return f.special() > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        if (!f.hasDate()) {
            throw invalidSyntax("22007", text);
        }
        // a zone or offset in the text is ignored, as PostgreSQL ignores it for timestamp without time zone
        LocalDateTime t = f.date().atStartOfDay().plusNanos(f.microsOfDay() * 1000);
        checkRange(t.toLocalDate(), text);
        return t;
    }

    static void checkRange(LocalDate date, String text) {
        long day = date.toEpochDay();
        if (day < DateTimes.MIN_EPOCH_DAY || day >= DateTimes.END_TIMESTAMP_EPOCH_DAY) {
            throw new PgTypeException("22008", "timestamp out of range: \"" + text + "\"");
        }
    }

    @Override
    public LocalDateTime decodeBinary(ByteBuf in, int length) {
        expectLength(length, 8);
        long micros = in.readLong();
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return DateTimes.fromPgMicros(micros);
    }

    @Override
    public LocalDateTime coerce(Object value) {
        if (value == null || value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof Timestamp t) {
            if (t.getTime() == PGJDBC_POSITIVE_INFINITY) {
                return LocalDateTime.MAX;
            }
            if (t.getTime() == PGJDBC_NEGATIVE_INFINITY) {
                return LocalDateTime.MIN;
            }
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (value instanceof LocalDate d) {
            return d.equals(LocalDate.MAX) ? LocalDateTime.MAX : d.equals(LocalDate.MIN) ? LocalDateTime.MIN
                    : d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toLocalDateTime();
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
