package io.pgbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the proxy accepts PostgreSQL clients and how it authenticates them.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1}, {@code ::1} or {@code 0.0.0.0}
 * @param port TCP port, 0..65535; 0 lets the OS pick a free port (tests use it)
 * @param auth client authentication; {@link AuthMode#TRUST} is refused on non-loopback hosts unless
 *     {@code allowTrustOnNetwork}, because it would let anyone on the network in without a password
 * @param allowTrustOnNetwork the explicit opt-in for trust on a non-loopback address
 * @param tls TLS towards clients
 * @param ioThreads threads that do the network I/O (Netty event loops); 0 means automatic: one per core, or one per
 *     four cores when every backend is in pass-through mode ({@link #effectiveIoThreads(boolean)}). Every
 *     statement's backend work runs elsewhere (session threads)
 * @param sessionThreads the kind of thread each session's statements run on ({@link SessionThreads}; default
 *     {@link SessionThreads#PLATFORM})
 * @param unixSocket a Unix-domain socket to accept local clients on as well, or {@link UnixSocketConfig#none()}
 */
public record ListenConfig(String host, int port, AuthMode auth, boolean allowTrustOnNetwork, TlsConfig tls,
                           int ioThreads, SessionThreads sessionThreads, UnixSocketConfig unixSocket) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5433;

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public ListenConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigException("host", "expected a host name or IP address, got an empty value");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port", "expected a port number from 0 to 65535, got " + port);
        }
        if (ioThreads < 0 || ioThreads > 1024) {
            throw new ConfigException("io_threads", "expected 0 (one per core) or a thread count up to 1024, got "
                    + ioThreads);
        }
        if (auth == null) {
            throw new ConfigException("auth", "expected one of " + AuthMode.configNames() + ", got nothing");
        }
        if (tls == null) {
            tls = TlsConfig.disabled();
        }
        if (sessionThreads == null) {
            sessionThreads = SessionThreads.PLATFORM;
        }
        if (unixSocket == null) {
            unixSocket = UnixSocketConfig.none();
        }
        if (auth == AuthMode.TRUST && !allowTrustOnNetwork && !isLoopback(host)) {
            throw new ConfigException("host", host + " is not a loopback address and auth is trust, which would let"
                    + " anyone who can reach it connect without a password; listen on 127.0.0.1, or set"
                    + " listen.allow_trust_on_network: true to accept that risk");
        }
    }

    /** Without TLS, one I/O thread per core. */
    public ListenConfig(String host, int port, AuthMode auth, boolean allowTrustOnNetwork) {
        this(host, port, auth, allowTrustOnNetwork, TlsConfig.disabled(), 0, SessionThreads.PLATFORM,
                UnixSocketConfig.none());
    }

    /** Without a Unix-domain socket. */
    public ListenConfig(String host, int port, AuthMode auth, boolean allowTrustOnNetwork, TlsConfig tls,
                        int ioThreads, SessionThreads sessionThreads) {
        this(host, port, auth, allowTrustOnNetwork, tls, ioThreads, sessionThreads, UnixSocketConfig.none());
    }

    /** 127.0.0.1:5433, trust, loopback only. */
    public static ListenConfig defaults() {
        return new ListenConfig(DEFAULT_HOST, DEFAULT_PORT, AuthMode.TRUST, false);
    }

    public ListenConfig withHost(String newHost) {
        return new ListenConfig(newHost, port, auth, allowTrustOnNetwork, tls, ioThreads, sessionThreads, unixSocket);
    }

    public ListenConfig withPort(int newPort) {
        return new ListenConfig(host, newPort, auth, allowTrustOnNetwork, tls, ioThreads, sessionThreads, unixSocket);
    }

    public ListenConfig withTls(TlsConfig newTls) {
        return new ListenConfig(host, port, auth, allowTrustOnNetwork, newTls, ioThreads, sessionThreads, unixSocket);
    }

    public ListenConfig withUnixSocket(UnixSocketConfig newUnixSocket) {
        return new ListenConfig(host, port, auth, allowTrustOnNetwork, tls, ioThreads, sessionThreads, newUnixSocket);
    }

    /** The number of I/O threads to start: {@link #ioThreads()}, or one per core when that is 0. */
    public int effectiveIoThreads() {
        return effectiveIoThreads(false);
    }

    /**
     * As {@link #effectiveIoThreads()}, for a proxy whose backends all relay sessions ({@code relayOnly}): when
     * {@link #ioThreads()} is 0, one loop per four cores, at least one. A relay's loops only copy bytes, and on a
     * small machine every extra loop is one more thread waking up beside PostgreSQL's backends: on 2 cores,
     * {@code bench/pgbench-select.sh} measured pass-through at 0.61–0.81× of direct PostgreSQL with one loop against
     * 0.51–0.62× with two (README, benchmarks).
     */
    public int effectiveIoThreads(boolean relayOnly) {
        int cores = Runtime.getRuntime().availableProcessors();
        return ioThreads > 0 ? ioThreads : relayOnly ? Math.max(1, cores / 4) : cores;
    }

    /** Whether {@link #host()} only accepts connections from this machine. */
    public boolean loopback() {
        return isLoopback(host);
    }

    /**
     * Decided without DNS (config parsing must not depend on the network): {@code localhost} and IP literals
     * in 127.0.0.0/8 or ::1 are loopback; every other name counts as reachable from the network.
     */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(h).matches() && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal, so no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
