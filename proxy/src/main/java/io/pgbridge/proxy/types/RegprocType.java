package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.catalog.BuiltinFunctions;

import java.sql.SQLException;

/**
 * {@code regproc}: a function's oid, binary as an oid, text as the function's name ({@code int4in},
 * {@code pg_catalog.abs} for an overloaded one, {@code -} for 0). The catalog engine keeps such columns
 * (pg_type.typinput…) as oids; the names are PostgreSQL 15's built-in functions ({@link BuiltinFunctions}).
 */
public final class RegprocType extends FunctionReferenceType {
    public static final RegprocType INSTANCE = new RegprocType();

    private RegprocType() {
        super(PgOid.REGPROC, "regproc", PgOid.REGPROC_ARRAY);
    }

    @Override
    String text(long oid) {
        return BuiltinFunctions.regprocText(oid);
    }

    @Override
    long oid(String text) throws SQLException {
        return BuiltinFunctions.regprocOid(text);
    }
}
