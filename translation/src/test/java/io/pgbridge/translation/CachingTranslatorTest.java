package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingTranslatorTest {

    /** Upper-cases everything outside string literals and counts its calls: a translator whose output is visible. */
    private static final class RecordingTranslator implements Translator {
        final List<String> seen = new ArrayList<>();

        @Override
        public Translation translate(String statement) {
            seen.add(statement);
            if (statement.contains("nope")) {
                throw new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED, "nope", statement.indexOf("nope") + 1);
            }
            StringBuilder out = new StringBuilder();
            SqlLexer lexer = new SqlLexer(statement);
            while (lexer.next() != SqlLexer.TokenType.EOF) {
                out.append(lexer.type().isStringLiteral() ? lexer.text() : lexer.text().toUpperCase());
            }
            return new Translation(out.toString());
        }
    }

    @Test
    void aTextSentAgainIsKeptByTextFromItsSecondSightingOn() {
        List<String> seen = new ArrayList<>();
        // Writes every literal twice: the shape's stand-ins do not survive once, so each text is translated anew.
        Translator valueDependent = statement -> {
            seen.add(statement);
            return new Translation(statement + " /* " + statement + " */");
        };
        CachingTranslator cache = new CachingTranslator(valueDependent, 100);
        String sql = "select a from t where b = 42";
        for (int i = 0; i < 4; i++) {
            assertThat(cache.translate(new String(sql.toCharArray())).sql()).isEqualTo(sql + " /* " + sql + " */");
        }
        // the shape, then the text twice (first sighting, second sighting that admits it); then by text
        assertThat(seen).hasSize(3);
        assertThat(cache.translate("select a from t where b = 43").sql()).contains("b = 43");
        assertThat(seen).hasSize(4);
    }

    @Test
    void statementsThatDifferOnlyInLiteralsShareOneTranslation() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        assertThat(cache.translate("select abalance from pgbench_accounts where aid = 17").sql())
                .isEqualTo("SELECT ABALANCE FROM PGBENCH_ACCOUNTS WHERE AID = 17");
        assertThat(cache.translate("select abalance from pgbench_accounts where aid = 99123").sql())
                .isEqualTo("SELECT ABALANCE FROM PGBENCH_ACCOUNTS WHERE AID = 99123");
        assertThat(cache.translate("select abalance from pgbench_accounts where aid = 99123").sql())
                .isEqualTo("SELECT ABALANCE FROM PGBENCH_ACCOUNTS WHERE AID = 99123");
        assertThat(inner.seen).hasSize(1);
        assertThat(inner.seen.get(0)).doesNotContain("= 17");
    }

    @Test
    void stringsAndDecimalsAreReplacedButKeepTheirKind() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        assertThat(cache.translate("insert into t values (1, 'it''s', 2.50)").sql())
                .isEqualTo("INSERT INTO T VALUES (1, 'it''s', 2.50)");
        assertThat(cache.translate("insert into t values (2, 'b', 3.5)").sql())
                .isEqualTo("INSERT INTO T VALUES (2, 'b', 3.5)");
        assertThat(cache.translate("insert into t values (2, 'b', 3)").sql())
                .isEqualTo("INSERT INTO T VALUES (2, 'b', 3)");
        assertThat(inner.seen).hasSize(2);   // an integer where a decimal was is another shape
        assertThat(inner.seen.get(0)).matches("insert into t values \\(\\d+, 'pgbridge\\.literal\\.1', \\d+\\.5\\)");
    }

    @Test
    void literalsWhoseValueCanMatterAreKept() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        cache.translate("select date_trunc('month', ts), '1 day'::interval, interval '2 hours', j ->> 'name' from t");
        assertThat(inner.seen.get(0))
                .isEqualTo("select date_trunc('month', ts), '1 day'::interval, interval '2 hours', j ->> 'name' from t");
        cache.translate("select date_trunc('year', ts), '1 day'::interval, interval '2 hours', j ->> 'name' from t");
        assertThat(inner.seen).hasSize(2);
        // jsonb - 'key' deletes a key where x - '5' subtracts: the string after a minus is the translator's to read
        cache.translate("update t set doc = doc - 'limit', n = n - 1");
        assertThat(inner.seen.get(2)).startsWith("update t set doc = doc - 'limit', n = n - ");
    }

    @Test
    void aTranslationThatConsumesALiteralIsNotUsedAsATemplate() {
        List<String> seen = new ArrayList<>();
        // Folds "x = 'literal'" into a function call whose argument is built from the value: the stand-in vanishes.
        Translator consuming = sql -> {
            seen.add(sql);
            return new Translation(sql.replaceAll("= '([^']*)'", "= upper('$1!')"));
        };
        CachingTranslator cache = new CachingTranslator(consuming, 100);
        assertThat(cache.translate("select 1 from t where a = 'x'").sql()).isEqualTo("select 1 from t where a = upper('x!')");
        assertThat(cache.translate("select 1 from t where a = 'y'").sql()).isEqualTo("select 1 from t where a = upper('y!')");
        // Once with the stand-in (no template), then each statement on its own.
        assertThat(seen).hasSize(3);
    }

    @Test
    void aTranslationThatRepeatsALiteralIsNotUsedAsATemplate() {
        Translator duplicating = sql -> new Translation(sql + " /* " + sql + " */");
        CachingTranslator cache = new CachingTranslator(duplicating, 100);
        assertThat(cache.translate("select 1 where 2 = 3").sql()).isEqualTo("select 1 where 2 = 3 /* select 1 where 2 = 3 */");
        assertThat(cache.translate("select 1 where 2 = 4").sql()).isEqualTo("select 1 where 2 = 4 /* select 1 where 2 = 4 */");
    }

    @Test
    void failuresAreCachedAndTheirPositionsPointIntoTheOriginal() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        String sql = "select 'a' = 'bb', nope from t";
        assertThatThrownBy(() -> cache.translate(sql)).isInstanceOfSatisfying(TranslationException.class,
                e -> assertThat(e.position()).isEqualTo(sql.indexOf("nope") + 1));
        assertThatThrownBy(() -> cache.translate("select 'ccc' = 'd', nope from t"))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.position()).isEqualTo("select 'ccc' = 'd', nope from t".indexOf("nope") + 1));
        assertThat(inner.seen).hasSize(1);
    }

    @Test
    void parametersAndStatementsWithoutLiteralsAreCachedExactly() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        cache.translate("select * from t where a = $1");
        cache.translate("select * from t where a = $1");
        assertThat(inner.seen).containsExactly("select * from t where a = $1");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aStatementContainingAStandInTextIsNotShaped() {
        RecordingTranslator inner = new RecordingTranslator();
        CachingTranslator cache = new CachingTranslator(inner, 100);
        assertThat(cache.translate("select 1 where x = 817000003 and y = 'pgbridge.literal.1'").sql())
                .isEqualTo("SELECT 1 WHERE X = 817000003 AND Y = 'pgbridge.literal.1'");
    }
}
