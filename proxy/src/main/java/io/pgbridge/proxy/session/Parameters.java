package io.pgbridge.proxy.session;

import io.netty.buffer.Unpooled;
import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.proxy.types.TextContext;
import io.pgbridge.translation.JdbcSql;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Statement parameters: decoded from Bind's text or binary values, then bound to JDBC's {@code ?} markers. */
final class Parameters {
    private Parameters() {
    }

    /** The 1-based JDBC marker index of PostgreSQL parameter {@code pgIndex} (0-based). */
    static int jdbcIndexOf(JdbcSql sql, int pgIndex) {
        int[] order = sql.parameterOrder();
        for (int i = 0; i < order.length; i++) {
            if (order[i] == pgIndex) {
                return i + 1;
            }
        }
        return pgIndex + 1;
    }

    /**
     * Whether {@code bind} sends a value (only binary ones if {@code binaryOnly}) of a parameter whose type the
     * client left open.
     */
    static boolean bindsOpenType(ParsedStatement statement, FrontendMessage.Bind bind, boolean binaryOnly) {
        for (int i = 0; i < bind.parameterValues().length; i++) {
            if (bind.parameterValues()[i] != null && statement.parameterType(i) == 0
                    && (!binaryOnly || bind.parameterFormat(i) == 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement with {@code types} (null: none; 0 keeps one open) for the parameters whose type the client left
     * open, as PostgreSQL fixes them at Parse; with {@code binaryOnly}, only for those {@code bind} sends in binary
     * (a client such as asyncpg encodes them as the types Describe reported).
     */
    static ParsedStatement withOpenTypes(ParsedStatement statement, int[] types, FrontendMessage.Bind bind,
                                         boolean binaryOnly) {
        if (types == null) {
            return statement;
        }
        int[] merged = null;
        for (int i = 0; i < bind.parameterValues().length && i < types.length; i++) {
            if (statement.parameterType(i) == 0 && types[i] != 0 && (!binaryOnly || bind.parameterFormat(i) == 1)) {
                if (merged == null) {
                    merged = java.util.Arrays.copyOf(statement.parameterTypes(), statement.parameterCount());
                }
                merged[i] = types[i];
            }
        }
        return merged == null ? statement : statement.withParameterTypes(merged);
    }

    /** Decodes Bind value {@code index} with the type the statement declares; undeclared text stays a String. */
    static Object decode(ParsedStatement statement, FrontendMessage.Bind bind, int index, TextContext context) {
        byte[] raw = bind.parameterValues()[index];
        if (raw == null) {
            return null;
        }
        int oid = statement.parameterType(index);
        boolean binary = bind.parameterFormat(index) == 1;
        PgType<?> type = oid == 0 ? null : PgTypes.byOid(oid);
        if (type == null) {
            if (binary) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "binary parameter $" + (index + 1)
                        + " has no declared type" + (oid == 0 ? "" : " known to pgbridge (OID " + oid + ")"));
            }
            return new String(raw, StandardCharsets.UTF_8);
        }
        if (binary) {
            return type.decodeBinary(Unpooled.wrappedBuffer(raw), raw.length);
        }
        return type.decodeText(new String(raw, StandardCharsets.UTF_8), context);
    }

    /** Binds the portal's values to the JDBC markers, which may repeat or reorder PostgreSQL's {@code $n}. */
    @SuppressWarnings("unchecked")
    static void bind(PreparedStatement prepared, Portal portal, BackendDialect dialect, TextContext context)
            throws SQLException {
        bind(prepared, portal, portal.statement.jdbcSql(), dialect, context);
    }

    /** Binds the portal's values to the markers of {@code sql}, another statement made from the portal's. */
    @SuppressWarnings("unchecked")
    static void bind(PreparedStatement prepared, Portal portal, io.pgbridge.translation.JdbcSql sql,
            BackendDialect dialect, TextContext context) throws SQLException {
        int[] order = sql.parameterOrder();
        UntypedParameter untyped = null;
        for (int j = 0; j < order.length; j++) {
            int pgIndex = order[j];
            Object value = portal.parameters[pgIndex];
            int oid = portal.statement.parameterType(pgIndex);
            if (value == null) {
                prepared.setNull(j + 1, java.sql.Types.NULL);
            } else if (value instanceof String s && (oid == 0 || PgTypes.byOid(oid) == null)) {
                if (untyped == null) {
                    untyped = new UntypedParameter(prepared, dialect);
                }
                untyped.bind(j + 1, s, context);
            } else {
                ((PgType<Object>) PgTypes.byOid(oid)).bind(prepared, j + 1, value);
            }
        }
    }
}
