package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code int2} / smallint. */
public final class Int2Type extends IntegerType<Short> {
    public static final Int2Type INSTANCE = new Int2Type();

    private Int2Type() {
        super(PgOid.INT2, "int2", 2, PgOid.INT2_ARRAY, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public Short read(ResultSet rs, int column) throws SQLException {
        short v = rs.getShort(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Short value) throws SQLException {
        ps.setShort(index, value);
    }

    @Override
    public void encodeText(Short value, ByteBuf out, TextContext context) {
        writeText(value, out);
    }

    @Override
    public void encodeBinary(Short value, ByteBuf out) {
        out.writeShort(value);
    }

    @Override
    public Short decodeText(String text, TextContext context) {
        return (short) parse(text);
    }

    @Override
    public Short decodeBinary(ByteBuf in, int length) {
        expectLength(length, 2);
        return in.readShort();
    }

    @Override
    public Short coerce(Object value) {
        return value == null ? null : (short) toLong(value);
    }
}
