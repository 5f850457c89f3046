package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The string-valued types (text, varchar, bpchar, name, unknown, json): both wire forms are the UTF-8 bytes. */
abstract class StringType extends AbstractPgType<String> {

    StringType(int oid, String name, int typeSize, int arrayOid, String displayName) {
        super(oid, name, typeSize, arrayOid, displayName);
    }

    @Override
    public String read(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

    @Override
    public void bind(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value);
    }

    @Override
    public void encodeText(String value, ByteBuf out, TextContext context) {
        ByteBufUtil.writeUtf8(out, value);
    }

    @Override
    public void encodeBinary(String value, ByteBuf out) {
        ByteBufUtil.writeUtf8(out, value);
    }

    @Override
    public String decodeText(String text, TextContext context) {
        return rejectNul(text);
    }

    @Override
    public String decodeBinary(ByteBuf in, int length) {
        return decodeText(readUtf8(in, length), TextContext.UTC);
    }

    @Override
    public String coerce(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read CLOB", e);
            }
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
