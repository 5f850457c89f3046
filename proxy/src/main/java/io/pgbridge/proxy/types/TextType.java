package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code text}: the default type of pgbridge, and of every value without a better one. */
public final class TextType extends StringType {
    public static final TextType INSTANCE = new TextType();

    private TextType() {
        super(PgOid.TEXT, "text", -1, PgOid.TEXT_ARRAY, "text");
    }
}
