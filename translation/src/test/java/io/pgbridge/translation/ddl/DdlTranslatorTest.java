package io.pgbridge.translation.ddl;

import io.pgbridge.translation.CachingTranslator;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import io.pgbridge.translation.Translators;
import io.pgbridge.translation.Translation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL written for each target; that it runs and answers as PostgreSQL does is DdlTranslationIT's part. */
class DdlTranslatorTest {
    /** MariaDB's check before a TRUNCATE of t (or of a and b): no other table's foreign key may reference them. */
    private static final String REFERENCED_T = "SET @pgbridge_ddl = IF(EXISTS (SELECT 1 FROM"
            + " information_schema.REFERENTIAL_CONSTRAINTS WHERE (UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME) IN"
            + " ((DATABASE(), 't')) AND (CONSTRAINT_SCHEMA, TABLE_NAME) NOT IN ((DATABASE(), 't'))),"
            + " 'SIGNAL SQLSTATE ''0A000'' SET MESSAGE_TEXT = ''cannot truncate a table referenced in a foreign key"
            + " constraint''', 'DO 0'); EXECUTE IMMEDIATE COALESCE(@pgbridge_ddl, 'DO 0'); ";
    private static final String REFERENCED_A_B = "SET @pgbridge_ddl = IF(EXISTS (SELECT 1 FROM"
            + " information_schema.REFERENTIAL_CONSTRAINTS WHERE (UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME) IN"
            + " ((DATABASE(), 'a'), (DATABASE(), 'b')) AND (CONSTRAINT_SCHEMA, TABLE_NAME) NOT IN ((DATABASE(), 'a'),"
            + " (DATABASE(), 'b'))), 'SIGNAL SQLSTATE ''0A000'' SET MESSAGE_TEXT = ''cannot truncate a table"
            + " referenced in a foreign key constraint''', 'DO 0'); EXECUTE IMMEDIATE COALESCE(@pgbridge_ddl, 'DO 0'); ";

    private static String h2(String sql) {
        return Translators.forTarget(SqlTarget.H2).translate(sql).sql();
    }

    private static String mariaDb(String sql) {
        return Translators.forTarget(SqlTarget.MARIADB).translate(sql).sql();
    }

    private static String sqlite(String sql) {
        return Translators.forTarget(SqlTarget.SQLITE).translate(sql).sql();
    }

    @Test
    void serialKeysAsEachBackendGeneratesThem() {
        String sql = "CREATE TABLE Orders (id serial PRIMARY KEY, Code text NOT NULL UNIQUE)";
        assertThat(h2(sql)).isEqualTo("CREATE TABLE \"orders\" (\"id\" serial PRIMARY KEY, \"code\" text NOT NULL UNIQUE)");
        assertThat(mariaDb(sql)).isEqualTo(
                "CREATE TABLE \"orders\" (\"id\" INT NOT NULL AUTO_INCREMENT PRIMARY KEY, \"code\" LONGTEXT NOT NULL UNIQUE)");
        assertThat(sqlite(sql)).isEqualTo(
                "CREATE TABLE \"orders\" (\"id\" integer PRIMARY KEY AUTOINCREMENT, \"code\" text NOT NULL UNIQUE)");
    }

