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
     * The statement with the types Describe reported ({@code described}, null if it was not described) for the
     * parameters the client left open but binds in binary: such a client (asyncpg) encodes them as those types, as
     * PostgreSQL fixes the types at Parse. Text values keep the backend's own conversion.
     */
    static ParsedStatement withDescribedBinaryTypes(ParsedStatement statement, int[] described,
                                                    FrontendMessage.Bind bind) {
        if (described == null) {
            return statement;
        }
        int[] types = null;
        for (int i = 0; i < bind.parameterValues().length && i < described.length; i++) {
            if (statement.parameterType(i) == 0 && bind.parameterFormat(i) == 1 && described[i] != 0) {
                if (types == null) {
                    types = java.util.Arrays.copyOf(statement.parameterTypes(), statement.parameterCount());
                }
                types[i] = described[i];
            }
        }
        return types == null ? statement : statement.withParameterTypes(types);
    }

    /** Whether {@code bind} sends, in binary, a value of a parameter whose type the client left open. */
    static boolean bindsOpenTypeInBinary(ParsedStatement statement, FrontendMessage.Bind bind) {
        for (int i = 0; i < bind.parameterValues().length; i++) {
            if (bind.parameterFormat(i) == 1 && bind.parameterValues()[i] != null && statement.parameterType(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bind} sends a value of a parameter whose type the client left open. */
    static boolean bindsOpenType(ParsedStatement statement, FrontendMessage.Bind bind) {
        for (int i = 0; i < bind.parameterValues().length; i++) {
            if (bind.parameterValues()[i] != null && statement.parameterType(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The statement with {@code types} (null: none) for the parameters whose type is open; 0 keeps one open. */
    static ParsedStatement withTypes(ParsedStatement statement, int[] types) {
        if (types == null) {
            return statement;
        }
        int[] merged = java.util.Arrays.copyOf(statement.parameterTypes(), statement.parameterCount());
        boolean changed = false;
        for (int i = 0; i < merged.length && i < types.length; i++) {
            if (merged[i] == 0 && types[i] != 0) {
                merged[i] = types[i];
                changed = true;
            }
        }
        return changed ? statement.withParameterTypes(merged) : statement;
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
