package io.pgbridge.proxy.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential scenarios for session semantics: the same protocol messages go to the reference PostgreSQL and
 * through pgbridge, and what comes back is compared after normalisation — message types and order, command tags,
 * ReadyForQuery status, errors' and notices' SQLSTATE and text, ParameterStatus names and values, column names and
 * text values. Error texts that name backend objects differ by backend and are compared by SQLSTATE only.
 */
final class SessionDifferential {
    /** The probe table every scenario may write; emptied before each scenario. */
    static final String TABLE = "pgb_session_probe";
    /** SQLSTATEs whose message is the backend's own wording (H2, MariaDB and SQLite name objects differently). */
    private static final Set<String> BACKEND_WORDED = Set.of("42P01", "42703", "23505", "42883");

    /** One step of a scenario: sends messages and returns the server's answer up to ReadyForQuery. */
    interface Step {
        List<RawPgClient.Message> run(RawPgClient client) throws IOException;
    }

    /** A named list of steps; the name is what a failing parameterised test shows. */
    record Scenario(String name, List<Step> steps) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SessionDifferential() {
    }

    static Scenario scenario(String name, Step... steps) {
        return new Scenario(name, List.of(steps));
    }

    /** A simple Query. */
    static Step q(String sql) {
        return raw("Q " + sql, client -> client.query(sql));
    }

    /**
     * Parse, Bind, Execute of each statement (unnamed), then one Sync: one implicit transaction. No Describe, so
     * that a statement failing at execution fails at the same message in PostgreSQL and in pgbridge.
     */
    static Step ext(String... sqls) {
        return raw("X " + String.join(" | ", sqls), client -> {
            for (String sql : sqls) {
                client.parse("", sql);
                client.bind("", "");
                client.execute("");
            }
            return client.sync();
        });
    }

    /** Any message sequence ending in Sync, described for the transcript. */
    static Step raw(String description, Step step) {
        return new Step() {
            @Override
            public List<RawPgClient.Message> run(RawPgClient client) throws IOException {
                return step.run(client);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    static Map<String, String> startupParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "postgres");
        params.put("database", "test");
        params.put("TimeZone", "UTC");
        return params;
    }

    /** Runs the scenario on PostgreSQL and through the proxy, on fresh connections, and compares the transcripts. */
    static void assertSameAsPostgres(Scenario scenario, RunningProxy proxy) throws IOException {
        List<String> direct = transcript(scenario, TestDatabases.postgresHost(), TestDatabases.postgresPort());
        List<String> proxied = transcript(scenario, "127.0.0.1", proxy.port());
        assertThat(String.join("\n", proxied)).as("%s through pgbridge → %s", scenario.name(), proxy.backendKind())
                .isEqualTo(String.join("\n", direct));
    }

    private static List<String> transcript(Scenario scenario, String host, int port) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RawPgClient client = new RawPgClient(host, port)) {
            client.startup(3, 0, startupParameters());
            client.query("delete from " + TABLE);
            for (Step step : scenario.steps()) {
                lines.add("> " + step);
                for (RawPgClient.Message m : step.run(client)) {
                    lines.add("  " + normalise(m));
                }
            }
        }
        return lines;
    }

    static String normalise(RawPgClient.Message m) {
        return switch (m.type()) {
            case 'E', 'N' -> {
                Map<Character, String> f = m.fields();
                String code = f.get('C');
                yield m.type() + " " + f.getOrDefault('V', f.get('S')) + " " + code
                        + (BACKEND_WORDED.contains(code) ? "" : " " + f.get('M'))
                        + (f.containsKey('D') && !BACKEND_WORDED.contains(code) ? " DETAIL " + f.get('D') : "");
            }
            case 'C', 'Z' -> m.type() + " " + cstrings(m.body()).get(0);
            case 'S' -> "S " + String.join("=", cstrings(m.body()));
            case 'T' -> "T " + columnNames(m.body());
            case 'D' -> "D " + dataRow(m.body());
            default -> String.valueOf(m.type());
        };
    }

    private static List<String> cstrings(byte[] body) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                out.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < body.length) {
            out.add(new String(body, start, body.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String columnNames(byte[] body) {
        int count = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        List<String> names = new ArrayList<>();
        int i = 2;
        for (int c = 0; c < count; c++) {
            int end = i;
            while (body[end] != 0) {
                end++;
            }
            names.add(new String(body, i, end - i, StandardCharsets.UTF_8));
            i = end + 1 + 18;   // table OID 4, column 2, type OID 4, size 2, typmod 4, format 2
        }
        return String.join(",", names);
    }

    private static String dataRow(byte[] body) {
        int count = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        List<String> values = new ArrayList<>();
        int i = 2;
        for (int c = 0; c < count; c++) {
            int length = ((body[i] & 0xff) << 24) | ((body[i + 1] & 0xff) << 16) | ((body[i + 2] & 0xff) << 8)
                    | (body[i + 3] & 0xff);
            i += 4;
            if (length < 0) {
                values.add("NULL");
            } else {
                values.add("'" + new String(body, i, length, StandardCharsets.UTF_8) + "'");
                i += length;
            }
        }
        return String.join(",", values);
    }
}
