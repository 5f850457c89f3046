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

/** {@code date}: text {@code 2024-01-02} / {@code 0044-03-15 BC}; binary int32 days since 2000-01-01. */
public final class DateType extends AbstractPgType<LocalDate> {
    public static final DateType INSTANCE = new DateType();

    private DateType() {
        super(PgOid.DATE, "date", 4, PgOid.DATE_ARRAY, "date");
    }

    @Override
    public LocalDate read(ResultSet rs, int column) throws SQLException {
        return readAs(rs, column, LocalDate.class);
    }

    @Override
    public void bind(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        try {
            ps.setObject(index, value);
        } catch (SQLException e) {
            // Derby's JDBC 4.2 takes no java.time values; java.sql's classes carry the same value
            ps.setDate(index, java.sql.Date.valueOf(value));
        }
    }

    @Override
    public void encodeText(LocalDate value, ByteBuf out, TextContext context) {
        if (value.equals(LocalDate.MAX)) {
            Ascii.writeString(out, "infinity");
        } else if (value.equals(LocalDate.MIN)) {
            Ascii.writeString(out, "-infinity");
        } else {
            DateTimes.writeBc(out, DateTimes.writeDate(out, value.toEpochDay()));
        }
    }

    @Override
    public void encodeBinary(LocalDate value, ByteBuf out) {
        if (value.equals(LocalDate.MAX)) {
            out.writeInt(Integer.MAX_VALUE);
        } else if (value.equals(LocalDate.MIN)) {
            out.writeInt(Integer.MIN_VALUE);
        } else {
            out.writeInt((int) (value.toEpochDay() - DateTimes.PG_EPOCH_DAY));
        }
    }

    @Override
    public LocalDate decodeText(String text, TextContext context) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, this, context);
        if (f.special() != 0) {
            return f.special() > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        if (!f.hasDate()) {
            throw invalidSyntax("22007", text);
        }
        long day = f.date().toEpochDay();
        if (day < DateTimes.MIN_EPOCH_DAY || day > DateTimes.MAX_DATE_EPOCH_DAY) {
            throw new PgTypeException("22008", "date out of range: \"" + text + "\"");
        }
        return f.date();
    }

    @Override
    public LocalDate decodeBinary(ByteBuf in, int length) {
        expectLength(length, 4);
        int days = in.readInt();
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(days + DateTimes.PG_EPOCH_DAY);
    }

    @Override
    public LocalDate coerce(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            LocalDateTime l = TimestampType.INSTANCE.coerce(t);
            return l.equals(LocalDateTime.MAX) ? LocalDate.MAX : l.equals(LocalDateTime.MIN) ? LocalDate.MIN
                    : l.toLocalDate();
        }
        if (value instanceof LocalDateTime l) {
            return l.toLocalDate();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toLocalDate();
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
