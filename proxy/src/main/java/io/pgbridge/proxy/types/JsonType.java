package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** {@code json}: text kept verbatim, checked on input. Bound untyped for pgjdbc, as bytes for H2's JSON. */
public final class JsonType extends StringType {
    public static final JsonType INSTANCE = new JsonType();

    private JsonType() {
        super(PgOid.JSON, "json", -1, PgOid.JSON_ARRAY, "json");
    }

    JsonType(int oid, String name, int arrayOid) {
        super(oid, name, -1, arrayOid, name);
    }

    @Override
    public void bind(PreparedStatement ps, int index, String value) throws SQLException {
        bindJson(ps, index, value);
    }

    static void bindJson(PreparedStatement ps, int index, String value) throws SQLException {
        if (Jdbc.isPostgres(ps)) {
            // a varchar parameter would not be cast to json implicitly
            ps.setObject(index, value, Types.OTHER);
        } else if (Jdbc.isH2(ps)) {
            // H2 turns a string into a JSON string literal; bytes are parsed as JSON text
            ps.setBytes(index, value.getBytes(StandardCharsets.UTF_8));
        } else {
            ps.setString(index, value);
        }
    }

    @Override
    public String decodeText(String text, TextContext context) {
        Json.validate(rejectNul(text));
        return text;
    }
}
