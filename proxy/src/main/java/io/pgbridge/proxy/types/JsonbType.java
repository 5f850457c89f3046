package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgbridge.backend.PgOid;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code jsonb}: printed in PostgreSQL's canonical form whatever spelling the backend stored; binary is a version
 * byte 1 and the same text.
 */
public final class JsonbType extends StringType {
    public static final JsonbType INSTANCE = new JsonbType();

    private JsonbType() {
        super(PgOid.JSONB, "jsonb", -1, PgOid.JSONB_ARRAY, "jsonb");
    }

    @Override
    public void bind(PreparedStatement ps, int index, String value) throws SQLException {
        JsonType.bindJson(ps, index, value);
    }

    @Override
    public void encodeText(String value, ByteBuf out, TextContext context) {
        ByteBufUtil.writeUtf8(out, canonicalOrAsIs(value));
    }

    @Override
    public void encodeBinary(String value, ByteBuf out) {
        out.writeByte(1);
        ByteBufUtil.writeUtf8(out, canonicalOrAsIs(value));
    }

    /** A backend may hold text that is not JSON at all; sending it unchanged beats failing the whole result. */
    private static String canonicalOrAsIs(String value) {
        try {
            return Json.canonical(value);
        } catch (PgTypeException e) {
            return value;
        }
    }

    @Override
    public String decodeText(String text, TextContext context) {
        return Json.canonical(rejectNul(text));
    }

    @Override
    public String decodeBinary(ByteBuf in, int length) {
        if (length < 1 || length > in.readableBytes()) {
            throw badBinary();
        }
        byte version = in.readByte();
        if (version != 1) {
            throw new PgTypeException("22P03", "unsupported jsonb version number " + version);
        }
        return decodeText(readUtf8(in, length - 1), TextContext.UTC);
    }
}
