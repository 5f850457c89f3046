package io.pgbridge.proxy.it;

import java.nio.file.Path;

/** pgjdbc through pgbridge in front of DuckDB by its dialect profile. */
class PgjdbcDuckDbIT extends InProcessDialectContract {
    @Override
    String backend() {
        return "duckdb";
    }

    @Override
    String databaseUrl(Path dir) {
        return "jdbc:duckdb:" + dir.resolve("it.duckdb");
    }

    @Override
    String untranslatable() {
        return "merge into items using (select 1 as id) s on items.id = s.id when matched then delete";
    }
}
