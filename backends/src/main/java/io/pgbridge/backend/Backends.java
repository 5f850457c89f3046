package io.pgbridge.backend;

import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.PgbridgeConfig;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The backends of one running proxy, opened from the configuration, and the routing of database names to them. */
public final class Backends implements AutoCloseable {
    private final PgbridgeConfig config;
    private final Map<String, Backend> byName;

    private Backends(PgbridgeConfig config, Map<String, Backend> byName) {
        this.config = config;
        this.byName = byName;
    }

    public static Backends open(PgbridgeConfig config) throws SQLException {
        Map<String, Backend> opened = new LinkedHashMap<>();
        try {
            for (BackendConfig bc : config.backends().values()) {
                Backend backend = bc.mode() == io.pgbridge.config.BackendMode.PASSTHROUGH
                        ? PassthroughBackend.open(bc) : JdbcBackend.open(bc);
                opened.put(bc.name(), backend);
                if (bc.embedded()) {
                    EmbeddedH2.initialise(backend);
                }
            }
        } catch (SQLException | RuntimeException e) {
            opened.values().forEach(Backend::close);
            throw e;
        }
        return new Backends(config, Map.copyOf(opened));
    }

    /** The backend that serves client database {@code database}. */
    public Backend forDatabase(String database) {
        return byName.get(config.backendFor(database).name());
    }

    public Backend byName(String name) {
        return byName.get(name);
    }

    @Override
    public void close() {
        byName.values().forEach(Backend::close);
    }
}
