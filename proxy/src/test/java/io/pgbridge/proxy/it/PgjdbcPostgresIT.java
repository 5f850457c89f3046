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
