package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.catalog.BuiltinFunctions;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@code regproc} and {@code regprocedure} share: a function's oid, sent in binary as an oid and in text as
 * PostgreSQL writes the function ({@link BuiltinFunctions}, PostgreSQL 15's built-in ones). The catalog engine keeps
 * such columns (pg_type.typinput…) as oids; a function's text (a server's value read as text) is looked up.
 */
abstract sealed class FunctionReferenceType extends OidType permits RegprocType, RegprocedureType {
    FunctionReferenceType(int oid, String name, int arrayOid) {
        super(oid, name, arrayOid);
    }

    /** The function {@code oid} as this type prints it. */
    abstract String text(long oid);

    /** The oid of the function {@code text} names; PostgreSQL's SQLSTATE when there is none or several. */
    abstract long oid(String text) throws SQLException;

    @Override
    public Long read(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value instanceof Number n ? n.longValue() : decodeText(value.toString(), null);
    }

    @Override
    public void encodeText(Long value, ByteBuf out, TextContext context) {
        out.writeCharSequence(text(value), StandardCharsets.UTF_8);
    }

    @Override
    public Long decodeText(String text, TextContext context) {
        try {
            return oid(text);
        } catch (SQLException e) {
            throw new PgTypeException(e.getSQLState(), e.getMessage());
        }
    }
}
