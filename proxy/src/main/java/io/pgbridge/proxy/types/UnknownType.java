package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code unknown}: untyped literals, sent as text. typlen -2 (a C string); it has no array type. */
public final class UnknownType extends StringType {
    public static final UnknownType INSTANCE = new UnknownType();

    private UnknownType() {
        super(PgOid.UNKNOWN, "unknown", -2, 0, "unknown");
    }
}
