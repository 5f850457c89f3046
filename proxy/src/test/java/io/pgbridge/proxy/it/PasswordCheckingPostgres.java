package io.pgbridge.proxy.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the locally installed version whose pg_hba.conf asks every client for a
 * SCRAM-SHA-256 password (initdb -A scram-sha-256), on a free loopback port: the shared PostgreSQL trusts loopback,
 * so it cannot show what happens to a wrong password. Made with initdb under a temporary directory (as the postgres
 * OS user when the tests run as root, since PostgreSQL refuses to run as root) and removed on close.
 */
final class PasswordCheckingPostgres implements AutoCloseable {
    static final String SUPERUSER_PASSWORD = "auth6 superuser secret";
    private final Path dir;
    private final Path bin;
    private final int port;

    private PasswordCheckingPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    static PasswordCheckingPostgres start() throws Exception {
        Path bin = Path.of(System.getenv().getOrDefault("PGBRIDGE_TEST_PG_BIN", binDirectory()));
        Path dir = Files.createTempDirectory("pgbridge-scram-pg");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        PasswordCheckingPostgres cluster = new PasswordCheckingPostgres(dir, bin, port);
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        cluster.pg("initdb", "-D", dir.resolve("data").toString(), "-A", "scram-sha-256", "-U", "postgres",
                "--pwfile=" + passwordFile, "-N");
        cluster.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return cluster;
    }

    /** A JDBC URL of database {@code postgres}, without credentials. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String binDirectory() throws Exception {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.comparing(Path::toString)).orElseThrow().resolve("bin").toString();
        }
    }

    private void pg(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
