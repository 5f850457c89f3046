package io.pgbridge.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpperCaseNamesTest {
    @Test
    void lowerCaseQuotedNamesReachTheBackendAsItFoldsUnquotedOnes() {
        assertThat(UpperCaseNames.fold("SELECT \"id\", \"Mixed\", \"?column?\" FROM \"orders\" WHERE \"note\" = 'keep \"me\"'"))
                .isEqualTo("SELECT \"ID\", \"Mixed\", \"?COLUMN?\" FROM \"ORDERS\" WHERE \"NOTE\" = 'keep \"me\"'");
    }

    @Test
    void translationsForUpperCaseBackendsFoldNamesAndOthersDoNot() {
        assertThat(Translators.forTarget(SqlTarget.DERBY).translate("select a from t").sql())
                .isEqualTo("SELECT \"A\" FROM \"T\"");
        assertThat(Translators.forTarget(SqlTarget.DUCKDB).translate("select a from t").sql())
                .isEqualTo("SELECT \"a\" AS \"a\" FROM \"t\"");
        assertThat(Translators.forTarget(SqlTarget.HSQLDB).translate("create table t (\"Id\" int, name text)").sql())
                .isEqualTo("CREATE TABLE \"T\" (\"Id\" INTEGER, \"NAME\" LONGVARCHAR)");
    }
}
