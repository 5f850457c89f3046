package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in front of postgresql. */
class PgjdbcPostgresIT extends PgjdbcContract {
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
