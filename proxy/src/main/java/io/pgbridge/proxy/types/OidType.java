package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code oid}: unsigned 32-bit, held in a Long so that 4294967295 stays positive. {@code xid} ({@link XidType}) has
 * the same two forms.
 */
public sealed class OidType extends IntegerType<Long> permits XidType, FunctionReferenceType {
    public static final OidType INSTANCE = new OidType(PgOid.OID, "oid", PgOid.OID_ARRAY);
    private static final long UNSIGNED_MASK = 0xFFFF_FFFFL;

    OidType(int oid, String name, int arrayOid) {
        // oidin (and xidin) also take negative numbers down to -2^31 and wrap them, like strtoul
        super(oid, name, 4, arrayOid, name, Integer.MIN_VALUE, UNSIGNED_MASK);
    }

    @Override
    public Long read(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v & UNSIGNED_MASK;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Long value) throws SQLException {
        ps.setLong(index, value);
    }

    @Override
    public void encodeText(Long value, ByteBuf out, TextContext context) {
        writeText(value & UNSIGNED_MASK, out);
    }

    @Override
    public void encodeBinary(Long value, ByteBuf out) {
        out.writeInt((int) value.longValue());
    }

    @Override
    public Long decodeText(String text, TextContext context) {
        return parse(text) & UNSIGNED_MASK;
    }

    @Override
    public Long decodeBinary(ByteBuf in, int length) {
        expectLength(length, 4);
        return in.readUnsignedInt();
    }

    @Override
    public Long coerce(Object value) {
        return value == null ? null : toLong(value) & UNSIGNED_MASK;
    }
}
