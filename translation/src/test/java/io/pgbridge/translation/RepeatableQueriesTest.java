package io.pgbridge.translation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatableQueriesTest {

    private static boolean repeatable(String sql) {
        return RepeatableQueries.isRepeatable(sql, StatementClassifier.classify(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT abalance FROM pgbench_accounts WHERE aid = $1",
        "select count(*), max(x), coalesce(name, 'n') from t where id in (1, 2) group by name",
        "select x::numeric(10,2), cast(y as varchar(20)) from t order by lower(z) limit 10",
        "with recent as (select * from t where d > now() - interval '1 day') select * from recent",
        "values (1, 'a'), (2, 'b')",
        "table t",
        "select row_number() over (partition by a order by b) from t",
        "select 'nextval(x)', \"insert\" from t -- for update",
    })
    void plainReadsAreRepeatable(String sql) {
        assertThat(repeatable(sql)).as(sql).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select nextval('s')",
        "select * from t for update",
        "select * from t for share skip locked",
        "with d as (delete from t returning *) select * from d",
        "select * into t2 from t",
        "select my_function(1)",
        "select pg_advisory_lock(1)",
        "select public.f(x) from t",
        "select \"Weird\"(x) from t",
        "select 1; select 2",
        "insert into t values (1) returning *",
        "update t set a = 1 returning a",
        "show work_mem",
    })
    void anythingThatMightChangeOrLockIsNot(String sql) {
        assertThat(repeatable(sql)).as(sql).isFalse();
    }
}
