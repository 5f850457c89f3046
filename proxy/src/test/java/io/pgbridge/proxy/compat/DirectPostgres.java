package io.pgbridge.proxy.compat;

import java.sql.DriverManager;

/** The reference: PostgreSQL 15 itself, one database dropped and created again for every corpus file. */
final class DirectPostgres implements CompatTarget {
    static final String NAME = "postgresql-direct";
    private static final String DATABASE = ScratchDatabases.named("pgbridge_compat");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScriptRunner.ConnectionSource connectionsFor(CorpusFile file) throws Exception {
        ScratchDatabases.recreate("postgresql", DATABASE);
        String url = ScratchDatabases.url("postgresql", DATABASE);
        return () -> DriverManager.getConnection(url);
    }

    @Override
    public void close() throws Exception {
        ScratchDatabases.drop("postgresql", DATABASE);
    }
}
