package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BuiltinFunctions;

import java.sql.SQLException;

/**
 * {@code regprocedure}: a function's oid, binary as an oid, text as its name and argument types
 * ({@code int4pl(integer,integer)}, {@code now()}); the functions are PostgreSQL 15's built-in ones
 * ({@link BuiltinFunctions}), as for {@link RegprocType}.
 */
public final class RegprocedureType extends FunctionReferenceType {
    public static final RegprocedureType INSTANCE = new RegprocedureType();

    private RegprocedureType() {
        super(PgOid.REGPROCEDURE, "regprocedure", PgOid.REGPROCEDURE_ARRAY);
    }

    @Override
    String text(long oid) {
        return BuiltinFunctions.regprocedureText(oid);
    }

    @Override
    long oid(String text) throws SQLException {
        return BuiltinFunctions.regprocedureOid(text);
    }
}
