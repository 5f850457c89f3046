package io.pgbridge.proxy.compat;

/** Where the corpus runs: PostgreSQL itself, or pgbridge in front of one kind of backend. */
interface CompatTarget extends AutoCloseable {

    /** The name the report and the baseline file use, e.g. {@code h2}. */
    String name();

    /** Connections to a database that is fresh for {@code file}: no table of another file is visible in it. */
    ScriptRunner.ConnectionSource connectionsFor(CorpusFile file) throws Exception;

    @Override
    void close() throws Exception;
}
