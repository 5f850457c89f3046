package io.pgbridge.proxy.types;

/**
 * A user's enum type, known by its oid alone (pg_type.typtype 'e', made by the catalog for MariaDB's ENUM columns):
 * a value is its label, and enum_send's binary form is the label's text too. Not in the registry: one per type.
 */
public final class EnumType extends StringType {
    /** FirstNormalObjectId: user objects' oids start here (pgbridge's catalog gives its enum types such oids). */
    public static final int FIRST_USER_OID = 16384;
    /** pg_type.typlen of every enum: the label is stored as the oid of its pg_enum row. */
    private static final int TYPLEN = 4;

    public EnumType(int oid) {
        super(oid, "anyenum", TYPLEN, 0, "anyenum");
    }
}
