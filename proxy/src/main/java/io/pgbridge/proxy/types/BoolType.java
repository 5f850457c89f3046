package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** {@code bool}: text {@code t}/{@code f}, binary one byte 1/0. */
public final class BoolType extends AbstractPgType<Boolean> {
    public static final BoolType INSTANCE = new BoolType();

    private BoolType() {
        super(PgOid.BOOL, "bool", 1, PgOid.BOOL_ARRAY, "boolean");
    }

    @Override
    public Boolean read(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Boolean value) throws SQLException {
        ps.setBoolean(index, value);
    }

    @Override
    public void encodeText(Boolean value, ByteBuf out, TextContext context) {
        out.writeByte(value ? 't' : 'f');
    }

    @Override
    public void encodeBinary(Boolean value, ByteBuf out) {
        out.writeByte(value ? 1 : 0);
    }

    @Override
    public Boolean decodeText(String text, TextContext context) {
        Boolean b = parse(text.strip());
        if (b == null) {
            throw invalidSyntax(text);
        }
        return b;
    }

    /** parse_bool: any unambiguous prefix of true/false/yes/no, on/off (2 letters at least), 1/0. */
    private static Boolean parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String l = s.toLowerCase(Locale.ROOT);
        switch (l.charAt(0)) {
            case 't':
                return "true".startsWith(l) ? Boolean.TRUE : null;
            case 'f':
                return "false".startsWith(l) ? Boolean.FALSE : null;
            case 'y':
                return "yes".startsWith(l) ? Boolean.TRUE : null;
            case 'n':
                return "no".startsWith(l) ? Boolean.FALSE : null;
            case 'o':
                if (l.length() >= 2 && "on".startsWith(l)) {
                    return Boolean.TRUE;
                }
                return l.length() >= 2 && "off".startsWith(l) ? Boolean.FALSE : null;
            case '1':
                return l.length() == 1 ? Boolean.TRUE : null;
            case '0':
                return l.length() == 1 ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    @Override
    public Boolean decodeBinary(ByteBuf in, int length) {
        expectLength(length, 1);
        return in.readByte() != 0;
    }

    @Override
    public Boolean coerce(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        throw cannotCoerce(value);
    }
}
