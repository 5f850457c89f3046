package io.pgbridge.backend;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Host, port and database of a {@code jdbc:postgresql://host[:port][/database][?k=v&…]} URL, for connecting to
 * PostgreSQL without pgjdbc (pass-through mode). {@code user} and {@code password} URL parameters are kept too.
 */
public record PostgresAddress(String host, int port, String database, Map<String, String> parameters) {
    /**
     * URL parameter naming the directory of PostgreSQL's Unix socket ({@code .s.PGSQL.<port>}), as libpq's
     * {@code host=/dir}: pass-through mode then connects there instead of over TCP. pgjdbc has no such option.
     */
    public static final String UNIX_SOCKET_DIRECTORY = "unixSocketDirectory";

    /** The Unix socket directory the URL names, or null for TCP. */
    public String unixSocketDirectory() {
        String directory = parameters.get(UNIX_SOCKET_DIRECTORY);
        return directory == null || directory.isEmpty() ? null : directory;
    }

    public static PostgresAddress parse(String jdbcUrl) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL");
        }
        String rest = jdbcUrl.substring(prefix.length());
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8) : "";
        if (hostPort.contains(",")) {
            throw new IllegalArgumentException("pass-through mode takes one host, not a list");
        }
        String host = hostPort.isEmpty() ? "localhost" : hostPort;
        int port = 5432;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new PostgresAddress(host, port, database, Map.copyOf(parameters));
    }
}
