package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code int4} / integer. */
public final class Int4Type extends IntegerType<Integer> {
    public static final Int4Type INSTANCE = new Int4Type();

    private Int4Type() {
        super(PgOid.INT4, "int4", 4, PgOid.INT4_ARRAY, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public Integer read(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Integer value) throws SQLException {
        ps.setInt(index, value);
    }

    @Override
    public void encodeText(Integer value, ByteBuf out, TextContext context) {
        writeText(value, out);
    }

    @Override
    public void encodeBinary(Integer value, ByteBuf out) {
        out.writeInt(value);
    }

    @Override
    public Integer decodeText(String text, TextContext context) {
        return (int) parse(text);
    }

    @Override
    public Integer decodeBinary(ByteBuf in, int length) {
        expectLength(length, 4);
        return in.readInt();
    }

    @Override
    public Integer coerce(Object value) {
        return value == null ? null : (int) toLong(value);
    }
}
