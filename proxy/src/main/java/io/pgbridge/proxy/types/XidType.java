package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code xid}: a transaction id, unsigned 32-bit like {@code oid} (pg_stat_activity's backend_xid, backend_xmin). */
public final class XidType extends OidType {
    public static final XidType INSTANCE = new XidType();

    private XidType() {
        super(PgOid.XID, "xid", PgOid.XID_ARRAY);
    }
}
