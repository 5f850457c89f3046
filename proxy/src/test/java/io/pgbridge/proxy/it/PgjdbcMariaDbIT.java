package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in front of mariadb. */
class PgjdbcMariaDbIT extends PgjdbcContract {
    @Override
    String backend() {
        return "mariadb";
    }

    @Override
    String bytesType() {
        return "longblob";
    }

    @Override
    String slowQuery() {
        return "select benchmark(100000000000, md5('x'))";
    }
}
