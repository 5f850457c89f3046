package io.pgbridge.backend.h2;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's answers for the same operators on json values. */
class H2FunctionsTest {
    private static final String DOC = "{\"a\": 1, \"b\": \"x\\ny\", \"c\": [10, {\"d\": null}, \"e\"], \"f\": {\"g\": true}}";

    @Test
    void arrowReturnsJsonText() {
        assertThat(H2Functions.jsonGet(DOC, "a")).isEqualTo("1");
        assertThat(H2Functions.jsonGet(DOC, "b")).isEqualTo("\"x\\ny\"");
        assertThat(H2Functions.jsonGet(DOC, "f")).isEqualTo("{\"g\": true}");
        assertThat(H2Functions.jsonGet(DOC, "zz")).isNull();
        assertThat(H2Functions.jsonGet("[1, 2, 3]", "1")).isEqualTo("2");
        assertThat(H2Functions.jsonGet("[1, 2, 3]", "-1")).isEqualTo("3");
        assertThat(H2Functions.jsonGet("[1, 2, 3]", "5")).isNull();
        assertThat(H2Functions.jsonGet("\"scalar\"", "a")).isNull();
        assertThat(H2Functions.jsonGet(null, "a")).isNull();
    }

    @Test
    void doubleArrowReturnsText() {
        assertThat(H2Functions.jsonGetText(DOC, "b")).isEqualTo("x\ny");
        assertThat(H2Functions.jsonGetText(DOC, "a")).isEqualTo("1");
        assertThat(H2Functions.jsonGetText(DOC, "c")).isEqualTo("[10, {\"d\": null}, \"e\"]");
        assertThat(H2Functions.jsonGetText("{\"n\": null}", "n")).isNull();
        assertThat(H2Functions.jsonGetText("{\"u\": \"\\u00e9\"}", "u")).isEqualTo("é");
    }

    @Test
    void pathsWalkObjectsAndArrays() {
        assertThat(H2Functions.jsonPath(DOC, "{c,1}")).isEqualTo("{\"d\": null}");
        assertThat(H2Functions.jsonPathText(DOC, "{f,g}")).isEqualTo("true");
        assertThat(H2Functions.jsonPathText(DOC, "{c,2}")).isEqualTo("e");
        assertThat(H2Functions.jsonPathText(DOC, "{c,9}")).isNull();
        assertThat(H2Functions.jsonPath(DOC, "{}")).isEqualTo(DOC);
    }

    @Test
    void stringAndDateFunctionsAnswerAsPostgresDoes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:strings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            H2Functions.register(c);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select initcap('hello wORLD-foo bar1x'), strpos('PostgreSQL', 'SQL'), "
                         + "reverse('abc'), split_part('a.b.c', '.', 2), split_part('a.b.c', '.', -1), "
                         + "split_part('a.b', '.', 5), starts_with('abc', 'ab'), md5('pgbridge'), "
                         + "make_date(2024, 7, 4), num_nulls(1, null, 3), num_nonnulls(1, null, 3)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Hello World-Foo Bar1x");
                assertThat(rs.getInt(2)).isEqualTo(8);
                assertThat(rs.getString(3)).isEqualTo("cba");
                assertThat(rs.getString(4)).isEqualTo("b");
                assertThat(rs.getString(5)).isEqualTo("c");
                assertThat(rs.getString(6)).isEmpty();
                assertThat(rs.getBoolean(7)).isTrue();
                assertThat(rs.getString(8)).isEqualTo("755650ecb0b33345cf5d32ee2dbe4ba1");   // PostgreSQL 15's
                assertThat(rs.getString(9)).isEqualTo("2024-07-04");
                assertThat(rs.getInt(10)).isEqualTo(1);
                assertThat(rs.getInt(11)).isEqualTo(2);
            }
        }
    }

    @Test
    void malformedJsonIsAnError() {
        assertThatThrownBy(() -> H2Functions.jsonGet("{\"a\" 1}", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void h2CallsThemByTheirAliases() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:functions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            H2Functions.register(c);
            H2Functions.register(c);   // idempotent
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select pgbridge_json_get_text('{\"k\": \"v\"}', 'k'), "
                         + "pgbridge_json_path('{\"k\": [1, 2]}', '{k,1}')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("v");
                assertThat(rs.getString(2)).isEqualTo("2");
            }
        }
    }

    @Test
    void timestampSeriesStepsByCalendarUnits() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:series;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            H2Functions.register(c);
            // SELECT * FROM generate_series(TIMESTAMP '2024-01-31', TIMESTAMP '2024-04-30', interval '1 month')
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select * from pgbridge_timestamp_series(TIMESTAMP '2024-01-31', "
                         + "TIMESTAMP '2024-04-30', INTERVAL '1' MONTH)")) {
                java.util.List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString("generate_series"));
                }
                assertThat(values).containsExactly("2024-01-31 00:00:00", "2024-02-29 00:00:00", "2024-03-29 00:00:00",
                        "2024-04-29 00:00:00");
            }
            // ... generate_series(TIMESTAMP '2024-03-01', TIMESTAMP '2024-02-29 22:00', interval '-1 hour')
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*), min(generate_series) from pgbridge_timestamp_series("
                         + "TIMESTAMP '2024-03-01', TIMESTAMP '2024-02-29 22:00', INTERVAL '-1' HOUR)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("2024-02-29 22:00:00");
            }
        }
    }

    /** PostgreSQL 15's quote_ident: keywords it reserves are quoted, unreserved ones ({@code name}) are not. */
    @Test
    void quotesIdentifiersAsPostgres() throws Exception {
        assertThat(H2Functions.quoteIdent("cat_books")).isEqualTo("cat_books");
        assertThat(H2Functions.quoteIdent("Cat")).isEqualTo("\"Cat\"");
        assertThat(H2Functions.quoteIdent("table")).isEqualTo("\"table\"");
        assertThat(H2Functions.quoteIdent("name")).isEqualTo("name");
        assertThat(H2Functions.quoteIdent("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(H2Functions.format("%I.%I", "public", "user")).isEqualTo("public.\"user\"");
    }
}
