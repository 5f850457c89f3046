package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code float4} / real: shortest round-trip text, IEEE 754 big-endian binary. */
public final class Float4Type extends AbstractPgType<Float> {
    public static final Float4Type INSTANCE = new Float4Type();

    private Float4Type() {
        super(PgOid.FLOAT4, "float4", 4, PgOid.FLOAT4_ARRAY, "real");
    }

    @Override
    public Float read(ResultSet rs, int column) throws SQLException {
        float v = rs.getFloat(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Float value) throws SQLException {
        ps.setFloat(index, value);
    }

    @Override
    public void encodeText(Float value, ByteBuf out, TextContext context) {
        FloatText.writeFloat(value, out);
    }

    @Override
    public void encodeBinary(Float value, ByteBuf out) {
        out.writeInt(Float.floatToRawIntBits(value));
    }

    @Override
    public Float decodeText(String text, TextContext context) {
        String literal = FloatText.numberOrNull(text);
        if (literal == null) {
            throw invalidSyntax(text);
        }
        float v = Float.parseFloat(literal);
        boolean overflow = Float.isInfinite(v) && !literal.endsWith("Infinity");
        if (overflow || (v == 0 && FloatText.hasNonZeroMantissa(literal))) {
            throw new PgTypeException("22003", "\"" + text + "\" is out of range for type real");
        }
        return v;
    }

    @Override
    public Float decodeBinary(ByteBuf in, int length) {
        expectLength(length, 4);
        return Float.intBitsToFloat(in.readInt());
    }

    @Override
    public Float coerce(Object value) {
        if (value == null || value instanceof Float) {
            return (Float) value;
        }
        if (value instanceof Number n) {
            return n.floatValue();
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
