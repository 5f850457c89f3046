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
                + " 0 AS depth FROM pg_type t2 WHERE t2.oid = $1 UNION ALL SELECT t2.typbasetype, tb.depth + 1 AS \"?column?\" FROM"
                + " pg_type t2, typebases tb WHERE tb.oid = t2.oid AND t2.typbasetype != 0) SELECT oid FROM"
                + " typebases ORDER BY depth DESC LIMIT 1', CAST(t.oid AS varchar)) ELSE NULL END) AS basetype FROM pg_type AS t");
    }

    /**
     * pgAdmin's check at connect that the user may signal backends: roles is the outer query's. The subquery is
     * translated as the rest (H2 wants a recursive WITH's columns named).
     */
    @Test
    void anArrayOfAWithThatRefersToTheOuterQueryRunsPerRow() {
        String sql = """
                SELECT CASE WHEN 'pg_signal_backend'=ANY(ARRAY(WITH RECURSIVE cte AS (
                SELECT pg_roles.oid,pg_roles.rolname FROM pg_roles WHERE pg_roles.oid = roles.oid
                UNION ALL
                SELECT m.roleid,pgr.rolname FROM cte cte_1
                JOIN pg_auth_members m ON m.member = cte_1.oid JOIN pg_roles pgr ON pgr.oid = m.roleid)
                SELECT rolname FROM cte)) THEN True ELSE False END as can_signal_backend
                FROM pg_roles as roles WHERE rolname = current_user""";
        assertThat(CorrelatedWithQueries.rewrite(sql)).isEqualTo("""
                SELECT CASE WHEN 'pg_signal_backend'=ANY(pgbridge_array_query('WITH RECURSIVE cte(oid, rolname) AS (
                SELECT pg_roles.oid,pg_roles.rolname FROM pg_roles WHERE pg_roles.oid = $1
                UNION ALL
                SELECT m.roleid,pgr.rolname FROM cte cte_1
                JOIN pg_auth_members m ON m.member = cte_1.oid JOIN pg_roles pgr ON pgr.oid = m.roleid)
                SELECT rolname FROM cte', CAST(roles.oid AS varchar))) THEN True ELSE False END as can_signal_backend
                FROM pg_roles as roles WHERE rolname = current_user""");
    }

    /** A parameter of the client's inside the WITH is bound as the outer references are. */
    @Test
    void aParameterInsideTheWithIsPassedOn() {
        String sql = "SELECT (WITH x AS (SELECT t.typname FROM pg_type t WHERE t.oid = $1 AND t.typowner = n.nspowner)"
                + " SELECT typname FROM x) FROM pg_namespace n";
        assertThat(CorrelatedWithQueries.rewrite(sql)).isEqualTo("SELECT pgbridge_scalar_query('WITH x AS (SELECT"
                + " t.typname FROM pg_type t WHERE t.oid = $1 AND t.typowner = $2) SELECT typname FROM x',"
                + " CAST($1 AS varchar), CAST(n.nspowner AS varchar)) FROM pg_namespace n");
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
