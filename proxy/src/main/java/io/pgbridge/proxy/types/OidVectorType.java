package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code oidvector}: oids (pg_index.indclass, indcollation), as {@link VectorType}. */
public final class OidVectorType extends VectorType<Long> {
    public static final OidVectorType INSTANCE = new OidVectorType();

    private OidVectorType() {
        super(PgOid.OIDVECTOR, "oidvector", PgOid.OIDVECTOR_ARRAY, OidType.INSTANCE, PgOid.OID_ARRAY);
    }
}
