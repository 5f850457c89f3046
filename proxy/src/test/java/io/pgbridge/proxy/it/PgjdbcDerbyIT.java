package io.pgbridge.proxy.it;

import java.nio.file.Path;

/** pgjdbc through pgbridge in front of Apache Derby by its dialect profile. */
class PgjdbcDerbyIT extends InProcessDialectContract {
    @Override
    String backend() {
        return "derby";
    }

    @Override
    String databaseUrl(Path dir) {
        return "jdbc:derby:" + dir.resolve("it") + ";create=true";
    }

    @Override
    String untranslatable() {
        return "insert into items (name) values ('dup') on conflict (name) do nothing";
    }
}
