package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code int8} / bigint. */
public final class Int8Type extends IntegerType<Long> {
    public static final Int8Type INSTANCE = new Int8Type();

    private Int8Type() {
        super(PgOid.INT8, "int8", 8, PgOid.INT8_ARRAY, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public Long read(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Long value) throws SQLException {
        ps.setLong(index, value);
    }

    @Override
    public void encodeText(Long value, ByteBuf out, TextContext context) {
        writeText(value, out);
    }

    @Override
    public void encodeBinary(Long value, ByteBuf out) {
        out.writeLong(value);
    }

    @Override
    public Long decodeText(String text, TextContext context) {
        return parse(text);
    }

    @Override
    public Long decodeBinary(ByteBuf in, int length) {
        expectLength(length, 8);
        return in.readLong();
    }

    @Override
    public Long coerce(Object value) {
        return value == null ? null : toLong(value);
    }
}
