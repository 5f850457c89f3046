package io.pgbridge.translation.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineExpressionsTest {

    @Test
    void bitwiseAndIsBitand() {
        assertThat(EngineExpressions.bitwiseAnd("select t.opt[2] & 1::smallint, x from t"))
                .isEqualTo("select BITAND(t.opt[2] , 1::smallint), x from t");
    }

    @Test
    void subscriptsOutOfBoundsAreNull() {
        assertThat(EngineExpressions.safeSubscripts("where a.attnum = con.conkey[pos.n] and x = ARRAY[1]"))
                .isEqualTo("where a.attnum = CASE WHEN (pos.n) BETWEEN 1 AND CARDINALITY(con.conkey)"
                        + " THEN con.conkey[pos.n] END and x = ARRAY[1]");
        assertThat(EngineExpressions.safeSubscripts("select (current_schemas(true))[1]"))
                .isEqualTo("select CASE WHEN (1) BETWEEN 1 AND CARDINALITY((current_schemas(true)))"
                        + " THEN (current_schemas(true))[1] END");
    }

    /** int2vector and oidvector columns count from 0, as in PostgreSQL: indkey[0] is the first key. */
    @Test
    void vectorSubscriptsStartAtZero() {
        assertThat(EngineExpressions.safeSubscripts("select i.indkey[0], indclass[n - 1] from pg_index i"))
                .isEqualTo("select CASE WHEN ((0) + 1) BETWEEN 1 AND CARDINALITY(i.indkey) THEN i.indkey[(0) + 1] END,"
                        + " CASE WHEN ((n - 1) + 1) BETWEEN 1 AND CARDINALITY(indclass) THEN indclass[(n - 1) + 1] END"
                        + " from pg_index i");
    }

    /** pgjdbc's getIndexInfo subscripts indoption through its subquery's alias for it. */
    @Test
    void aVectorsAliasCountsFromZeroToo() {
        assertThat(EngineExpressions.safeSubscripts("select tmp.I_INDOPTION[tmp.pos - 1], tmp.other[1] from"
                + " (select i.indoption AS I_INDOPTION, x AS other from pg_index i) tmp"))
                .isEqualTo("select CASE WHEN ((tmp.pos - 1) + 1) BETWEEN 1 AND CARDINALITY(tmp.I_INDOPTION)"
                        + " THEN tmp.I_INDOPTION[(tmp.pos - 1) + 1] END, CASE WHEN (1) BETWEEN 1 AND"
                        + " CARDINALITY(tmp.other) THEN tmp.other[1] END from (select i.indoption AS I_INDOPTION,"
                        + " x AS other from pg_index i) tmp");
    }

    /** psql's \\d+: a toast table's options, each prefixed. */
    @Test
    void anArrayOfAnUnnestMapsEachElement() {
        assertThat(EngineExpressions.arrayOfUnnest("select c.reloptions || array(select 'toast.' || x from"
                + " unnest(tc.reloptions) x), 1"))
                .isEqualTo("select c.reloptions || pgbridge_array_map(tc.reloptions, 'SELECT ''toast.'' || x FROM"
                        + " (SELECT ? AS x) AS x'), 1");
        // psql's \dy: an event trigger's tags
        assertThat(EngineExpressions.arrayOfUnnest("select array_to_string(array(select x from"
                + " pg_catalog.unnest(evttags) as t(x)), ', ') from pg_event_trigger e"))
                .isEqualTo("select array_to_string(pgbridge_array_map(evttags, 'SELECT x FROM (SELECT ? AS x) AS t'),"
                        + " ', ') from pg_event_trigger e");
    }

    /** pgjdbc's getPrimaryKeys, shortened. */
    @Test
    void expandArrayInASelectListJoinsThePositions() {
        String sql = "SELECT r.k FROM (SELECT a.attname, (information_schema._pg_expandarray(con.conkey)).n AS seq,"
                + " information_schema._pg_expandarray(con.conkey) AS keys FROM pg_constraint con JOIN pg_attribute a"
                + " ON a.attrelid = con.conrelid WHERE con.contype = 'p' OR false ORDER BY 1) r WHERE a = (r.keys).x";
        assertThat(EngineExpressions.expandArrays(sql)).isEqualTo("SELECT r.k FROM (SELECT a.attname,"
                + " (CAST(ROW((con.conkey)[pgbridge_positions1.n], pgbridge_positions1.n) AS ROW(x int, n int))).n AS seq,"
                + " CAST(ROW((con.conkey)[pgbridge_positions1.n], pgbridge_positions1.n) AS ROW(x int, n int)) AS keys"
                + " FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid"
                + "  , generate_series(1, 32) AS pgbridge_positions1(n) WHERE ( con.contype = 'p' OR false"
                + " ) AND pgbridge_positions1.n <= CARDINALITY(con.conkey) ORDER BY 1) r WHERE a = (r.keys).x");
    }
}
