package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/** {@code int2vector}: attribute numbers (pg_index.indkey, indoption), as {@link VectorType}. */
public final class Int2VectorType extends VectorType<Short> {
    public static final Int2VectorType INSTANCE = new Int2VectorType();

    private Int2VectorType() {
        super(PgOid.INT2VECTOR, "int2vector", PgOid.INT2VECTOR_ARRAY, Int2Type.INSTANCE, PgOid.INT2_ARRAY);
    }
}
