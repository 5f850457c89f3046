package io.pgbridge.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.PoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** A backend reached through a JDBC driver, pooled by HikariCP. */
public final class JdbcBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(JdbcBackend.class);

    private static final java.util.regex.Pattern CREDENTIAL_PROPERTY =
            java.util.regex.Pattern.compile("(?i)user|password");
    /** A user or password parameter of a query string, with the '&' after it. */
    private static final java.util.regex.Pattern QUERY_CREDENTIAL =
            java.util.regex.Pattern.compile("(?i)(?<=[?&])(?:user|password)=[^&;]*&?");
    /** A ';'-separated user or password setting (H2's style), with its ';'. */
    private static final java.util.regex.Pattern SETTING_CREDENTIAL =
            java.util.regex.Pattern.compile("(?i);(?:user|password)=[^&;]*");

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

    /**
     * The driver's own login with the client's user and password instead of the configured ones, which are taken
     * out of the URL too; the password is handed to the driver and not kept.
     */
    @Override
    public Connection connectAs(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dialect.defaultProperties());
        config.properties().forEach((key, value) -> {
            if (!CREDENTIAL_PROPERTY.matcher(key).matches()) {
                properties.setProperty(key, value);
            }
        });
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        javax.sql.DataSource dataSource = dialect.dataSource(config.url(), properties);
        Connection connection = dataSource != null ? dataSource.getConnection(user, password)
                : DriverManager.getConnection(withoutCredentials(config.url()), properties);
        try {
            connection.setAutoCommit(true);
            if (dialect.supportsIsolationLevels()) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            if (dialect.sessionSetup() != null) {
                try (Statement st = connection.createStatement()) {
                    st.execute(dialect.sessionSetup());
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** {@code url} without {@code user=} and {@code password=} settings, in a query string or ';'-separated. */
    static String withoutCredentials(String url) {
        String withoutSettings = SETTING_CREDENTIAL.matcher(url).replaceAll("");
        return QUERY_CREDENTIAL.matcher(withoutSettings).replaceAll("").replaceAll("[?&]$", "");
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