    @Test
    void mariaDbAutoIncrementGetsAKeyAndItsStart() {
        assertThat(mariaDb("create table t (id bigint generated always as identity (start with 100), v int)"))
                .isEqualTo("CREATE TABLE \"t\" (\"id\" BIGINT NOT NULL AUTO_INCREMENT, \"v\" INT, KEY (\"id\"))"
                        + " AUTO_INCREMENT=100");
        assertThatThrownBy(() -> mariaDb("create table t (a serial, b bigserial)"))
                .hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    @Test
    void sqliteColumnsRefuseWhatTheirPostgresTypeRefuses() {
        assertThat(sqlite("alter table t add column a smallint")).isEqualTo("ALTER TABLE \"t\" ADD COLUMN \"a\" smallint");
        assertThat(sqlite("create table t (a smallint, b varchar(20) not null, c bigint)"))
                .isEqualTo("CREATE TABLE \"t\" (\"a\" smallint CONSTRAINT \"pgbridge_22P02_a\" CHECK (typeof(\"a\") <> 'text')"
                        + " CONSTRAINT \"pgbridge_22003_a\" CHECK (\"a\" BETWEEN -32768 AND 32767),"
                        + " \"b\" varchar(20) NOT NULL CONSTRAINT \"pgbridge_22001_b\" CHECK (length(rtrim(\"b\", ' ')) <= 20),"
                        + " \"c\" bigint CONSTRAINT \"pgbridge_22P02_c\" CHECK (typeof(\"c\") <> 'text'))");
    }

    @Test
    void sqliteMovesATableLevelKeyOntoItsSerialColumn() {
        assertThat(sqlite("create table t (id bigserial, v text, primary key (id))"))
                .isEqualTo("CREATE TABLE \"t\" (\"id\" integer PRIMARY KEY AUTOINCREMENT, \"v\" text)");
        assertThat(sqlite("create table t4 (id int default nextval('t4_id_seq'::regclass) not null, primary key (id))"))
                .isEqualTo("CREATE TABLE \"t4\" (\"id\" integer PRIMARY KEY AUTOINCREMENT)");
        assertThatThrownBy(() -> sqlite("create table t (id serial, v int)"))
                .hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    @Test
    void mariaDbKeysTextAsVarcharAndNamesColumnConstraintsAtTableLevel() {
        assertThat(mariaDb("create table c (code text primary key, p int constraint c_p check (p > 0)"
                + " references par (id) on delete set null)"))
                .isEqualTo("CREATE TABLE \"c\" (\"code\" VARCHAR(255) PRIMARY KEY, \"p\" INT REFERENCES \"par\" (\"id\")"
                        + " ON DELETE SET NULL, CONSTRAINT \"c_p\" CHECK (p > 0))");
        assertThatThrownBy(() -> mariaDb("create table c (p int references par)"))
                .hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    @Test
    void defaultsUseEachBackendsFunctions() {
        String sql = "create table t (c timestamptz default now(), u uuid default gen_random_uuid(),"
                + " j jsonb default '{}'::jsonb, b boolean default 'f'::boolean, n numeric default 0)";
        assertThat(h2(sql)).isEqualTo("CREATE TABLE \"t\" (\"c\" timestamp with time zone DEFAULT now(),"
                + " \"u\" uuid DEFAULT gen_random_uuid(), \"j\" text DEFAULT '{}'::jsonb, \"b\" boolean DEFAULT 'f'::boolean,"
                + " \"n\" numeric DEFAULT 0)");
        assertThat(mariaDb(sql)).isEqualTo("CREATE TABLE \"t\" (\"c\" DATETIME(6) COMMENT 'pgbridge:timestamptz'"
                + " DEFAULT (current_timestamp(6)),"
                + " \"u\" UUID DEFAULT (uuid()), \"j\" JSON DEFAULT ('{}'), \"b\" BOOLEAN DEFAULT (FALSE),"
                + " \"n\" DECIMAL(65,30) DEFAULT 0)");
        assertThat(sqlite(sql)).startsWith("CREATE TABLE \"t\" (\"c\" timestamptz DEFAULT"
                + " (strftime('%Y-%m-%d %H:%M:%f+00', 'now')), \"u\" uuid DEFAULT (lower(hex(randomblob(4))");
    }

    @Test
    void escapeAndDollarStringsBecomeStandardStrings() {
        assertThat(mariaDb("create table t (a text default E'it\\'s\\n', b text default $$x'y$$)"))
                .isEqualTo("CREATE TABLE \"t\" (\"a\" LONGTEXT DEFAULT ('it''s\n'), \"b\" LONGTEXT DEFAULT ('x''y'))");
    }

    @Test
    void dropIndexOnMariaDbFindsTheIndexTable() {
        check(SqlTarget.H2, "drop index i", "DROP INDEX \"i\"");
        check(SqlTarget.SQLITE, "drop index i", "DROP INDEX \"i\"");
        String lookup = "BEGIN NOT ATOMIC DECLARE t TEXT DEFAULT (SELECT table_name FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND index_name = 'i' LIMIT 1); IF t IS NULL THEN ";
        String drop = "; ELSE EXECUTE IMMEDIATE CONCAT('DROP INDEX \"i\" ON ', '\"', REPLACE(t, '\"', '\"\"'), '\"');"
                + " END IF; END";
        check(SqlTarget.MARIADB, "drop index i", lookup + "SIGNAL SQLSTATE '42704' SET MESSAGE_TEXT ="
                + " 'index \"i\" does not exist'" + drop);
        check(SqlTarget.MARIADB, "drop index if exists public.i", lookup + "DO 0" + drop);
    }

    @Test
    void mariaDbRestatesAChangedColumnFromTheServersCatalog() {
        Translation type = Translators.forTarget(SqlTarget.MARIADB)
                .translate("alter table public.t alter column x type numeric(8,3)");
        assertThat(type.sql()).isEqualTo("SET @pgbridge_ddl = (SELECT CONCAT("
                + "'ALTER TABLE \"t\" MODIFY COLUMN \"x\" ', 'DECIMAL(8,3)', IF(IS_NULLABLE = 'NO', ' NOT NULL', ' NULL'),"
                + " IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' DEFAULT ', COLUMN_DEFAULT)),"
                + " IF(EXTRA LIKE '%auto_increment%', ' AUTO_INCREMENT', ''),"
                + " COALESCE((SELECT CONCAT(' CHECK (', CHECK_CLAUSE, ')') FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND CONSTRAINT_NAME = 'x'"
                + " AND LEVEL = 'Column'), '')) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME = 'x')");
        assertThat(type.followUps()).containsExactly("EXECUTE IMMEDIATE COALESCE(@pgbridge_ddl,"
                + " 'DELETE FROM \"t\" WHERE FALSE AND \"x\" IS NULL')");
        // nullability keeps the type, collation and the comment that declares the PostgreSQL type
        String dropNotNull = Translators.forTarget(SqlTarget.MARIADB).translate("alter table t alter x drop not null").sql();
        assertThat(dropNotNull).contains("COLUMN_TYPE, IF(COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ', COLLATION_NAME)),"
                + " ' NULL',").contains("CONCAT(' COMMENT ', QUOTE(COLUMN_COMMENT))");
        assertThat(Translators.forTarget(SqlTarget.MARIADB).translate("alter table t alter x set not null").sql())
                .contains("' NOT NULL',");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "truncate t|DELETE FROM \"t\"|" + REFERENCED_T + "DELETE FROM \"t\"|DELETE FROM \"t\"",
        "truncate table only t continue identity cascade|DELETE FROM \"t\"|DELETE FROM \"t\"|DELETE FROM \"t\"",
        "truncate t restart identity|TRUNCATE TABLE \"t\" RESTART IDENTITY|" + REFERENCED_T + "TRUNCATE TABLE \"t\""
                + "|0A000",
        "truncate a, b|DELETE FROM \"a\"; DELETE FROM \"b\"|" + REFERENCED_A_B + "DELETE FROM \"a\"; DELETE FROM \"b\""
                + "|DELETE FROM \"a\"; DELETE FROM \"b\"",
        "truncate a, b restart identity|TRUNCATE TABLE \"a\" RESTART IDENTITY; TRUNCATE TABLE \"b\" RESTART IDENTITY"
                + "|0A000|0A000",
        "drop table if exists a, public.b cascade|DROP TABLE IF EXISTS \"a\", \"public\".\"b\" CASCADE"
                + "|DROP TABLE IF EXISTS \"a\", \"b\"|DROP TABLE IF EXISTS \"a\"; DROP TABLE IF EXISTS \"b\"",
        "drop index if exists a, b|0A000|0A000|DROP INDEX IF EXISTS \"a\"; DROP INDEX IF EXISTS \"b\"",
        "drop sequence s restrict|DROP SEQUENCE \"s\" RESTRICT|DROP SEQUENCE \"s\"|0A000",
        "create index on t using btree (a desc nulls last, b)|CREATE INDEX \"t_a_b_idx\" ON \"t\" (\"a\" DESC, \"b\")"
                + "|SET @pgbridge_ddl = CONCAT('CREATE INDEX \"t_a_b_idx\" ON \"t\" (', '\"a\"', (SELECT IF(DATA_TYPE IN"
                + " ('tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob'), '(192)', '')"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME = 'a'),"
                + " ' DESC, ', '\"b\"', (SELECT IF(DATA_TYPE IN ('tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob',"
                + " 'blob', 'mediumblob', 'longblob'), '(192)', '') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME = 'b'), ')'); EXECUTE IMMEDIATE COALESCE(@pgbridge_ddl,"
                + " 'CREATE INDEX \"t_a_b_idx\" ON \"t\" (\"a\" DESC, \"b\")')"
                + "|CREATE INDEX \"t_a_b_idx\" ON \"t\" (\"a\" DESC, \"b\")",
        "create unique index on t (a, b)|CREATE UNIQUE INDEX \"t_a_b_idx\" ON \"t\" (\"a\", \"b\")"
                + "|CREATE UNIQUE INDEX \"t_a_b_idx\" ON \"t\" (\"a\", \"b\")"
                + "|CREATE UNIQUE INDEX \"t_a_b_idx\" ON \"t\" (\"a\", \"b\")",
        "create index i on t (a) where a > 0|CREATE INDEX \"i\" ON \"t\" (\"a\")|CREATE INDEX \"i\" ON \"t\" (\"a\")"
                + "|CREATE INDEX \"i\" ON \"t\" (\"a\") WHERE a > 0",
        "create unique index i on t (a) where a > 0|0A000|0A000|CREATE UNIQUE INDEX \"i\" ON \"t\" (\"a\") WHERE a > 0",
        "alter table t add column if not exists x int default 1|ALTER TABLE \"t\" ADD COLUMN IF NOT EXISTS \"x\""
                + " integer DEFAULT 1|ALTER TABLE \"t\" ADD COLUMN IF NOT EXISTS \"x\" INT DEFAULT 1|0A000",
        "alter table t alter column x type bigint, add y int|ALTER TABLE \"t\" ALTER COLUMN \"x\" SET DATA TYPE bigint,"
                + " ADD COLUMN \"y\" integer|0A000|0A000",
        "alter table t alter x set default 5|ALTER TABLE \"t\" ALTER COLUMN \"x\" SET DEFAULT 5"
                + "|ALTER TABLE \"t\" ALTER COLUMN \"x\" SET DEFAULT 5|0A000",
        "alter table t rename X to Y|ALTER TABLE \"t\" RENAME COLUMN \"x\" TO \"y\"|ALTER TABLE \"t\" RENAME COLUMN"
                + " \"x\" TO \"y\"|ALTER TABLE \"t\" RENAME COLUMN \"x\" TO \"y\"",
        "create sequence s as integer start 5 increment by 2 no cycle|CREATE SEQUENCE \"s\" AS integer START WITH 5"
                + " INCREMENT BY 2 NO CYCLE|CREATE SEQUENCE \"s\" START WITH 5 INCREMENT BY 2 NOCYCLE MAXVALUE 2147483647"
                + "|0A000",
        "create or replace view v (a) as select 1|CREATE OR REPLACE VIEW \"v\" (\"a\") AS select 1 AS \"?column?\""
                + "|CREATE OR REPLACE VIEW \"v\" (\"a\") AS SELECT 1 AS \"?column?\"|0A000",
        "create table t2 as select * from t with no data|CREATE TABLE \"t2\" AS select * from t WITH NO DATA"
                + "|CREATE TABLE \"t2\" AS SELECT * FROM (SELECT * FROM \"t\") AS \"pgbridge_query\" WHERE 0"
                + "|CREATE TABLE \"t2\" AS SELECT * FROM (SELECT * FROM `t`) WHERE 0",
        "create temp table t (a int[])|CREATE LOCAL TEMPORARY TABLE \"t\" (\"a\" integer array)"
                + "|CREATE TEMPORARY TABLE \"t\" (\"a\" MEDIUMTEXT COMMENT 'pgbridge:integer[]')|CREATE TEMP TABLE \"t\" (\"a\" int4[])",
        "create table t (c int[][])|CREATE TABLE \"t\" (\"c\" integer array array)|0A000"
                + "|CREATE TABLE \"t\" (\"c\" int4[][])",
        "create table t (a text[] default '{x,\"y z\"}', b int[] not null default '{}'::int[])"
                + "|CREATE TABLE \"t\" (\"a\" text array DEFAULT CAST(ARRAY['x', 'y z'] AS CHARACTER VARYING ARRAY),"
                + " \"b\" integer array NOT NULL DEFAULT CAST(ARRAY[] AS INTEGER ARRAY))|CREATE TABLE \"t\" (\"a\" MEDIUMTEXT COMMENT 'pgbridge:text[]' DEFAULT ('[\"x\", \"y z\"]'),"
                + " \"b\" MEDIUMTEXT COMMENT 'pgbridge:integer[]' NOT NULL DEFAULT ('[]'))|CREATE TABLE \"t\" (\"a\" text[] DEFAULT '[\"x\", \"y z\"]', \"b\" int4[]"
                + " NOT NULL DEFAULT '[]')",
        "create table t (j json, k jsonb)|CREATE TABLE \"t\" (\"j\" text, \"k\" text)|CREATE TABLE \"t\""
                + " (\"j\" LONGTEXT CHECK (JSON_VALID(\"j\") = 1), \"k\" JSON)|CREATE TABLE \"t\" (\"j\" json, \"k\" jsonb)",
        "create extension if not exists pgcrypto|create extension if not exists pgcrypto|0A000|0A000",
    })
    void eachTarget(String statement, String forH2, String forMariaDb, String forSqlite) {
        check(SqlTarget.H2, statement, forH2);
        check(SqlTarget.MARIADB, statement, forMariaDb);
        check(SqlTarget.SQLITE, statement, forSqlite);
    }

    private static void check(SqlTarget target, String statement, String expected) {
        Translator translator = Translators.forTarget(target);
        if (expected.equals("0A000")) {
            assertThatThrownBy(() -> translator.translate(statement)).as(target + ": " + statement)
                    .isInstanceOf(TranslationException.class).hasFieldOrPropertyWithValue("sqlState", "0A000");
        } else {
            // Follow-up statements as the proxy runs them, after the first.
            Translation translation = translator.translate(statement);
            List<String> all = new ArrayList<>(List.of(translation.sql()));
            all.addAll(translation.followUps());
            assertThat(String.join("; ", all)).as(target + ": " + statement).isEqualTo(expected);
        }
    }

    @Test
    void commentOnRunsNothingWhereNoCommentsAreKept() {
        assertThat(Translators.forTarget(SqlTarget.MARIADB).translate("comment on table t is 'x'").isNothing()).isTrue();
        assertThat(Translators.forTarget(SqlTarget.SQLITE).translate("COMMENT ON COLUMN t.a IS NULL").isNothing()).isTrue();
        assertThat(h2("comment on table t is 'x'")).isEqualTo("comment on table t is 'x'");
    }

    @Test
    void statementsItCannotReadReachTheBackendUnchanged() {
        // Invalid PostgreSQL, or the backend's own dialect: the backend answers (MariaDB's 1064 becomes 42601).
        assertThat(mariaDb("create table t (a int,)")).isEqualTo("create table t (a int,)");
        assertThat(mariaDb("create table t (big bigint unsigned)")).isEqualTo("create table t (big bigint unsigned)");
        assertThat(mariaDb("create table t (d datetime(6), f tinyint(1))"))
                .isEqualTo("CREATE TABLE \"t\" (\"d\" datetime(6), \"f\" tinyint(1))");
        assertThat(sqlite("create table t (b blob)")).isEqualTo("CREATE TABLE \"t\" (\"b\" blob)");
        assertThatThrownBy(() -> h2("create table t (m money)")).hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    @Test
    void otherStatementsPassToTheQueryTranslator() {
        assertThat(mariaDb("select * from T where a = 1")).isEqualTo("SELECT * FROM \"t\" WHERE \"a\" = 1");
    }

    @Test
    void cachedShapesKeepEachStatementsOwnDefaults() {
        Translator cached = new CachingTranslator(Translators.forTarget(SqlTarget.MARIADB), 100);
        assertThat(cached.translate("create table t (a int default 5, b text default 'x')").sql())
                .isEqualTo("CREATE TABLE \"t\" (\"a\" INT DEFAULT 5, \"b\" LONGTEXT DEFAULT 'x')");
        assertThat(cached.translate("create table t (a int default 7, b text default 'y')").sql())
                .isEqualTo("CREATE TABLE \"t\" (\"a\" INT DEFAULT 7, \"b\" LONGTEXT DEFAULT 'y')");
    }
}
