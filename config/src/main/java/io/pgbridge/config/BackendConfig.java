package io.pgbridge.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JDBC database the proxy can run client SQL on.
 *
 * @param name how routes and clients refer to it: letters, digits, '_' and '-'
 * @param url JDBC URL, must start with {@code jdbc:}
 * @param user database user, or null to let the URL or driver decide
 * @param password database password, or null; never shown by {@link #toString()}
 * @param pool connection pool settings; null means {@link PoolConfig#defaults()}
 * @param properties extra JDBC driver properties in the order written; null means none
 * @param mode how the proxy talks to the backend ({@link BackendMode}); null means {@code jdbc}
 */
public record BackendConfig(
        String name, String url, String user, String password, PoolConfig pool, Map<String, String> properties,
        BackendMode mode) {

    /** Name of the backend used when none is configured, and of the one {@code --backend} creates. */
    public static final String DEFAULT_NAME = "default";
    /** H2 settings that make the embedded default behave like PostgreSQL for clients. */
    public static final String EMBEDDED_H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final String EMBEDDED_H2_PREFIX = "jdbc:h2:file:";
    private static final String EMBEDDED_H2_FILE = "/pgbridge";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    public BackendConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException("backend name " + (name == null ? "null" : Values.quote(name))
                    + " is not valid: use letters, digits, '_' and '-', not starting with '-'");
        }
        if (url == null || !url.startsWith("jdbc:")) {
            throw new ConfigException("url", url == null || url.isBlank()
                    ? "required, e.g. url: jdbc:postgresql://127.0.0.1:5432/postgres"
                    : "expected a JDBC URL starting with jdbc:, got " + Values.quote(Secrets.maskUrl(url)));
        }
        pool = pool == null ? PoolConfig.defaults() : pool;
        properties = copyProperties(properties);
        mode = mode == null ? BackendMode.JDBC : mode;
        if (mode == BackendMode.PASSTHROUGH && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("mode", "passthrough needs a PostgreSQL backend (jdbc:postgresql://…), got "
                    + Values.quote(Secrets.maskUrl(url)));
        }
        if (mode == BackendMode.JDBC && url.startsWith("jdbc:postgresql:") && url.contains("unixSocketDirectory=")) {
            throw new ConfigException("url", "unixSocketDirectory works in passthrough mode only (pgjdbc has no Unix"
                    + " sockets): add mode: passthrough or remove it");
        }
    }

    /** A backend reached through JDBC, the default mode. */
    public BackendConfig(String name, String url, String user, String password, PoolConfig pool,
                         Map<String, String> properties) {
        this(name, url, user, password, pool, properties, BackendMode.JDBC);
    }

    /**
     * The built-in default: an H2 file database {@code pgbridge} under {@code dataDir}, in PostgreSQL mode,
     * user {@code sa} with an empty password, so pgbridge works with no database installed.
     */
    public static BackendConfig embeddedH2(Path dataDir) {
        return new BackendConfig(DEFAULT_NAME, embeddedH2Url(dataDir), "sa", "", PoolConfig.defaults(), Map.of());
    }

    /**
     * {@code jdbc:h2:file:<dataDir>/pgbridge;MODE=PostgreSQL;...}. A relative directory gets a leading
     * {@code ./} because H2 refuses implicitly relative paths.
     */
    public static String embeddedH2Url(Path dataDir) {
        String dir = dataDir.toString().replace('\\', '/');
        if (dir.contains(";")) {
            throw new ConfigException("data_dir", "must not contain ';' (H2 reads it as a URL setting), got "
                    + Values.quote(dir));
        }
        if (dir.isEmpty()) {
            dir = ".";
        } else if (!dataDir.isAbsolute() && !dir.startsWith("./") && !dir.equals(".") && !dir.startsWith("~")) {
            dir = "./" + dir;
        }
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return EMBEDDED_H2_PREFIX + dir + EMBEDDED_H2_FILE + EMBEDDED_H2_OPTIONS;
    }

    /**
     * Whether this is the built-in embedded H2 database (its URL has the shape {@link #embeddedH2Url} makes),
     * which the proxy creates on demand and which {@code --data-dir} moves.
     */
    public boolean embedded() {
        return url.startsWith(EMBEDDED_H2_PREFIX) && url.endsWith(EMBEDDED_H2_FILE + EMBEDDED_H2_OPTIONS);
    }

    public BackendConfig withUrl(String newUrl) {
        return new BackendConfig(name, newUrl, user, password, pool, properties, mode);
    }

    public BackendConfig withUser(String newUser) {
        return new BackendConfig(name, url, newUser, password, pool, properties, mode);
    }

    public BackendConfig withPassword(String newPassword) {
        return new BackendConfig(name, url, user, newPassword, pool, properties, mode);
    }

    public BackendConfig withMode(BackendMode newMode) {
        return new BackendConfig(name, url, user, password, pool, properties, newMode);
    }

    public BackendConfig withPool(PoolConfig newPool) {
        return new BackendConfig(name, url, user, password, newPool, properties, mode);
    }

    /** Masks the password, credentials inside the URL and credential-like properties. */
    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", url=" + Secrets.maskUrl(url) + ", user=" + user + ", password="
                + (password == null ? "null" : Secrets.MASK) + ", pool=" + pool + ", properties="
                + Secrets.maskProperties(properties) + ", mode=" + mode.configName() + "]";
    }

    private static Map<String, String> copyProperties(Map<String, String> properties) {
        if (properties == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new ConfigException("properties", "property names must not be empty");
            }
            if (value == null) {
                throw new ConfigException("properties." + key, "expected a value, got nothing");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
