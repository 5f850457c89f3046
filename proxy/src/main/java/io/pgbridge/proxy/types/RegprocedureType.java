package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BuiltinFunctions;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code regprocedure}: a function's oid, binary as an oid, text as its name and argument types
 * ({@code int4pl(integer,integer)}, {@code now()}); the functions are PostgreSQL 15's built-in ones
 * ({@link BuiltinFunctions}), as for {@link RegprocType}.
 */
public final class RegprocedureType extends OidType {
    public static final RegprocedureType INSTANCE = new RegprocedureType();

    private RegprocedureType() {
        super(PgOid.REGPROCEDURE, "regprocedure", PgOid.REGPROCEDURE_ARRAY);
    }

    /** The catalog engine's columns hold the oid; a function's text (a server's regproc read as text) is looked up. */
    @Override
    public Long read(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value instanceof Number n ? n.longValue() : decodeText(value.toString(), null);
    }

    @Override
    public void encodeText(Long value, ByteBuf out, TextContext context) {
        out.writeCharSequence(BuiltinFunctions.regprocedureText(value), StandardCharsets.UTF_8);
    }

    @Override
    public Long decodeText(String text, TextContext context) {
        try {
            return BuiltinFunctions.regprocedureOid(text);
        } catch (SQLException e) {
            throw new PgTypeException(e.getSQLState(), e.getMessage());
        }
    }
}
