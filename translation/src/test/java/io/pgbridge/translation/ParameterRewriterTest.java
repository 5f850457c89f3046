package io.pgbridge.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterRewriterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("select 1", false, "select 1", new int[0], 0),
                Arguments.of("select $1", false, "select ?", new int[] {0}, 1),
                Arguments.of("select $1::int, $2", false, "select ?::int, ?", new int[] {0, 1}, 2),
                Arguments.of("select $2, $1, $2", false, "select ?, ?, ?", new int[] {1, 0, 1}, 2),
                Arguments.of("select $10 + $1", false, "select ? + ?", new int[] {9, 0}, 10),
                Arguments.of("select $3", false, "select ?", new int[] {2}, 3),
                Arguments.of("select $1,$1", false, "select ?,?", new int[] {0, 0}, 1),
                Arguments.of("select '$1', $1", false, "select '$1', ?", new int[] {0}, 1),
                Arguments.of("select E'\\'$1', $1", false, "select E'\\'$1', ?", new int[] {0}, 1),
                Arguments.of("select $$ $1 $$, $1", false, "select $$ $1 $$, ?", new int[] {0}, 1),
                Arguments.of("select $q$ $1 $q$, $2", false, "select $q$ $1 $q$, ?", new int[] {1}, 2),
                Arguments.of("select \"$1\" -- $2\n, $1 /* $3 */", false,
                        "select \"$1\" -- $2\n, ? /* $3 */", new int[] {0}, 1),
                Arguments.of("select a$1 from t", false, "select a$1 from t", new int[0], 0),
                Arguments.of("select $0", false, "select $0", new int[0], 0),
                Arguments.of("select $99999", false, "select $99999", new int[0], 0),
                Arguments.of("select j ? 'a'", false, "select j ? 'a'", new int[0], 0),
                Arguments.of("select j ? 'a'", true, "select j ?? 'a'", new int[0], 0),
                Arguments.of("select j ?| $1, j ?& $2", true, "select j ??| ?, j ??& ?", new int[] {0, 1}, 2),
                Arguments.of("select j?$1", true, "select j???", new int[] {0}, 1),
                Arguments.of("select '?', \"?\", $$?$$ /* ? */ -- ?", true,
                        "select '?', \"?\", $$?$$ /* ? */ -- ?", new int[0], 0),
                Arguments.of("select $1 from t where x = 'unterminated $2", false,
                        "select ? from t where x = 'unterminated $2", new int[] {0}, 1));
    }

    @ParameterizedTest(name = "{0} escape={1}")
    @MethodSource("cases")
    void rewrites(String sql, boolean escape, String expectedSql, int[] order, int count) {
        JdbcSql result = ParameterRewriter.rewrite(sql, escape);
        assertThat(result.sql()).isEqualTo(expectedSql);
        assertThat(result.parameterOrder()).containsExactly(order);
        assertThat(result.parameterCount()).isEqualTo(count);
        assertThat(result.markerCount()).isEqualTo(order.length);
    }

    @Test
    void oneArgumentFormDoesNotEscape() {
        assertThat(ParameterRewriter.rewrite("select j ? $1").sql()).isEqualTo("select j ? ?");
    }

    @Test
    void resultIsAValueAndCannotBeChangedThroughTheArray() {
        JdbcSql a = ParameterRewriter.rewrite("select $2, $1");
        a.parameterOrder()[0] = 7;
        assertThat(a.parameterAt(0)).isEqualTo(1);
        assertThat(a).isEqualTo(ParameterRewriter.rewrite("select $2, $1"));
        assertThat(a.hashCode()).isEqualTo(ParameterRewriter.rewrite("select $2, $1").hashCode());
        assertThat(a).isNotEqualTo(ParameterRewriter.rewrite("select $1, $2"));
    }

    @Test
    void manyParametersGrowTheOrder() {
        StringBuilder sql = new StringBuilder("select ");
        StringBuilder expected = new StringBuilder("select ");
        for (int i = 20; i >= 1; i--) {
            sql.append('$').append(i).append(i > 1 ? "," : "");
            expected.append('?').append(i > 1 ? "," : "");
        }
        JdbcSql result = ParameterRewriter.rewrite(sql.toString());
        assertThat(result.sql()).isEqualTo(expected.toString());
        assertThat(result.parameterCount()).isEqualTo(20);
        assertThat(result.parameterAt(0)).isEqualTo(19);
        assertThat(result.parameterAt(19)).isEqualTo(0);
    }
}
