package io.pgbridge.translation.schema;

import io.pgbridge.translation.TranslationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRewritesTest {
    private static final TableShape PROFILES = new TableShape("profiles", List.of(
            new ColumnShape("id", "int4"), new ColumnShape("username", "text"), new ColumnShape("avatar", "bytea"),
            new ColumnShape("verified", "boolean"), new ColumnShape("tags", "text[]")),
            List.of(new UniqueKey("profiles_pk", List.of("id"), true),
                    new UniqueKey("uq_idx_7", List.of("username"), false)), true);
    private static final TableShape TEAMS = new TableShape("teams", List.of(
            new ColumnShape("id", "int4"), new ColumnShape("logo", "bytea")), List.of(), true);
    private static final Catalog CATALOG = (schema, name) ->
            Optional.ofNullable(Map.of("profiles", PROFILES, "teams", TEAMS).get(name));

    private static String cast(String sql) {
        return SchemaRewrites.apply(sql, CATALOG);
    }

    @Test
    void identityColumnsGeneratedAlwaysTakeOnlyDefaultUnlessOverridden() {
        Catalog catalog = (schema, name) -> Optional.of(new TableShape("orders", List.of(
                new ColumnShape("id", "int4", true), new ColumnShape("total", "int4")), List.of(), true));
        for (String refused : new String[] {"INSERT INTO orders (id, total) VALUES (100, 1)",
                "INSERT INTO orders VALUES (DEFAULT, 1), (7, 2)", "INSERT INTO orders (total, id) SELECT 1, 2"}) {
            assertThatThrownBy(() -> SchemaRewrites.apply(refused, catalog)).as(refused)
                    .isInstanceOfSatisfying(TranslationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("428C9");
                        assertThat(e.getMessage()).isEqualTo("cannot insert a non-DEFAULT value into column \"id\"");
                    });
        }
        for (String accepted : new String[] {"INSERT INTO orders (total) VALUES (1)",
                "INSERT INTO orders VALUES (DEFAULT, 1), (default, 2)", "INSERT INTO orders DEFAULT VALUES",
                "INSERT INTO orders (id, total) OVERRIDING SYSTEM VALUE VALUES (100, 1)"}) {
            assertThat(SchemaRewrites.apply(accepted, catalog)).as(accepted).isSameAs(accepted);
        }
        assertThat(SchemaRewrites.mayApply("insert into orders (id) values (1)")).isTrue();
    }

    @Test
    void arithmeticOnATextColumnFailsAsInPostgres() {
        // PostgreSQL 15: ERROR: operator does not exist: text + integer (42883), at the operator
        assertThatThrownBy(() -> cast("SELECT username + 1 FROM profiles"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42883");
                    assertThat(e.getMessage()).isEqualTo("operator does not exist: text + integer");
                    assertThat(e.position()).isEqualTo(17);
                });
        assertThatThrownBy(() -> cast("SELECT 1.5 - p.username FROM profiles p"))
                .hasMessage("operator does not exist: numeric - text");
        for (String fine : new String[] {"SELECT id + 1, username || 1 FROM profiles", "SELECT length(username) + 1 FROM profiles",
                "SELECT username::int + 1 FROM profiles", "SELECT 2 * username + 1 FROM unknown_table"}) {
            assertThat(cast(fine)).as(fine).isSameAs(fine);
        }
    }

    @Test
    void valuesTakeTheTypesOfTheirColumns() {
        assertThat(cast("INSERT INTO profiles (id, avatar, verified) VALUES (1, '\\xdead', 'on'), (2, NULL, 'off')"))
                .isEqualTo("INSERT INTO profiles (id, avatar, verified) VALUES (1, '\\xdead'::bytea, 'on'::boolean),"
                        + " (2, NULL, 'off'::boolean)");
        assertThat(cast("INSERT INTO profiles VALUES (1, 'ann', '\\x00', 't', '{a,b}')"))
                .isEqualTo("INSERT INTO profiles VALUES (1, 'ann', '\\x00'::bytea, 't'::boolean, '{a,b}'::text[])");
    }

    @Test
    void parametersTakeTheTypesOfTheColumnsTheyGoIntoOrAreComparedWith() {
        assertThat(SchemaRewrites.parameterTypes("INSERT INTO profiles (id, avatar) VALUES ($1, $2), ($3, $4)", CATALOG))
                .isEqualTo(Map.of(1, "int4", 2, "bytea", 3, "int4", 4, "bytea"));
        assertThat(SchemaRewrites.parameterTypes("INSERT INTO profiles VALUES ($2, $1, $3, $4, $5)", CATALOG))
                .isEqualTo(Map.of(2, "int4", 1, "text", 3, "bytea", 4, "boolean", 5, "text[]"));
        assertThat(SchemaRewrites.parameterTypes("UPDATE profiles SET verified = $1 WHERE id = $2 AND $3 < id"
                + " AND username IN ($4, $5)", CATALOG))
                .isEqualTo(Map.of(1, "boolean", 2, "int4", 3, "int4", 4, "text", 5, "text"));
        assertThat(SchemaRewrites.parameterTypes("SELECT * FROM profiles p JOIN teams t ON t.id = p.id"
                + " WHERE t.logo = $1 AND p.id = $2::int8 + 1 LIMIT $3", CATALOG)).isEqualTo(Map.of(1, "bytea"));
    }

    @Test
    void typedLiteralsAndExpressionsStayAsWritten() {
        String sql = "INSERT INTO profiles (avatar, verified, username) VALUES ('\\x00'::bytea, 'o' || 'n', 'x')";
        assertThat(cast(sql)).isSameAs(sql);
        String typed = "SELECT * FROM profiles WHERE avatar = bytea '\\x00' OR verified = 'y' || 'es'";
        assertThat(cast(typed)).isSameAs(typed);
    }

    @Test
    void assignmentsAndComparisonsToo() {
        assertThat(cast("UPDATE profiles SET verified = 'on', username = 'z' WHERE avatar = '\\x00FF'"))
                .isEqualTo("UPDATE profiles SET verified = 'on'::boolean, username = 'z' WHERE avatar = '\\x00FF'::bytea");
        assertThat(cast("SELECT p.id FROM profiles p JOIN teams t ON t.id = p.id WHERE '\\x01' = t.logo"))
                .isEqualTo("SELECT p.id FROM profiles p JOIN teams t ON t.id = p.id WHERE '\\x01'::bytea = t.logo");
        assertThat(cast("DELETE FROM profiles WHERE verified IN ('yes', 'no')"))
                .isEqualTo("DELETE FROM profiles WHERE verified IN ('yes'::boolean, 'no'::boolean)");
    }

    @Test
    void anUnqualifiedColumnOfSeveralTablesOrOfAnUnknownSourceIsLeftAlone() {
        String ambiguous = "SELECT 1 FROM profiles, teams WHERE id = '1'";
        assertThat(cast(ambiguous)).isSameAs(ambiguous);
        String cte = "SELECT 1 FROM profiles, unknown_table WHERE avatar = '\\x00'";
        assertThat(cast(cte)).isSameAs(cte);
        String qualified = "SELECT 1 FROM profiles p, unknown_table u WHERE p.avatar = '\\x00'";
        assertThat(cast(qualified)).endsWith("p.avatar = '\\x00'::bytea");
    }

    @Test
    void onConflictOnConstraintBecomesItsColumns() {
        assertThat(cast("INSERT INTO profiles (id, username) VALUES (1, 'a') ON CONFLICT ON CONSTRAINT profiles_pk"
                + " DO UPDATE SET verified = 'true'"))
                .isEqualTo("INSERT INTO profiles (id, username) VALUES (1, 'a') ON CONFLICT (\"id\")"
                        + " DO UPDATE SET verified = 'true'::boolean");
        // PostgreSQL's own name for the unique key on username, whatever the backend called it
        assertThat(cast("INSERT INTO profiles (id, username) VALUES (1, 'a') ON CONFLICT ON CONSTRAINT"
                + " profiles_username_key DO NOTHING")).contains("ON CONFLICT (\"username\") DO NOTHING");
        assertThatThrownBy(() -> cast("INSERT INTO profiles (id) VALUES (1) ON CONFLICT ON CONSTRAINT nope DO NOTHING"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("constraint \"nope\" for table \"profiles\"");
    }

    @Test
    void aBackendThatForgetsPrimaryKeyNamesHasItsPrimaryKeyTakenForAnUnknownName() {
        TableShape unnamed = new TableShape("inventory", List.of(new ColumnShape("sku", "text")),
                List.of(new UniqueKey(null, List.of("sku"), true)), true);
        Catalog catalog = (schema, name) -> Optional.of(unnamed);
        assertThat(SchemaRewrites.apply("INSERT INTO inventory VALUES ('a') ON CONFLICT ON CONSTRAINT inventory_pk"
                + " DO NOTHING", catalog)).contains("ON CONFLICT (\"sku\") DO NOTHING");
        assertThat(SchemaRewrites.namesConflictConstraint("insert into t values (1) on conflict on constraint c"
                + " do nothing")).isTrue();
        assertThat(SchemaRewrites.namesConflictConstraint("insert into t values (1) on conflict (id) do nothing"))
                .isFalse();
    }

    @Test
    void aConflictTargetWithoutAUniqueKeyIs42P10() {
        assertThatThrownBy(() -> cast("INSERT INTO profiles (id, username) VALUES (1, 'a') ON CONFLICT (username, id)"
                + " DO NOTHING"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("42P10"));
        assertThat(cast("INSERT INTO profiles (id) VALUES (1) ON CONFLICT (id) DO NOTHING")).isNotNull();
        // a partial unique index cannot be seen through JDBC: leave the decision to the backend
        assertThat(cast("INSERT INTO profiles (id) VALUES (1) ON CONFLICT (username) WHERE id > 0 DO NOTHING")).isNotNull();
    }

    @Test
    void theSameConflictKeyTwiceInOneUpsertIs21000() {
        assertThatThrownBy(() -> cast("INSERT INTO profiles (id, username) VALUES (1, 'a'), (1, 'b')"
                + " ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("21000"));
        assertThat(cast("INSERT INTO profiles (id, username) VALUES (1, 'a'), (1, 'b') ON CONFLICT (id) DO NOTHING"))
                .isNotNull();
    }

    @Test
    void theLengthOfByteaIsItsOctetLength() {
        assertThat(cast("SELECT length(avatar), length(p.avatar), length(username) FROM profiles p"))
                .isEqualTo("SELECT octet_length(avatar), octet_length(p.avatar), length(username) FROM profiles p");
        assertThat(SchemaRewrites.mayApply("SELECT LENGTH(avatar) FROM profiles")).isTrue();
    }

    @Test
    void onlyTextsWithQuotesOrConflictClausesAreWorthAPass() {
        assertThat(SchemaRewrites.mayApply("SELECT abalance FROM pgbench_accounts WHERE aid = 42")).isFalse();
        assertThat(SchemaRewrites.mayApply("INSERT INTO t VALUES ($1) ON CONFLICT DO NOTHING")).isTrue();
        assertThat(SchemaRewrites.mayApply("SELECT 'x'")).isTrue();
    }
}
