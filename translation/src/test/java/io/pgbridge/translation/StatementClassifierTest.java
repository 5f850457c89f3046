package io.pgbridge.translation;

import static io.pgbridge.translation.StatementKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kinds and row hints; the tags themselves are checked against PostgreSQL in PostgresCommandTagTest. */
class StatementClassifierTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("select 1", SELECT, true),
                Arguments.of("(select 1) union (select 2)", SELECT, true),
                Arguments.of("select 1 into t", SELECT, false),
                Arguments.of("select (select 1 into x) from t", SELECT, true),
                Arguments.of("values (1)", VALUES, true),
                Arguments.of("table t", TABLE, true),
                Arguments.of("show all", SHOW, true),
                Arguments.of("explain select 1", EXPLAIN, true),
                Arguments.of("fetch 1 from c", FETCH, true),
                Arguments.of("move 1 in c", MOVE, false),
                Arguments.of("insert into t values (1)", INSERT, false),
                Arguments.of("insert into t values (1) returning id", INSERT, true),
                Arguments.of("insert into t select * from (delete from u returning *) x", INSERT, false),
                Arguments.of("update t set a = 1 RETURNING *", UPDATE, true),
                Arguments.of("delete from t", DELETE, false),
                Arguments.of("merge into t using s on true when matched then delete", MERGE, false),
                Arguments.of("copy t from stdin", COPY, false),
                Arguments.of("with x as (select 1) select * from x", SELECT, true),
                Arguments.of("WITH RECURSIVE x (n) AS NOT MATERIALIZED (select 1), y AS MATERIALIZED "
                        + "(delete from t returning *) INSERT INTO t SELECT * FROM y", INSERT, false),
                Arguments.of("with d as (delete from t returning *) delete from u returning 1", DELETE, true),
                Arguments.of("with x as (select 1) (select * from x)", SELECT, true),
                Arguments.of("with r(n) as (select 1) cycle n set c using p update t set a = 1", UPDATE, false),
                Arguments.of("begin", BEGIN, false),
                Arguments.of("start transaction", START_TRANSACTION, false),
                Arguments.of("commit", COMMIT, false),
                Arguments.of("end work", COMMIT, false),
                Arguments.of("rollback", ROLLBACK, false),
                Arguments.of("abort", ROLLBACK, false),
                Arguments.of("savepoint s", SAVEPOINT, false),
                Arguments.of("release savepoint s", RELEASE_SAVEPOINT, false),
                Arguments.of("rollback to s", ROLLBACK_TO_SAVEPOINT, false),
                Arguments.of("ROLLBACK TRANSACTION TO SAVEPOINT s", ROLLBACK_TO_SAVEPOINT, false),
                Arguments.of("prepare transaction 'x'", PREPARE_TRANSACTION, false),
                Arguments.of("commit prepared 'x'", OTHER, false),
                Arguments.of("set x = 1", SET, false),
                Arguments.of("reset x", RESET, false),
                Arguments.of("discard all", DISCARD, false),
                Arguments.of("deallocate all", DEALLOCATE, false),
                Arguments.of("prepare p as select 1", PREPARE, false),
                Arguments.of("execute p", EXECUTE, false),
                Arguments.of("declare c cursor for select 1", DECLARE, false),
                Arguments.of("close c", CLOSE, false),
                Arguments.of("listen c", LISTEN, false),
                Arguments.of("notify c", NOTIFY, false),
                Arguments.of("unlisten *", UNLISTEN, false),
                Arguments.of("lock t", LOCK, false),
                Arguments.of("truncate t", TRUNCATE, false),
                Arguments.of("call p()", CALL, false),
                Arguments.of("do $$ begin end $$", DO, false),
                Arguments.of("vacuum", VACUUM, false),
                Arguments.of("analyse", ANALYZE, false),
                Arguments.of("checkpoint", CHECKPOINT, false),
                Arguments.of("comment on table t is null", COMMENT, false),
                Arguments.of("grant r to u", GRANT, false),
                Arguments.of("revoke r from u", REVOKE, false),
                Arguments.of("create table t as select 1", DDL, false),
                Arguments.of("alter table t add c int", DDL, false),
                Arguments.of("drop table t", DDL, false),
                Arguments.of("reindex table t", OTHER, false),
                Arguments.of("", EMPTY, false),
                Arguments.of(" ; -- nothing", EMPTY, false),
                Arguments.of("/* only */", EMPTY, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kinds")
    void classifies(String sql, StatementKind kind, boolean returnsRows) {
        StatementInfo info = StatementClassifier.classify(sql);
        assertThat(info.kind()).isEqualTo(kind);
        assertThat(info.returnsRows()).isEqualTo(returnsRows);
    }

    @ParameterizedTest(name = "[{index}] {0}!")
    @ValueSource(strings = {
            "select 'unterminated", "select $$ open", "/* open comment", "select \"open",
            "123", "'just a string'", ")))", "$1", "with", "with x", "with x as", "with x as (select 1",
            "with x as (select 1) with y as (select 2) select 1", "start", "create", "(", "? ? ?",
            "\u0000\u0001", "€uro"})
    void garbageIsOtherAndNeverThrows(String sql) {
        StatementInfo info = StatementClassifier.classify(sql);
        assertThat(info.kind()).isEqualTo(sql.equals("create") ? DDL : OTHER);
        assertThat(info.returnsRows()).isFalse();
    }

    @Test
    void keywordsAreFoundAcrossCommentsAndCase() {
        StatementInfo info = StatementClassifier.classify(
                "/* a */ -- b\n  CrEaTe /* c */ Or\nRePlAcE -- d\n TEMP vIeW v as select 1");
        assertThat(info.kind()).isEqualTo(DDL);
        assertThat(info.commandTag(0)).isEqualTo("CREATE VIEW");
        assertThat(info.words()).containsExactly("create", "or", "replace", "temp", "view", "v", "as",
                "select");
    }

    @Test
    void wordsStopAtTheFirstNonWord() {
        assertThat(StatementClassifier.classify("SET LOCAL search_path TO x, y").words())
                .containsExactly("set", "local", "search_path", "to", "x");
        assertThat(StatementClassifier.classify("set application_name = 'a'").words())
                .containsExactly("set", "application_name");
        assertThat(StatementClassifier.classify("BEGIN ISOLATION LEVEL SERIALIZABLE;").words())
                .containsExactly("begin", "isolation", "level", "serializable");
        assertThat(StatementClassifier.classify(
                "a b c d e f g h i j k l m n o p q r s t").words()).hasSize(16);
    }

    @Test
    void tagsThatPostgresDoesNotRecordHere() {
        // Not runnable on the test server (prepared transactions disabled, no label provider); the tags
        // are the names in PostgreSQL's src/include/tcop/cmdtaglist.h.
        assertThat(tag("prepare transaction 'x'")).isEqualTo("PREPARE TRANSACTION");
        assertThat(tag("commit prepared 'x'")).isEqualTo("COMMIT PREPARED");
        assertThat(tag("rollback prepared 'x'")).isEqualTo("ROLLBACK PREPARED");
        assertThat(tag("security label on table t is 'x'")).isEqualTo("SECURITY LABEL");
        assertThat(tag("import foreign schema s from server v into l")).isEqualTo("IMPORT FOREIGN SCHEMA");
        assertThat(tag("create tablespace ts location '/x'")).isEqualTo("CREATE TABLESPACE");
    }

    @Test
    void emptyAndExecuteHaveNoTag() {
        assertThat(StatementClassifier.classify(" ;; ").commandTag(0)).isNull();
        StatementInfo execute = StatementClassifier.classify("EXECUTE p(1)");
        assertThat(execute.tag()).isNull();
        assertThat(execute.commandTag(3)).isNull();
        assertThat(execute.tagHasRowCount()).isFalse();
    }

    @Test
    void transactionHelpers() {
        assertThat(StatementClassifier.classify("start transaction").startsTransaction()).isTrue();
        assertThat(StatementClassifier.classify("abort").endsTransaction()).isTrue();
        assertThat(StatementClassifier.classify("rollback to s").endsTransaction()).isFalse();
        assertThat(StatementClassifier.classify("select 1").startsTransaction()).isFalse();
    }

    @Test
    void countingTagsAppendTheCount() {
        assertThat(StatementClassifier.classify("insert into t values (1)").commandTag(3))
                .isEqualTo("INSERT 0 3");
        assertThat(StatementClassifier.classify("with x as (select 1) update t set a = 1").commandTag(2))
                .isEqualTo("UPDATE 2");
        assertThat(StatementClassifier.classify("move 5 in c").commandTag(5)).isEqualTo("MOVE 5");
        assertThat(StatementClassifier.classify("create table t as select 1").commandTag(1))
                .isEqualTo("SELECT 1");
    }

    private static String tag(String sql) {
        return StatementClassifier.classify(sql).commandTag(0);
    }

}
