package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code float8} / double precision: shortest round-trip text, IEEE 754 big-endian binary. */
public final class Float8Type extends AbstractPgType<Double> {
    public static final Float8Type INSTANCE = new Float8Type();

    private Float8Type() {
        super(PgOid.FLOAT8, "float8", 8, PgOid.FLOAT8_ARRAY, "double precision");
    }

    @Override
    public Double read(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Double value) throws SQLException {
        ps.setDouble(index, value);
    }

    @Override
    public void encodeText(Double value, ByteBuf out, TextContext context) {
        FloatText.writeDouble(value, out);
    }

    @Override
    public void encodeBinary(Double value, ByteBuf out) {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public Double decodeText(String text, TextContext context) {
        String literal = FloatText.numberOrNull(text);
        if (literal == null) {
            throw invalidSyntax(text);
        }
        double v = Double.parseDouble(literal);
        boolean overflow = Double.isInfinite(v) && !literal.endsWith("Infinity");
        if (overflow || (v == 0 && FloatText.hasNonZeroMantissa(literal))) {
            throw new PgTypeException("22003", "\"" + text + "\" is out of range for type double precision");
        }
        return v;
    }

    @Override
    public Double decodeBinary(ByteBuf in, int length) {
        expectLength(length, 8);
        return Double.longBitsToDouble(in.readLong());
    }

    @Override
    public Double coerce(Object value) {
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof Number n) {
            // a float widened by its decimal text, so 0.1f becomes 0.1, not 0.10000000149011612
            return value instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
