package io.pgbridge.translation.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSqlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select 1 from pg_catalog.pg_class c|select 1 from pg_class c",
            "select pg_catalog.format_type(a.atttypid, a.atttypmod)|select format_type(a.atttypid, a.atttypmod)",
            "select x::pg_catalog.int2[]|select x::int2 array",
            "where c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default|where c.relname ~ '^(t)$' ",
            "select conrelid::pg_catalog.regclass AS ontable|select pgbridge_regclass_name(conrelid) AS ontable",
            "where d.classoid = 'pg_class'::regclass|where d.classoid = pgbridge_regclass_oid('pg_class')",
            "select c.oid::pg_catalog.regclass::pg_catalog.text|select pgbridge_regclass_name(c.oid)::text",
            "select typinput='pg_catalog.array_in'::regproc|select typinput=CAST(pgbridge_regproc_oid('pg_catalog.array_in') AS numeric(12))",
            "select x::oid, n::name|select x::numeric(10), n::varchar(63)",
            "where pol.polroles = '{0}'|where pol.polroles = ARRAY['0']",
            "from pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)"
                    + "|from (SELECT oid AS relid, 1 AS depth FROM pg_class) AS a",
            "select pg_get_userbyid(f(x)::regrole)|select pg_get_userbyid(pgbridge_regrole_name(f(x)))",
            "select table_name from information_schema.tables|select table_name from pgbridge_information_schema.tables"})
    void rewritesWhatTheEngineReadsOtherwise(String sql, String engineSql) {
        assertThat(CatalogSql.regCasts(CatalogSql.rewrite(sql))).isEqualToNormalizingWhitespace(engineSql);
    }

    @Test
    void callsTheEngineFunctionsAndKeepsPostgresColumnNames() {
        assertThat(CatalogSql.translate("select pg_catalog.format_type(a.atttypid, a.atttypmod) from pg_attribute a").sql())
                .isEqualTo("select pgbridge_format_type(a.atttypid, a.atttypmod) AS \"format_type\" from pg_attribute a");
    }

    @Test
    void aFunctionReturningNameIsTypedAsTheEnginesNameColumns() {
        assertThat(CatalogSql.translate("select pg_catalog.pg_get_userbyid(c.relowner) from pg_class c").sql())
                .isEqualTo("select CAST(pgbridge_pg_get_userbyid(c.relowner) AS varchar(63)) AS \"pg_get_userbyid\""
                        + " from pg_class c");
    }

    @Test
    void aCastToRegclassKeepsTheColumnsName() {
        assertThat(CatalogSql.translate("select c.conrelid::pg_catalog.regclass from pg_constraint c").sql())
                .isEqualTo("select pgbridge_regclass_name(c.conrelid) AS \"conrelid\" from pg_constraint c");
    }

    @Test
    void recognisesCatalogQueries() {
        assertThat(CatalogQueries.references("SELECT nspname FROM pg_catalog.pg_namespace")).isTrue();
        assertThat(CatalogQueries.references("select * from pg_class")).isTrue();
        assertThat(CatalogQueries.references("select pg_get_userbyid(10)")).isTrue();
        assertThat(CatalogQueries.references("select * from pg_class_archive")).isFalse();
        assertThat(CatalogQueries.references("select 'pg_class' as t")).isFalse();
        assertThat(CatalogQueries.references("select * from app.pg_class")).isFalse();
        assertThat(CatalogQueries.references("select 'int4'::regtype")).isTrue();
        assertThat(CatalogQueries.references("select 'int4'::pg_catalog.regtype")).isTrue();
        assertThat(CatalogQueries.references("select * from pg_get_keywords()")).isTrue();
        assertThat(CatalogQueries.references("select region::text from sales")).isFalse();
    }

    @Test
    void aRegLiteralShownInTheSelectListIsTheObjectsNameAndAnOidWhereCompared() {
        assertThat(CatalogSql.translate("select 'int4'::regtype, 'fcheck'::regclass c").sql()).isEqualTo(
                "select pgbridge_regtype_name(pgbridge_regtype_oid('int4')) AS \"regtype\","
                        + " pgbridge_regclass_name(pgbridge_regclass_oid('fcheck')) c");
        assertThat(CatalogSql.translate("select relname from pg_class where oid = 't'::regclass").sql()).isEqualTo(
                "select relname from pg_class where oid = pgbridge_regclass_oid('t')");
        assertThat(CatalogSql.translate("select 't'::regclass::oid").sql())
                .isEqualTo("select pgbridge_regclass_oid('t')::numeric(10) AS \"oid\"");
        assertThat(CatalogSql.translate("select oid in (select 't'::regclass) from pg_class").sql())
                .contains("(select pgbridge_regclass_oid('t')");
    }

    @Test
    void pgGetKeywordsIsTheEnginesTableOfItsRows() {
        assertThat(CatalogSql.translate("select word from pg_catalog.pg_get_keywords() where catcode = 'R'").sql())
                .isEqualTo("select word from pgbridge_keywords AS pg_get_keywords where catcode = 'R'");
        assertThat(CatalogSql.translate("select k.word from pg_get_keywords() k").sql())
                .isEqualTo("select k.word from pgbridge_keywords k");
    }

    /** psql's tab completion: a later branch's NULL::text leaves the column the first branch's name, as in PostgreSQL. */
    @Test
    void typedNullsOfLaterSetBranchesTakeTheFirstBranchesType() {
        assertThat(CatalogSql.rewrite("SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c UNION ALL"
                + " SELECT NULL::pg_catalog.text, (SELECT NULL::text) FROM pg_catalog.pg_namespace n"))
                .isEqualTo("SELECT c.relname, NULL::text FROM pg_class c UNION ALL"
                        + " SELECT NULL, (SELECT NULL::text) FROM pg_namespace n");
    }

    /** A subscripted column keeps its name, as in PostgreSQL; a vector's subscripts count from 0. */
    @Test
    void subscriptsAreSafeAndNamedAfterTheColumn() {
        String sql = CatalogSql.translate("select i.indkey[0], c.conkey[2] from pg_index i, pg_constraint c").sql();
        assertThat(sql).contains("i.indkey[(0) + 1]", "AS \"indkey\"", "AS \"conkey\"");
    }
}
