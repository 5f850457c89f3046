package io.pgbridge.translation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgbridge.translation.StatementSplitter.Span;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("select 1", List.of("select 1")),
                Arguments.of("select 1;", List.of("select 1")),
                Arguments.of("  select 1 ;  select 2  ", List.of("select 1", "select 2")),
                Arguments.of("select 1;;;select 2;", List.of("select 1", "select 2")),
                Arguments.of("select ';'; select 2", List.of("select ';'", "select 2")),
                Arguments.of("select 'a'';b'; x", List.of("select 'a'';b'", "x")),
                Arguments.of("select E'\\';'; x", List.of("select E'\\';'", "x")),
                Arguments.of("select '\\'; x", List.of("select '\\'", "x")),
                Arguments.of("select \"a;b\"; x", List.of("select \"a;b\"", "x")),
                Arguments.of("select $$a;b$$; x", List.of("select $$a;b$$", "x")),
                Arguments.of("select $f$ $$;$$ ; $f$; x", List.of("select $f$ $$;$$ ; $f$", "x")),
                Arguments.of("select 1 -- c; not here\n; x", List.of("select 1", "x")),
                Arguments.of("select /* ; /* ; */ ; */ 1; x", List.of("select /* ; /* ; */ ; */ 1", "x")),
                Arguments.of("/* lead */ select 1 /* trail */; x", List.of("select 1", "x")),
                Arguments.of("select (1;2); x", List.of("select (1;2)", "x")),
                Arguments.of("select 1); x", List.of("select 1)", "x")),
                Arguments.of("select $1; select $2", List.of("select $1", "select $2")),
                Arguments.of(
                        "create function f() returns int language sql begin atomic select 1; select 2; end; x",
                        List.of("create function f() returns int language sql begin atomic select 1; select 2; end",
                                "x")),
                Arguments.of(
                        "CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; "
                                + "SELECT 2; END; CALL p()",
                        List.of("CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; "
                                + "SELECT 2; END", "CALL p()")),
                Arguments.of("begin; select 1; end;", List.of("begin", "select 1", "end")),
                Arguments.of("create table t (a int); begin; commit",
                        List.of("create table t (a int)", "begin", "commit")),
                Arguments.of("select 'abc; select 2", List.of("select 'abc; select 2")),
                Arguments.of("select 1; select $$abc; x", List.of("select 1", "select $$abc; x")),
                Arguments.of("select 1; /* open ; select 2", List.of("select 1", "/* open ; select 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String sql, List<String> expected) {
        assertThat(StatementSplitter.split(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "", "   ", ";", " ; ;\n;", "-- only a comment", "/* c */ ; -- d\n ;"})
    void emptyQueryHasNoStatements(String sql) {
        assertThat(StatementSplitter.split(sql)).isEmpty();
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String sql = " select 1 ;\n  select 2";
        assertThat(StatementSplitter.spans(sql)).containsExactly(new Span(1, 9), new Span(14, 22));
    }
}
