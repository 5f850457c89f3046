package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pgbench through pgbridge in front of H2 and MariaDB at scale 10 (1,000,000 accounts): a plain {@code pgbench -i}
 * (steps dtgvp: drop, create, COPY FROM STDIN, VACUUM ANALYZE, primary keys) must succeed without an error, then a
 * 10-second TPC-B-like run of 4 clients (after pgbench's own VACUUMs) must have no failed transaction and leave the
 * balances consistent.
 */
class PgbenchIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void initialisesWithCopyAndRunsWithoutFailures(String backend) throws Exception {
        try (RunningProxy proxy = RunningProxy.forKind(backend)) {
            String init = pgbench(proxy.port(), "-i", "-s", "10");
            assertThat(init).contains("1000000 of 1000000 tuples (100%) done", "vacuuming...", "creating primary keys...")
                    .doesNotContainIgnoringCase("error");
            String run = pgbench(proxy.port(), "-c", "4", "-j", "2", "-T", "10");
            assertThat(run).contains("number of failed transactions: 0 (0.000%)").doesNotContainIgnoringCase("error");
            try (Connection c = proxy.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select (select count(*) from pgbench_accounts), "
                         + "(select sum(abalance) from pgbench_accounts), (select sum(bbalance) from pgbench_branches), "
                         + "(select sum(tbalance) from pgbench_tellers), (select sum(delta) from pgbench_history), "
                         + "(select count(*) from pgbench_history)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1_000_000);
                assertThat(rs.getLong(6)).isPositive();
                assertThat(List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4))).containsOnly(rs.getLong(5));
            }
        }
    }

    private static String pgbench(int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "tester"));
        command.addAll(List.of(args));
        command.add("test");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
