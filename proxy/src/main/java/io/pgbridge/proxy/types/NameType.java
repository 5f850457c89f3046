package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

import java.nio.charset.StandardCharsets;

/** {@code name}: identifiers, at most 63 bytes; longer input is cut at a character boundary, as namein does. */
public final class NameType extends StringType {
    public static final NameType INSTANCE = new NameType();
    /** NAMEDATALEN - 1. */
    private static final int MAX_BYTES = 63;

    private NameType() {
        super(PgOid.NAME, "name", 64, PgOid.NAME_ARRAY, "name");
    }

    @Override
    public String decodeText(String text, TextContext context) {
        rejectNul(text);
        if (text.length() * 3 <= MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return text;
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }
}
