package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TypeNameRewriterTest {
    private static final Map<String, String> H2 = Map.of("timestamptz", "timestamp with time zone", "jsonb", "text");

    @Test
    void replacesUnquotedTypeNamesInDdlAndCasts() {
        assertThat(TypeNameRewriter.rewrite("create table t (a TimestampTZ default now(), b jsonb)", H2))
                .isEqualTo("create table t (a timestamp with time zone default now(), b text)");
        assertThat(TypeNameRewriter.rewrite("select '2024-01-01'::timestamptz, x::jsonb from t", H2))
                .isEqualTo("select '2024-01-01'::timestamp with time zone, x::text from t");
    }

    @Test
    void leavesStringsCommentsAndQuotedIdentifiersAlone() {
        String sql = "select 'timestamptz', \"jsonb\", $$jsonb$$ -- timestamptz\n /* jsonb */ from timestamptz_log";
        assertThat(TypeNameRewriter.rewrite(sql, H2)).isSameAs(sql);
    }

    @Test
    void noAliasesMeansTheSameString() {
        String sql = "select 1::timestamptz";
        assertThat(TypeNameRewriter.rewrite(sql, Map.of())).isSameAs(sql);
    }
}
