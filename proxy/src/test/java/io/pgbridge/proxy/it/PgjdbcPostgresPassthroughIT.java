package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in pass-through mode in front of PostgreSQL: everything the JDBC path promises. */
class PgjdbcPostgresPassthroughIT extends PgjdbcPostgresIT {
    @Override
    String backend() {
        return "postgresql-passthrough";
    }
}
