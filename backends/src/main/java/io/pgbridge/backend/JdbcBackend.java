package io.pgbridge.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.PoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** A backend reached through a JDBC driver, pooled by HikariCP. */
public final class JdbcBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(JdbcBackend.class);

    private final BackendConfig config;
    private final String name;
    private final BackendDialect dialect;
    private final HikariDataSource pool;
    private volatile String serverVersion;

    private JdbcBackend(BackendConfig config, BackendDialect dialect, HikariDataSource pool) {
        this.config = config;
        this.name = config.name();
        this.dialect = dialect;
        this.pool = pool;
    }

    /** Opens the pool and checks that the backend answers, so that a wrong URL fails at start, not at first query. */
    public static JdbcBackend open(BackendConfig config) throws SQLException {
        BackendDialect dialect = Dialects.forUrl(config.url());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("pgbridge-" + config.name());
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        Properties properties = new Properties();
        properties.putAll(dialect.defaultProperties());
        properties.putAll(config.properties());
        javax.sql.DataSource dataSource = dialect.dataSource(config.url(), properties);
        if (dataSource != null) {
            hikari.setDataSource(dataSource);
        } else {
            hikari.setDataSourceProperties(properties);
        }
        PoolConfig p = config.pool();
        hikari.setMaximumPoolSize(p.maximumPoolSize());
        hikari.setMinimumIdle(p.minimumIdle());
        hikari.setConnectionTimeout(p.connectionTimeout().toMillis());
        hikari.setIdleTimeout(p.idleTimeout().toMillis());
        hikari.setMaxLifetime(p.maxLifetime().toMillis());
        hikari.setAutoCommit(true);
        hikari.setExceptionOverrideClassName(StatementErrorsKeepConnections.class.getName());
        if (dialect.sessionSetup() != null) {
            hikari.setConnectionInitSql(dialect.sessionSetup());
        }
        if (dialect.supportsIsolationLevels()) {
            // Sessions start at PostgreSQL's default level, and Hikari puts back any level a session changed.
            hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        // Fail at start with the driver's own message rather than after the first client connects.
        hikari.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            throw new SQLException("backend " + config.name() + " (" + config.url() + ") is not reachable: "
                    + cause.getMessage(), "08001", cause);
        }
        JdbcBackend backend = new JdbcBackend(config, dialect, pool);
        try (Connection c = pool.getConnection()) {
            backend.serverVersion = dialect.serverVersion(c);
            dialect.prepare(c, config.url());
            log.info("backend {} - {} {} ({})", config.name(), c.getMetaData().getDatabaseProductName(),
                    c.getMetaData().getDatabaseProductVersion(), dialect.name());
        } catch (SQLException e) {
            pool.close();
            throw e;
        }
        return backend;
    }

    @Override
    public BackendConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendDialect dialect() {
        return dialect;
    }

    @Override
    public Connection lease() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public String serverVersion() {
        return serverVersion;
    }

    @Override
    public int activeConnections() {
        var mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getActiveConnections();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcBackend[" + name + ", " + dialect.name() + "]";
    }
}
