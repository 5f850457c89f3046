package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/**
 * {@code aclitem}: one grant ({@code grantee=privileges/grantor}), kept as its text. Its arrays are the acl columns
 * (relacl, nspacl…). PostgreSQL has no binary form for aclitem; pgbridge sends the text in both.
 */
public final class AclItemType extends StringType {
    public static final AclItemType INSTANCE = new AclItemType();

    private AclItemType() {
        super(PgOid.ACLITEM, "aclitem", 12, PgOid.ACLITEM_ARRAY, "aclitem");
    }
}
