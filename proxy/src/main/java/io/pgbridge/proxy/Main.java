package io.pgbridge.proxy;

import io.pgbridge.backend.Backends;
import io.pgbridge.config.CliOptions;
import io.pgbridge.config.CommandLine;
import io.pgbridge.config.ConfigException;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.proxy.auth.PasswordCommand;
import io.pgbridge.proxy.server.PgServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/** {@code ./pgbridge}: reads flags and config, opens the backends, listens, and shuts down gracefully on SIGTERM. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger("pgbridge");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("passwd")) {
            try {
                System.exit(PasswordCommand.run(args, System.out, System.err));
            } catch (java.io.IOException e) {
                System.err.println("pgbridge: cannot read the password: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        CliOptions options;
        PgbridgeConfig config;
        try {
            options = CommandLine.parse(args, System.getenv());
            if (options.help()) {
                System.out.println(CommandLine.usage());
                return;
            }
            if (options.version()) {
                System.out.println("pgbridge " + version());
                return;
            }
            config = options.resolve();
        } catch (ConfigException e) {
            System.err.println("pgbridge: " + e.getMessage());
            System.err.println("Try ./pgbridge --help");
            System.exit(2);
            return;
        }
        Backends backends;
        try {
            backends = Backends.open(config);
        } catch (SQLException e) {
            log.error("cannot open backend: {}", e.getMessage());
            System.exit(1);
            return;
        }
        PgServer server = new PgServer(config, backends);
        int port;
        try {
            port = server.start();
        } catch (Exception e) {
            log.error("cannot listen on {}:{}: {}", config.listen().host(), config.listen().port(), e.getMessage());
            backends.close();
            System.exit(1);
            return;
        }
        if (server.tls() != null) {
            log.info("TLS {} with certificate {} (SHA-256 fingerprint {})", server.tls().mode().configName(),
                    server.tls().certificateFile(), server.tls().fingerprint());
            if (server.tls().asksForClientCertificates()) {
                log.info("TLS client certificates {}, verified against {}",
                        config.listen().tls().clientCertificates().configName(), config.listen().tls().clientCaFile());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("received shutdown request, letting running statements finish (up to {})",
                    config.limits().shutdownGrace());
            server.shutdown(config.limits().shutdownGrace());
            backends.close();
            log.info("shut down");
            stopped.countDown();
        }, "pgbridge-shutdown"));
        var backend = backends.forDatabase(null);
        if (server.unixSocketPath() != null) {
            log.info("listening on Unix-domain socket {}", server.unixSocketPath());
        }
        log.info("pgbridge {} listening on {}:{} (backend {}: {}, {} transport), ready to accept connections",
                version(), config.listen().host(), port, backend.name(), backend.dialect().name(),
                server.transport().name().toLowerCase(java.util.Locale.ROOT));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
