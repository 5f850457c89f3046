package io.pgbridge.backend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are PostgreSQL 15's: {@code pg_get_keywords()} and {@code quote_ident()}. */
class PostgresKeywordsTest {
    @Test
    void theListIsPostgresFifteens() {
        assertThat(PostgresKeywords.all()).hasSize(460);
        assertThat(PostgresKeywords.all().stream().filter(k -> k.category() == 'R')).hasSize(77);
        assertThat(PostgresKeywords.all().getFirst()).isEqualTo(new PostgresKeywords.Keyword("abort", 'U', true));
        assertThat(PostgresKeywords.all().stream().filter(k -> k.word().equals("between")).findFirst().orElseThrow()
                .categoryDescription()).isEqualTo("unreserved (cannot be function or type name)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"abort|abort", "between|\"between\"", "int|\"int\"",
            "select|\"select\"", "Ab|\"Ab\"", "a$b|\"a$b\"", "1a|\"1a\"", "_x1|_x1", "a\"b|\"a\"\"b\"", "`a b`|\"a b\""})
    void quotesAsQuoteIdent(String name, String quoted) {
        assertThat(PostgresKeywords.quoteIdentifier(name)).isEqualTo(quoted);
    }
}
