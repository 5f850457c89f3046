package io.pgbridge.proxy.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a client library's script (Python, Node.js) against PostgreSQL itself and through pgbridge, and checks that
 * both print the same lines: each script prints every value it reads with its type in the client's language.
 */
final class ClientScripts {
    record Result(int exitCode, String output) {
    }

    /** How to run the script against one server. */
    interface Script {
        List<String> command(String host, int port, String user, String tablePrefix);
    }

    private ClientScripts() {
    }

    /** The script through pgbridge in front of {@code kind} prints what it prints against PostgreSQL. */
    static void assertSameAsPostgres(String kind, Script script, File dir, String lastCheck) throws Exception {
        String prefix = "pgb_cl_" + kind.replace('-', '_');
        Result direct = checked(script.command(TestDatabases.postgresHost(), TestDatabases.postgresPort(), "postgres",
                prefix), dir);
        assertThat(direct.output).doesNotContain("FAILED").contains(lastCheck);
        try (RunningProxy proxy = RunningProxy.forKind(kind)) {
            Result proxied = checked(script.command("127.0.0.1", proxy.port(), "tester", prefix), dir);
            assertThat(proxied.output.lines().toList()).isEqualTo(direct.output.lines().toList());
        }
    }

    private static Result checked(List<String> command, File dir) throws Exception {
        Result r = run(command, dir, 120);
        assertThat(r.exitCode).as(r.output).isZero();
        return r;
    }

    /** Runs {@code command} in {@code dir} (null: here) with TZ=UTC; fails if it takes more than {@code seconds}. */
    static Result run(List<String> command, File dir, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
        pb.environment().putAll(Map.of("TZ", "UTC"));   // clients read date columns in their own zone
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in " + seconds + " s: " + command);
        }
        return new Result(p.exitValue(), output);
    }
}
