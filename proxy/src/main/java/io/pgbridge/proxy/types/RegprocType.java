package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BuiltinFunctions;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code regproc}: a function's oid, binary as an oid, text as the function's name ({@code int4in},
 * {@code pg_catalog.abs} for an overloaded one, {@code -} for 0). The catalog engine keeps such columns
 * (pg_type.typinput…) as oids; the names are PostgreSQL 15's built-in functions ({@link BuiltinFunctions}).
 */
public final class RegprocType extends OidType {
    public static final RegprocType INSTANCE = new RegprocType();

    private RegprocType() {
        super(PgOid.REGPROC, "regproc", PgOid.REGPROC_ARRAY);
    }

    /** The catalog engine's columns hold the oid; a function's text (a server's regproc read as text) is looked up. */
    @Override
    public Long read(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value instanceof Number n ? n.longValue() : decodeText(value.toString(), null);
    }

    @Override
    public void encodeText(Long value, ByteBuf out, TextContext context) {
        out.writeCharSequence(BuiltinFunctions.regprocText(value), StandardCharsets.UTF_8);
    }

    @Override
    public Long decodeText(String text, TextContext context) {
        try {
            return BuiltinFunctions.regprocOid(text);
        } catch (SQLException e) {
            throw new PgTypeException(e.getSQLState(), e.getMessage());
        }
    }
}
