package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code timestamptz}: an instant. Text shows it in the session TimeZone with PostgreSQL's offset form
 * ({@code +00}, {@code +05:30}, {@code -03:06:28}); binary is int64 microseconds since 2000-01-01 00:00 UTC.
 * {@link OffsetDateTime#MAX}/{@code MIN} are ±infinity; decoded values carry the offset written, or UTC.
 */
public final class TimestampTzType extends AbstractPgType<OffsetDateTime> {
    public static final TimestampTzType INSTANCE = new TimestampTzType(false);
    /**
     * For a backend column without a zone that holds UTC (MariaDB's DATETIME in pgbridge's UTC sessions): read as
     * the wall clock it is, since drivers would put it in the JVM's zone.
     */
    public static final TimestampTzType UTC_WALL_CLOCK = new TimestampTzType(true);

    private final boolean utcWallClock;

    private TimestampTzType(boolean utcWallClock) {
        super(PgOid.TIMESTAMPTZ, "timestamptz", 8, PgOid.TIMESTAMPTZ_ARRAY, "timestamp with time zone");
        this.utcWallClock = utcWallClock;
    }

    @Override
    public OffsetDateTime read(ResultSet rs, int column) throws SQLException {
        return readAs(rs, column, utcWallClock ? LocalDateTime.class : OffsetDateTime.class);
    }

    @Override
    public void bind(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            ps.setTimestamp(index, Timestamp.from(value.toInstant()));
        }
    }

    static boolean isPositiveInfinity(OffsetDateTime v) {
        return v.toLocalDateTime().equals(LocalDateTime.MAX);
    }

    static boolean isNegativeInfinity(OffsetDateTime v) {
        return v.toLocalDateTime().equals(LocalDateTime.MIN);
    }

    @Override
    public void encodeText(OffsetDateTime value, ByteBuf out, TextContext context) {
        if (isPositiveInfinity(value)) {
            Ascii.writeString(out, "infinity");
            return;
        }
        if (isNegativeInfinity(value)) {
            Ascii.writeString(out, "-infinity");
            return;
        }
        Instant instant = value.toInstant();
        int offset = context.timeZone().getRules().getOffset(instant).getTotalSeconds();
        long micros = DateTimes.toPgMicros(instant.getEpochSecond() + offset, instant.getNano());
        boolean bc = DateTimes.writeTimestamp(out, micros);
        DateTimes.writeOffset(out, offset);
        DateTimes.writeBc(out, bc);
    }

    @Override
    public void encodeBinary(OffsetDateTime value, ByteBuf out) {
        if (isPositiveInfinity(value)) {
            out.writeLong(Long.MAX_VALUE);
        } else if (isNegativeInfinity(value)) {
            out.writeLong(Long.MIN_VALUE);
        } else {
            Instant instant = value.toInstant();
            out.writeLong(DateTimes.toPgMicros(instant.getEpochSecond(), instant.getNano()));
        }
    }

    @Override
    public OffsetDateTime decodeText(String text, TextContext context) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, this, context);
        if (f.special() != 0) {
            return f.special() > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        if (!f.hasDate()) {
            throw invalidSyntax("22007", text);
        }
        LocalDateTime local = f.date().atStartOfDay().plusNanos(f.microsOfDay() * 1000);
        OffsetDateTime t;
        if (f.offset() != null) {
            t = OffsetDateTime.of(local, f.offset());
        } else {
            ZoneId zone = f.zone() != null ? f.zone() : context.timeZone();
            // in a repeated hour PostgreSQL takes the later (standard time) offset
            t = ZonedDateTime.of(local, zone).withLaterOffsetAtOverlap().toOffsetDateTime();
        }
        TimestampType.checkRange(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), text);
        return t;
    }

    @Override
    public OffsetDateTime decodeBinary(ByteBuf in, int length) {
        expectLength(length, 8);
        long micros = in.readLong();
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.of(DateTimes.fromPgMicros(micros), ZoneOffset.UTC);
    }

    @Override
    public OffsetDateTime coerce(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Timestamp t) {
            if (t.getTime() == TimestampType.PGJDBC_POSITIVE_INFINITY) {
                return OffsetDateTime.MAX;
            }
            if (t.getTime() == TimestampType.PGJDBC_NEGATIVE_INFINITY) {
                return OffsetDateTime.MIN;
            }
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            // drivers without zones (MariaDB DATETIME) give local values; pgbridge treats them as UTC
            return t.equals(LocalDateTime.MAX) ? OffsetDateTime.MAX : t.equals(LocalDateTime.MIN)
                    ? OffsetDateTime.MIN : t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
