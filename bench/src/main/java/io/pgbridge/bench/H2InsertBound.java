package io.pgbridge.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What H2 itself can do for bench/copy-1m.sh's load, with no pgbridge and no network: ROWS rows in pgbench_accounts'
 * shape into a fresh file database with the embedded default's URL settings, in one transaction, in this process.
 * <ul>
 *   <li>{@code jdbc-batch}: a prepared INSERT, 1000 rows per executeBatch (pgbridge's JDBC path before the direct one)
 *   <li>{@code insert-select}: one {@code INSERT … SELECT FROM SYSTEM_RANGE}: H2's executor and storage alone, no
 *       statement per row and no values from outside, the most H2 can insert per second
 * </ul>
 * Each mode runs ROUNDS times in a warm JVM (the first round is left out); printed: the median rows/s, rows per
 * second of this process's CPU time (H2's background page writer included) and the share of time the commit took.
 */
public final class H2InsertBound {
    private static final String URL_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private H2InsertBound() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> modes = args.length > 2 ? List.of(args[2].split(",")) : List.of("jdbc-batch", "insert-select");
        System.out.printf("%-14s %12s %15s %12s%n", "mode", "rows_per_s", "rows_per_cpu_s", "commit_share");
        for (String mode : modes) {
            Path dir = Files.createTempDirectory("pgbridge-h2-bound");
            List<double[]> results = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/db" + URL_SETTINGS, "sa", "")) {
                for (int round = 0; round < rounds; round++) {
                    double[] r = load(c, mode, rows);
                    if (round > 0 || rounds == 1) {
                        results.add(r);
                    }
                }
            }
            System.out.printf("%-14s %12.0f %15.0f %12.2f%n", mode, median(results, 0), median(results, 1),
                    median(results, 2));
        }
        System.out.printf("(%d rows, median of %d warm rounds, %d cores, load %s)%n", rows, Math.max(1, rounds - 1),
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim());
    }

    /** One load into a new table: rows/s, rows per CPU second, commit's share of the time. */
    private static double[] load(Connection c, String mode, int rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists bound_accounts");
            s.execute("create table bound_accounts (aid integer not null, bid integer, abalance integer, "
                    + "filler character(84))");
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        c.setAutoCommit(false);
        switch (mode) {
            case "jdbc-batch" -> {
                try (PreparedStatement p = c.prepareStatement(
                        "insert into bound_accounts (aid, bid, abalance, filler) values (?, ?, ?, ?)")) {
                    for (int i = 1; i <= rows; i++) {
                        p.setInt(1, i);
                        p.setInt(2, (i - 1) / 100_000 + 1);
                        p.setInt(3, 0);
                        p.setString(4, "");
                        p.addBatch();
                        if (i % 1000 == 0) {
                            p.executeBatch();
                        }
                    }
                    p.executeBatch();
                }
            }
            case "insert-select" -> {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into bound_accounts select \"X\", (\"X\" - 1) / 100000 + 1, 0, '' "
                            + "from system_range(1, " + rows + ")");
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        long inserted = System.nanoTime();
        c.commit();
        long end = System.nanoTime();
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        c.setAutoCommit(true);
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from bound_accounts")) {
            r.next();
            if (r.getLong(1) != rows) {
                throw new IllegalStateException(mode + " loaded " + r.getLong(1) + " rows, expected " + rows);
            }
        }
        return new double[] {rows / ((end - start) / 1e9), rows / cpuSeconds, (end - inserted) / (double) (end - start)};
    }

    private static double median(List<double[]> results, int column) {
        List<Double> values = new ArrayList<>();
        results.forEach(r -> values.add(r[column]));
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
