package io.pgbridge.translation.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSyntaxForH2Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select s from string_to_array(x, ',') s|select s from (SELECT string_to_array(x, ',') AS s) AS s",
            "select v from f(1) as t(v)|select v from (SELECT f(1) AS v) AS t",
            "select 1 from f(1)|select 1 from (SELECT f(1) AS f) AS f",
            "select i from generate_series(1, 3) as i, string_to_array(x, ',') s|"
                    + "select i from generate_series(1, 3) as i(i), (SELECT string_to_array(x, ',') AS s) AS s",
            "select 1 from generate_series(1, 3) as g(n)|select 1 from generate_series(1, 3) as g(n)",
            "select 1 from pg_class c join f(c.oid) x on true|select 1 from pg_class c join (SELECT f(c.oid) AS x) AS x on true",
            "select f(a), g(b) from t|select f(a), g(b) from t",
            "select 1 from t where a in (select f(x) from u)|select 1 from t where a in (select f(x) from u)",
            "select t.a as table, b as select from t|select t.a as \"table\", b as \"select\" from t",
            "select cast(x as interval) from t|select cast(x as interval) from t",
            "with w as not materialized (select 1) select 1|with w as not materialized (select 1) select 1",
            "select case k when 'r' then 'TABLE' else 'OTHER' end|"
                    + "select case k when 'r' then CAST('TABLE' AS varchar) else CAST('OTHER' AS varchar) end",
            "select case when b then 'pg_class'::regclass end|select case when b then 'pg_class'::regclass end",
            "select case when p = 'x' then 'a' else t.typtype end|"
                    + "select case when p = 'x' then CAST('a' AS char(1)) else t.typtype end",
            "select case when p then 'ab' else t.name end|select case when p then 'ab' else t.name end",
            "select case when a then (case when b then 'x' else c end) else 'y' end|"
                    + "select case when a then (case when b then CAST('x' AS char(1)) else c end)"
                    + " else CAST('y' AS char(1)) end"})
    void readsAsPostgresDoes(String sql, String engineSql) {
        assertThat(PostgresSyntaxForH2.rewrite(sql)).isEqualTo(engineSql);
    }

    @Test
    void aCastOfANameToRegclassThenToOidIsTheOid() {
        assertThat(CatalogSql.regCasts("select CAST(CAST(format('%I.%I', s, t) AS REGCLASS) AS OID)"))
                .isEqualTo("select CAST(pgbridge_regclass_oid(format('%I.%I', s, t)) AS OID)");
        assertThat(CatalogSql.regCasts("select CAST(c.oid AS regclass), CAST('t' AS regclass)"))
                .isEqualTo("select pgbridge_regclass_name(c.oid), pgbridge_regclass_oid('t')");
    }

    @Test
    void quotedCatalogNamesAreCatalogNames() {
        assertThat(CatalogQueries.references("SELECT \"c\".\"relname\" FROM \"pg_catalog\".\"pg_class\" AS \"c\"")).isTrue();
        assertThat(CatalogQueries.references("SELECT 1 FROM \"pg_constraint\" AS \"c\"")).isTrue();
        assertThat(CatalogQueries.references("SELECT 1 FROM \"my_table\"")).isFalse();
        assertThat(CatalogSql.rewrite("select 1 from \"pg_catalog\".\"pg_class\", \"information_schema\".\"columns\""))
                .isEqualTo("select 1 from \"pg_class\", pgbridge_information_schema.\"columns\"");
    }
}
