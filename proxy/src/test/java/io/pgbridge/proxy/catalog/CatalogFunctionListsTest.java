package io.pgbridge.proxy.catalog;

import io.pgbridge.translation.catalog.CatalogSql;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog functions are named in two modules: {@link CatalogSql#ENGINE_FUNCTIONS} says which calls the rewrite
 * sends to the engine's own {@code pgbridge_…} functions, and the proxy's registrars ({@link CatalogFunctions},
 * {@link CatalogSessions}, {@link InformationSchemaFunctions}, {@link TextAndArrayFunctions}) create them. A name in
 * the first and in none of the others would fail every catalog query that calls it; this catches the drift.
 */
class CatalogFunctionListsTest {

    @Test
    void everyFunctionTheRewriteSendsToTheEngineExistsThere() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:catalog_function_lists;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            CatalogEngine.create(c);
            Set<String> registered = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT routine_name FROM information_schema.routines WHERE routine_schema = '"
                            + CatalogEngine.SCHEMA + "'")) {
                while (rs.next()) {
                    registered.add(rs.getString(1));
                }
            }
            assertThat(registered).isNotEmpty();
            for (String function : CatalogSql.ENGINE_FUNCTIONS) {
                assertThat(registered).as("the engine's function for %s", function)
                        .contains(CatalogSql.PREFIX + function);
            }
        }
    }
}
