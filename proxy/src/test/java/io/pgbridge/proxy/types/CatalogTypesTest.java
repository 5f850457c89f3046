package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's own types (int2vector, oidvector, aclitem[]) against PostgreSQL's forms of them. */
class CatalogTypesTest extends PgTypeTestBase {

    /** Elements separated by spaces; the binary form an array's with lower bound 0. */
    @Test
    void vectorsAsPostgresPrintsAndSendsThem() throws SQLException {
        checkAll(Int2VectorType.INSTANCE, "'1 2'::int2vector", "'3'::int2vector", "''::int2vector",
                "'-1 0 32767'::int2vector");
        checkAll(OidVectorType.INSTANCE, "'1978 3126'::oidvector", "''::oidvector", "'4294967295 0'::oidvector");
    }

    /** aclitem has no binary form in PostgreSQL; an aclitem[]'s text is array_out's of the items. */
    @Test
    void aclItemArraysPrintAsPostgres() throws SQLException {
        PgType<?> acl = PgTypes.byOid(PgOid.ACLITEM_ARRAY);
        String literal = "'{postgres=arwdDxt/postgres,=r/postgres}'::aclitem[]";
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("SELECT " + literal + "::text")) {
            rs.next();
            String server = rs.getString(1);
            @SuppressWarnings("unchecked")
            PgType<Object> type = (PgType<Object>) acl;
            Object value = type.decodeText(server, context);
            assertThat((List<?>) value).hasSize(2);
            assertThat(new String(text(type, value), StandardCharsets.UTF_8)).isEqualTo(server);
        }
    }
}
