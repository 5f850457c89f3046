package io.pgbridge.proxy.compat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusFileTest {

    @Test
    void readsIdsExpectedErrorsAndLines() {
        CorpusFile file = CorpusFile.parse("x.sql", """
                -- A header comment is not a directive.

                -- id: first
                CREATE TABLE t (a text);  -- trailing comment

                -- id: second
                -- error: 23505
                INSERT INTO t
                VALUES ('a;b');
                """);
        assertThat(file.statements()).containsExactly(
                new CorpusStatement("first", "x.sql", 4, "CREATE TABLE t (a text)", null, false),
                new CorpusStatement("second", "x.sql", 8, "INSERT INTO t\nVALUES ('a;b')", "23505", false));
    }

    @Test
    void aStatementWithoutIdIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> CorpusFile.parse("x.sql", "-- id: a\nSELECT 1;\n\nSELECT 2;"))
                .hasMessageContaining("x.sql:4").hasMessageContaining("no '-- id: name' line");
    }

    @Test
    void malformedDirectivesAreRejected() {
        assertThatThrownBy(() -> CorpusFile.parse("x.sql", "-- id: Upper Case\nSELECT 1;"))
                .hasMessageContaining("x.sql:2: malformed line");
        assertThatThrownBy(() -> CorpusFile.parse("x.sql", "-- id: a\n-- error: dup\nSELECT 1;"))
                .hasMessageContaining("malformed line '-- error: dup'");
        assertThatThrownBy(() -> CorpusFile.parse("x.sql", "-- id: a\n-- id: b\nSELECT 1;"))
                .hasMessageContaining("two '-- id:' lines");
    }

    @Test
    void onlyATopLevelOrderByOrdersTheRows() {
        for (String ordered : List.of("SELECT a FROM t ORDER BY a", "SELECT a FROM t UNION SELECT b FROM u order\nby 1",
                "WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1")) {
            assertThat(CorpusFile.hasTopLevelOrderBy(ordered)).as(ordered).isTrue();
        }
        for (String unordered : List.of("SELECT row_number() OVER (ORDER BY a) FROM t",
                "SELECT string_agg(a, ',' ORDER BY a) FROM t", "SELECT * FROM (SELECT a FROM t ORDER BY a) s",
                "SELECT 'ORDER BY' AS words, \"order\" FROM t", "INSERT INTO t SELECT 1 RETURNING id")) {
            assertThat(CorpusFile.hasTopLevelOrderBy(unordered)).as(unordered).isFalse();
        }
    }
}
