package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in pass-through mode in front of PostgreSQL: the same contract as every backend. */
class PgjdbcPostgresPassthroughIT extends PgjdbcContract {
    @Override
    String backend() {
        return "postgresql-passthrough";
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
