package io.pgbridge.proxy.it;

import java.nio.file.Path;

/** pgjdbc through pgbridge in front of HSQLDB 2.7 by its dialect profile. */
class PgjdbcHsqldbIT extends InProcessDialectContract {
    @Override
    String backend() {
        return "hsqldb";
    }

    @Override
    String databaseUrl(Path dir) {
        return "jdbc:hsqldb:file:" + dir.resolve("it") + ";shutdown=true";
    }

    @Override
    String untranslatable() {
        return "insert into items (name) values ('returned') returning id";
    }
}
