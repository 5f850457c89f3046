package io.pgbridge.translation.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Column references cast to their own type where a backend without the type would lose it. */
class ColumnCastsTest {
    private static final TableShape EVENTS = new TableShape("events", List.of(
            new ColumnShape("id", "int4"), new ColumnShape("done", "boolean"), new ColumnShape("name", "text"),
            new ColumnShape("starts_at", "timestamp"), new ColumnShape("ends_at", "timestamp"),
            new ColumnShape("seen_at", "timestamptz"), new ColumnShape("day", "date")), List.of(), true);
    private static final Catalog CATALOG = (schema, name) -> Optional.ofNullable(Map.of("events", EVENTS).get(name));

    private static String rewrite(String sql) {
        return SchemaRewrites.apply(sql, CATALOG);
    }

    @Test
    void booleanColumnsInJsonBuildersKeepTheirType() {
        assertThat(rewrite("SELECT jsonb_build_object('n', name, 'done', e.done), json_agg(done) FROM events e"))
                .isEqualTo("SELECT jsonb_build_object('n', name, 'done', e.done::boolean), json_agg(done::boolean)"
                        + " FROM events e");
        String expression = "SELECT jsonb_build_array(done AND id > 1, to_jsonb(name)) FROM events";
        assertThat(rewrite(expression)).isSameAs(expression);
    }

    @Test
    void booleanColumnsOfGroupingSetsKeepTheirType() {
        assertThat(rewrite("SELECT name, done, e.done AS d, count(*) FROM events e GROUP BY ROLLUP (name, done)"))
                .isEqualTo("SELECT name, done::boolean, e.done::boolean AS d, count(*) FROM events e"
                        + " GROUP BY ROLLUP (name, done)");
        String plain = "SELECT name, done, count(*) FROM events GROUP BY name, done";
        assertThat(rewrite(plain)).isSameAs(plain);
    }

    @Test
    void temporalDifferencesKnowTheirOperands() {
        assertThat(rewrite("SELECT ends_at - starts_at AS d, day - e.day FROM events e WHERE ends_at - starts_at > '1 hour'"))
                .isEqualTo("SELECT ends_at::timestamp - starts_at::timestamp AS d, day::date - e.day::date FROM events e"
                        + " WHERE ends_at::timestamp - starts_at::timestamp > '1 hour'");
        assertThat(rewrite("SELECT seen_at - e.starts_at FROM events e"))
                .isEqualTo("SELECT seen_at::timestamptz - e.starts_at::timestamp FROM events e");
        for (String alone : new String[] {"SELECT id - 1, ends_at::date - day FROM events",
                "SELECT 2 * ends_at - starts_at FROM events", "SELECT ends_at - starts_at * 2 FROM events",
                "SELECT id FROM events WHERE ends_at - starts_at::timestamp > '1 hour'"}) {
            assertThat(rewrite(alone)).as(alone).isSameAs(alone);
        }
    }
}
