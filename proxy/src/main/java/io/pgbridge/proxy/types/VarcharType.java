package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code varchar} / character varying: same wire forms as text. */
public final class VarcharType extends StringType {
    public static final VarcharType INSTANCE = new VarcharType();

    private VarcharType() {
        super(PgOid.VARCHAR, "varchar", -1, PgOid.VARCHAR_ARRAY, "character varying");
    }
}
