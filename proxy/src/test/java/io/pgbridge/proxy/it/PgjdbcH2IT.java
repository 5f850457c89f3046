package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in front of h2. */
class PgjdbcH2IT extends PgjdbcContract {
    @Override
    String backend() {
        return "h2";
    }

    @Override
    String bytesType() {
        return "varbinary";
    }

    @Override
    String slowQuery() {
        return "select max(rand()) from system_range(1, 10000000000)";
    }
}
