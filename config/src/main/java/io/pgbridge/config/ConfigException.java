package io.pgbridge.config;

import java.util.Optional;

/**
 * A configuration that cannot be used. It carries where the problem is (source, line, dotted key path) so
 * the message reads {@code pgbridge.yaml:12: backends.maria.pool.maximum_pool_size: expected a positive
 * integer, got "ten"} and a user can fix the file without guessing. Messages never contain secret values.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String keyPath;
    private final String problem;

    /** A problem that belongs to no single key, e.g. a YAML syntax error or a bad command-line argument. */
    public ConfigException(String problem) {
        this(null, 0, null, problem, null);
    }

    /** A problem with one key; {@code keyPath} is dotted and snake_case as in the YAML file. */
    public ConfigException(String keyPath, String problem) {
        this(null, 0, keyPath, problem, null);
    }

    /**
     * Fully located problem. {@code source} (file name or "command line") and {@code keyPath} may be null,
     * {@code line} is 1-based and 0 when unknown.
     */
    public ConfigException(String source, int line, String keyPath, String problem, Throwable cause) {
        super(format(source, line, keyPath, problem), cause);
        this.source = source;
        this.line = Math.max(0, line);
        this.keyPath = keyPath == null || keyPath.isEmpty() ? null : keyPath;
        this.problem = problem;
    }

    /** File name or "command line" the problem came from, if known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** 1-based line in {@link #source()}, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Dotted snake_case key path such as {@code listen.port}, if the problem belongs to a key. */
    public Optional<String> keyPath() {
        return Optional.ofNullable(keyPath);
    }

    /** What is wrong, without location. */
    public String problem() {
        return problem;
    }

    /** The same problem placed at a source, line and full key path (the original becomes the cause). */
    ConfigException locatedAt(String source, int line, String fullKeyPath) {
        return new ConfigException(source, line, fullKeyPath, problem, this);
    }

    static String join(String prefix, String key) {
        if (prefix == null || prefix.isEmpty()) {
            return key;
        }
        return key == null || key.isEmpty() ? prefix : prefix + "." + key;
    }

    private static String format(String source, int line, String keyPath, String problem) {
        StringBuilder message = new StringBuilder();
        if (source != null) {
            message.append(source);
            if (line > 0) {
                message.append(':').append(line);
            }
            message.append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            message.append(keyPath).append(": ");
        }
        return message.append(problem).toString();
    }
}
