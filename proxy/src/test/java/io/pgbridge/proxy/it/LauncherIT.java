package io.pgbridge.proxy.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code ./pgbridge} as a user runs it, on the embedded default. Data written survives
 * a restart, SIGTERM shuts down cleanly, and {@code --help}/{@code --version} answer.
 */
class LauncherIT {
    private static final Pattern READY = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+).*ready to accept connections");
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private record Launched(Process process, int port, List<String> log) {
    }

    private static Launched launch(Path dataDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("pgbridge").toString(), "--port", "0",
                "--data-dir", dataDir.toString()).redirectErrorStream(true);
        Process p = pb.start();
        List<String> log = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            log.add(line);
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(log::add));
                drain.setDaemon(true);
                drain.start();
                return new Launched(p, Integer.parseInt(m.group(1)), log);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("pgbridge did not get ready: " + log);
    }

    private static void stop(Launched launched) throws Exception {
        launched.process().toHandle().destroy();   // SIGTERM
        assertThat(launched.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launched.process().exitValue()).isIn(0, 143);
    }

    @Test
    void startsOnTheEmbeddedDefaultKeepsDataAcrossRestartAndStopsOnSigterm(@TempDir Path dataDir) throws Exception {
        Launched first = launch(dataDir);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + first.port() + "/test?user=u");
             Statement st = c.createStatement()) {
            st.execute("create table kept (id int primary key, note text)");
            st.execute("insert into kept values (1, 'survives restarts')");
            st.execute("insert into actors (actor_id, actor_type, state) values ('a1', 'counter', '{\"n\": 1}')");
        }
        stop(first);
        assertThat(String.join("\n", first.log())).contains("shut down");
        assertThat(Files.list(dataDir).map(Path::getFileName).map(Path::toString)).anyMatch(n -> n.startsWith("pgbridge"));

        Launched second = launch(dataDir);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + second.port() + "/test?user=u");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select note, (select state from actors where actor_id = 'a1') from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives restarts");
            assertThat(rs.getString(2)).isEqualTo("{\"n\": 1}");
        } finally {
            stop(second);
        }
    }

    @Test
    void helpAndVersionAnswerWithoutStarting() throws Exception {
        for (String flag : List.of("--help", "--version")) {
            Process p = new ProcessBuilder(ROOT.resolve("pgbridge").toString(), flag).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains(flag.equals("--help") ? "--backend" : "pgbridge ");
        }
    }

    @Test
    void aBadFlagIsExplainedAndExitsNonZero() throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("pgbridge").toString(), "--prot", "5").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("--prot").contains("--port");
    }
}
