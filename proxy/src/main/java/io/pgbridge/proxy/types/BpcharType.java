package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code bpchar} / character(n): the value keeps the padding the database returned. */
public final class BpcharType extends StringType {
    public static final BpcharType INSTANCE = new BpcharType();

    private BpcharType() {
        super(PgOid.BPCHAR, "bpchar", -1, PgOid.BPCHAR_ARRAY, "character");
    }
}
