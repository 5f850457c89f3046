package io.pgbridge.config;

import java.nio.file.Path;

/**
 * A Unix-domain socket that local clients reach pgbridge on, as PostgreSQL's {@code unix_socket_directories}: the
 * socket is {@code directory/.s.PGSQL.PORT}, the name libpq looks for ({@code psql -h DIRECTORY -p PORT}), so PORT is
 * the TCP port pgbridge listens on. Connections on it match {@code local} rules of {@code auth.rules}.
 *
 * @param directory where the socket file goes, or null for no socket (the default)
 * @param permissions the socket file's mode bits, as {@code unix_socket_permissions} (default {@code 0777}: who may
 *     connect is then decided by the directory's permissions and authentication)
 */
public record UnixSocketConfig(Path directory, int permissions) {
    public static final int DEFAULT_PERMISSIONS = 0777;

    /** sun_path's size on Linux, less its terminating zero: a longer socket path cannot be bound. */
    static final int MAX_PATH_BYTES = 107;

    public UnixSocketConfig {
        if (permissions < 0 || permissions > 0777) {
            throw new ConfigException("unix_socket_permissions", "expected mode bits from 0000 to 0777, got "
                    + Integer.toOctalString(permissions));
        }
        if (directory != null) {
            // The longest name a port can give, checked now rather than failing at bind time.
            int length = directory.resolve(socketName(65_535)).toString().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length;
            if (length > MAX_PATH_BYTES) {
                throw new ConfigException("unix_socket_directory", "the socket path in " + directory + " would be "
                        + length + " bytes long, more than the " + MAX_PATH_BYTES + " a Unix-domain socket allows;"
                        + " choose a shorter directory");
            }
        }
    }

    public static UnixSocketConfig none() {
        return new UnixSocketConfig(null, DEFAULT_PERMISSIONS);
    }

    public static UnixSocketConfig in(Path directory) {
        return new UnixSocketConfig(directory, DEFAULT_PERMISSIONS);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** The socket file for clients of TCP port {@code port}: what libpq connects to for {@code -h dir -p port}. */
    public Path socketFile(int port) {
        return directory.resolve(socketName(port));
    }

    private static String socketName(int port) {
        return ".s.PGSQL." + port;
    }
}
