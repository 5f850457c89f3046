package io.pgbridge.proxy.compat;

import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import io.pgbridge.proxy.it.RunningProxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running pgbridge in front of one kind of backend, with a fresh backend database for every corpus file. Each
 * file's database is a backend of its own, named after the file, and the client picks it by database name (the
 * proxy routes a database name to the backend of the same name), so one proxy serves the whole corpus.
 * H2 databases get the URL and settings of the embedded default; SQLite, HSQLDB, DuckDB and Derby a new file
 * database each; PostgreSQL and MariaDB a new database each on the test servers.
 */
final class ProxiedBackend implements CompatTarget {
    private static final PoolConfig POOL =
            new PoolConfig(2, 0, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30));

    private final String kind;
    private final RunningProxy proxy;
    private final Path tempDir;
    private final List<String> serverDatabases;

    private ProxiedBackend(String kind, RunningProxy proxy, Path tempDir, List<String> serverDatabases) {
        this.kind = kind;
        this.proxy = proxy;
        this.tempDir = tempDir;
        this.serverDatabases = serverDatabases;
    }

    /**
     * {@code kind} is {@code h2}, {@code sqlite}, {@code mariadb} or {@code postgresql}, or one of the in-process
     * dialect profiles not yet in the default run: {@code hsqldb}, {@code duckdb}, {@code derby}.
     */
    static ProxiedBackend start(String kind, Corpus corpus) throws Exception {
        Path tempDir = Files.createTempDirectory("pgbridge-compat-" + kind);
        List<String> serverDatabases = new ArrayList<>();
        List<BackendConfig> backends = new ArrayList<>();
        for (CorpusFile file : corpus.files()) {
            String name = backendName(file);
            String url = switch (kind) {
                case "h2" -> BackendConfig.embeddedH2Url(tempDir.resolve(name));
                case "sqlite" -> "jdbc:sqlite:" + tempDir.resolve(name + ".db");
                case "hsqldb" -> "jdbc:hsqldb:file:" + tempDir.resolve(name) + ";shutdown=true";
                case "duckdb" -> "jdbc:duckdb:" + tempDir.resolve(name + ".duckdb");
                case "derby" -> "jdbc:derby:" + tempDir.resolve(name) + ";create=true";
                default -> {
                    String database = ScratchDatabases.named("pgbridge_compat_" + name.replace('-', '_'));
                    ScratchDatabases.recreate(kind, database);
                    serverDatabases.add(database);
                    yield ScratchDatabases.url(kind, database);
                }
            };
            boolean sa = "h2".equals(kind) || "hsqldb".equals(kind);
            backends.add(new BackendConfig(name, url, sa ? "sa" : null, sa ? "" : null, POOL, Map.of()));
        }
        PgbridgeConfig config = PgbridgeConfig.defaults().withOnlyBackend(backends.getFirst());
        for (BackendConfig backend : backends.subList(1, backends.size())) {
            config = config.withBackend(backend);
        }
        return new ProxiedBackend(kind, RunningProxy.start(config, kind), tempDir, serverDatabases);
    }

    @Override
    public String name() {
        return kind;
    }

    @Override
    public ScriptRunner.ConnectionSource connectionsFor(CorpusFile file) {
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + backendName(file) + "?user=compat";
        return () -> DriverManager.getConnection(url);
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        for (String database : serverDatabases) {
            ScratchDatabases.drop(kind, database);
        }
        deleteRecursively(tempDir);
    }

    /** {@code 02-dml.sql} → {@code 02-dml}: a valid backend name, and the database name clients ask for. */
    private static String backendName(CorpusFile file) {
        return file.name().replaceFirst("\\.sql$", "");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
