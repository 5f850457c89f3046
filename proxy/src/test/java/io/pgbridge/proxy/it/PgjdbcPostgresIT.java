package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in front of postgresql. */
class PgjdbcPostgresIT extends PgjdbcContract {

    /** Queries with side effects must never be tried twice, whatever the result size. */
    @org.junit.jupiter.api.Test
    void statementsWithSideEffectsRunExactlyOnce() throws Exception {
        try (java.sql.Connection c = proxy.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("drop sequence if exists pgb_once");
            st.execute("create sequence pgb_once");
            for (int expected = 1; expected <= 3; expected++) {
                try (java.sql.ResultSet rs = st.executeQuery("select nextval('pgb_once')")) {
                    org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                    org.assertj.core.api.Assertions.assertThat(rs.getLong(1)).isEqualTo(expected);
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("select nextval('pgb_once') from generate_series(1, 1000)")) {
                long last = 0;
                while (rs.next()) {
                    last = rs.getLong(1);
                }
                org.assertj.core.api.Assertions.assertThat(last).isEqualTo(1003);
            }
            st.execute("drop sequence pgb_once");
        }
    }

    /**
     * PostgreSQL answers 0A000 to TRUNCATE of a referenced table; HikariCP would take that for a broken connection and
     * evict it, ending the client's transaction. The session must go on as it does on PostgreSQL.
     */
    @org.junit.jupiter.api.Test
    void featureNotSupportedErrorsKeepTheSessionAndItsTransaction() throws Exception {
        try (java.sql.Connection c = proxy.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("drop table if exists pgb_child, pgb_parent");
            st.execute("create table pgb_parent (id int primary key)");
            st.execute("create table pgb_child (id int, parent int references pgb_parent (id))");
            c.setAutoCommit(false);
            st.execute("insert into pgb_parent values (1)");
            st.execute("savepoint s");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("truncate pgb_parent"))
                    .isInstanceOfSatisfying(java.sql.SQLException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.getSQLState()).isEqualTo("0A000"));
            st.execute("rollback to savepoint s");
            try (java.sql.ResultSet rs = st.executeQuery("select count(*) from pgb_parent")) {
                org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                org.assertj.core.api.Assertions.assertThat(rs.getInt(1)).isEqualTo(1);   // the transaction survived
            }
            c.rollback();
            c.setAutoCommit(true);
            st.execute("drop table pgb_child, pgb_parent");
        }
    }

    @Override
    String backend() {
        return "postgresql";
    }

    @Override
    String bytesType() {
        return "bytea";
    }

    @Override
    String slowQuery() {
        return "select pg_sleep(30)";
    }
}
