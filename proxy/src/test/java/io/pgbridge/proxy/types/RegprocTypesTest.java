package io.pgbridge.proxy.types;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * regproc and regprocedure, the types of pg_type's typinput… and of {@code ::regproc} casts, against PostgreSQL's
 * own forms: the function's name (schema-qualified where PostgreSQL qualifies it) or its signature, and its oid.
 */
class RegprocTypesTest extends PgTypeTestBase {

    @Test
    void regprocAsPostgresPrintsAndSendsIt() throws SQLException {
        checkAll(RegprocType.INSTANCE, "'int4in'::regproc", "'array_in'::regproc", "'pg_catalog.now'::regproc",
                "'0'::regproc", "'-'::regproc", "'42'::regproc");
    }

    /** Names a function of several of that name, or one outside the search path, print qualified (not read back). */
    @Test
    void regprocQualifiesAsPostgres() throws SQLException {
        for (long oid : new long[] {1394, 13208, 849, 99999}) {
            try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("SELECT " + oid + "::regproc::text")) {
                rs.next();
                assertThat(new String(text(RegprocType.INSTANCE, oid), StandardCharsets.UTF_8)).as("%s", oid)
                        .isEqualTo(rs.getString(1));
            }
        }
    }

    @Test
    void regprocedureAsPostgresPrintsAndSendsIt() throws SQLException {
        checkAll(RegprocedureType.INSTANCE, "'now()'::regprocedure", "'int4pl(integer,integer)'::regprocedure",
                "'pg_catalog.substring(text, integer, integer)'::regprocedure", "'rank(\"any\")'::regprocedure",
                "'timezone(interval,timestamp with time zone)'::regprocedure", "'0'::regprocedure",
                "'information_schema._pg_expandarray(anyarray)'::regprocedure", "'array_in(cstring,oid,int4)'::regprocedure");
    }

    @Test
    void failsAsPostgresOnUnknownOrAmbiguousNames() throws SQLException {
        for (String input : new String[] {"abs", "nosuch", "pg_catalog.nosuch"}) {
            checkSameError(RegprocType.INSTANCE, "regproc", input);
        }
        for (String input : new String[] {"nosuch()", "int4pl", "int4pl(text)"}) {
            checkSameError(RegprocedureType.INSTANCE, "regprocedure", input);
        }
    }
}
