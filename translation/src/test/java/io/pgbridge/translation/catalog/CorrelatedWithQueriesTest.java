package io.pgbridge.translation.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelatedWithQueriesTest {

    /** asyncpg's walk of a domain's base types, shortened: t is the outer query's. */
    @Test
    void aWithThatRefersToTheOuterQueryRunsPerRow() {
        String sql = "SELECT t.oid, (CASE WHEN t.typtype = 'd' THEN (WITH RECURSIVE typebases(oid, depth) AS ("
                + "SELECT t2.typbasetype AS oid, 0 AS depth FROM pg_type t2 WHERE t2.oid = t.oid UNION ALL"
                + " SELECT t2.typbasetype, tb.depth + 1 FROM pg_type t2, typebases tb WHERE tb.oid = t2.oid"
                + " AND t2.typbasetype != 0) SELECT oid FROM typebases ORDER BY depth DESC LIMIT 1) ELSE NULL END)"
                + " AS basetype FROM pg_type AS t";
        assertThat(CorrelatedWithQueries.rewrite(sql)).isEqualTo("SELECT t.oid, (CASE WHEN t.typtype = 'd' THEN"
                + " pgbridge_scalar_query('WITH RECURSIVE typebases(oid, depth) AS (SELECT t2.typbasetype AS oid,"
                + " 0 AS depth FROM pg_type t2 WHERE t2.oid = ? UNION ALL SELECT t2.typbasetype, tb.depth + 1 FROM"
                + " pg_type t2, typebases tb WHERE tb.oid = t2.oid AND t2.typbasetype != 0) SELECT oid FROM"
                + " typebases ORDER BY depth DESC LIMIT 1', CAST(t.oid AS varchar)) ELSE NULL END) AS basetype FROM pg_type AS t");
    }

    @Test
    void aWithOfItsOwnStaysAsItIs() {
        String top = "WITH x AS (SELECT 1 AS a) SELECT a FROM x";
        String uncorrelated = "SELECT (WITH y AS (SELECT t.oid FROM pg_type t) SELECT count(*) FROM y)";
        assertThat(CorrelatedWithQueries.rewrite(top)).isSameAs(top);
        assertThat(CorrelatedWithQueries.rewrite(uncorrelated)).isSameAs(uncorrelated);
    }

    @Test
    void castParametersHaveTheCastsType() {
        assertThat(CatalogQueries.parameterCasts("SELECT 1 FROM pg_type t WHERE t.oid = any($1::oid[]) AND"
                + " t.typname = $2::pg_catalog.name AND $3 > 0")).isEqualTo(Map.of(1, "oid[]", 2, "name"));
    }
}
