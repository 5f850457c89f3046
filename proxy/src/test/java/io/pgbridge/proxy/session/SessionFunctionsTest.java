package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.translation.StatementKind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where session function calls are replaced, and where they are left alone. */
class SessionFunctionsTest {
    /** A session's answers for a non-PostgreSQL backend, with its settings in a map. */
    private static final class Answers implements SessionFunctions.Context {
        final Map<String, String> settings = new HashMap<>(Map.of("application_name", "app"));

        @Override
        public String user() {
            return "alice";
        }

        @Override
        public String database() {
            return "shop";
        }

        @Override
        public int processId() {
            return 1234;
        }

        @Override
        public String version() {
            return "15.20 (pgbridge)";
        }

        @Override
        public boolean postgresBackend() {
            return false;
        }

        @Override
        public String setting(String name) {
            return settings.get(name);
        }

        @Override
        public String setConfig(String name, String value, boolean local) {
            settings.put(name, value);
            return value;
        }

        @Override
        public boolean ownsSetting(String name) {
            return true;
        }
    }

    private final Answers answers = new Answers();

    private String substitute(String sql) throws Exception {
        SessionFunctions.Substituted substituted = SessionFunctions.substitute(sql, answers, true);
        return substituted == null ? null : substituted.sql();
    }

    /** The outermost select list's calls keep the types PostgreSQL's functions return; nested ones are expressions. */
    @Test
    void outerSelectItemsHaveTheFunctionsTypes() throws Exception {
        assertThat(SessionFunctions.substitute("select current_user, 1, version() as v, current_schema || 'x',"
                + " (select current_database()), set_config('a.b', 'c', false), current_catalog c, current_role is null"
                + " from t where user = 'x'", answers, true).columnTypes())
                .isEqualTo(java.util.Map.of(0, "name", 2, "text", 5, "text", 6, "name"));
        assertThat(SessionFunctions.substitute("select n from t union select current_user", answers, true)
                .columnTypes()).isEmpty();
    }

    @Test
    void wholeSelectItemsKeepPostgresColumnNames() throws Exception {
        assertThat(substitute("select current_user, pg_backend_pid() from t"))
                .isEqualTo("select 'alice' AS \"current_user\", 1234 AS \"pg_backend_pid\" from t");
        assertThat(substitute("SELECT pg_catalog.current_database()"))
                .isEqualTo("SELECT 'shop' AS \"current_database\"");
        // psql's \\dO and \\l: the encodings pgbridge speaks
        assertThat(substitute("select pg_char_to_encoding(pg_catalog.getdatabaseencoding()), pg_client_encoding()"))
                .isEqualTo("select pg_char_to_encoding('UTF8'), 'UTF8' AS \"pg_client_encoding\"");
    }

    /** A setting named by a column: the catalog engine reads it row by row (psql's \\dconfig); elsewhere refused. */
    @Test
    void currentSettingOfAColumnIsTheCatalogEnginesOrRefused() throws Exception {
        String dconfig = "SELECT s.name, pg_catalog.current_setting(s.name) FROM pg_catalog.pg_settings s";
        assertThat(SessionFunctions.substitute(dconfig, answers, true)).isNull();
        assertThatThrownBy(() -> substitute("select current_setting(x) from t"))
                .isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void callsInsideExpressionsGetNoAlias() throws Exception {
        assertThat(substitute("select coalesce(null, current_user), upper(user) as u"))
                .isEqualTo("select coalesce(null, 'alice'), upper('alice') as u");
        assertThat(substitute("select * from orders where owner = current_user"))
                .isEqualTo("select * from orders where owner = 'alice'");
    }

    @Test
    void stringsCommentsQualifiedNamesAndQuotedIdentifiersAreLeftAlone() throws Exception {
        assertThat(substitute("select 'current_user', t.user, \"user\" from t -- version()")).isNull();
    }

    @Test
    void setConfigAppliesAndCurrentSettingReads() throws Exception {
        assertThat(substitute("select set_config('application_name', 'x''y', false)"))
                .isEqualTo("select 'x''y' AS \"set_config\"");
        assertThat(answers.settings).containsEntry("application_name", "x'y");
        assertThat(substitute("select current_setting('nope.nope', true) is null"))
                .isEqualTo("select NULL is null");
        assertThatThrownBy(() -> substitute("select current_setting('nope')")).isInstanceOf(PgException.class)
                .hasMessageContaining("unrecognized configuration parameter");
    }

    @Test
    void nonConstantArgumentsAreRefusedNamingTheFunction() {
        assertThatThrownBy(() -> substitute("select set_config($1, 'v', false)"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
                .hasMessageContaining("set_config()");
        assertThatThrownBy(() -> substitute("select txid_current()"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void onlyQueriesAndDmlAreLookedAt() {
        assertThat(SessionFunctions.mayCall(StatementKind.SELECT, "select version()")).isTrue();
        assertThat(SessionFunctions.mayCall(StatementKind.SELECT, "select 1")).isFalse();
        assertThat(SessionFunctions.mayCall(StatementKind.DDL, "create table t (owner text default current_user)"))
                .isFalse();
    }
}
