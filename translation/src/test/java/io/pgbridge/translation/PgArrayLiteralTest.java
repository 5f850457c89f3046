package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        for (String malformed : new String[] {"a,b", "{a,,b}", "{\"open}"}) {
            assertThatThrownBy(() -> PgArrayLiteral.elements(malformed)).as(malformed)
                    .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"))
                    .hasMessageContaining("malformed array literal");
        }
        assertThatThrownBy(() -> PgArrayLiteral.elements("{{1,2},{3,4}}"))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }
}
