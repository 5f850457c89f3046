package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PgArrayLiteralTest {
    @Test
    void readsElementsAsArrayInDoes() {
        assertThat(PgArrayLiteral.elements("{sql,advanced}")).containsExactly("sql", "advanced");
        assertThat(PgArrayLiteral.elements(" { 3 , 5 } ")).containsExactly("3", "5");
        assertThat(PgArrayLiteral.elements("{}")).isEmpty();
        assertThat(PgArrayLiteral.elements("{\"a b\",NULL,null,\"NULL\",\"q\\\"x\",b\\,c}"))
                .containsExactlyElementsOf(Arrays.asList("a b", null, null, "NULL", "q\"x", "b,c"));
    }

    @Test
    void refusesWhatPostgresRefusesOrWhatIsNotOneDimensional() {
        assertThat(PgArrayLiteral.elements("a,b")).isNull();
        assertThat(PgArrayLiteral.elements("{a,,b}")).isNull();
        assertThat(PgArrayLiteral.elements("{{1,2},{3,4}}")).isNull();
        assertThat(PgArrayLiteral.elements("{\"open}")).isNull();
    }
}
