package io.pgbridge.proxy.compat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one corpus file statement by statement on one connection, the way an application would (pgjdbc, extended
 * protocol, autocommit with explicit BEGIN/COMMIT in the script), and records each statement's {@link Outcome}.
 * A failure never stops the script: later statements run and are recorded too, as psql without ON_ERROR_STOP does.
 */
final class ScriptRunner {
    /** Enough for any corpus statement; a statement that hangs must not hang the build. */
    private static final int TIMEOUT_SECONDS = 15;
    private static final Pattern CONNECTION_ID = Pattern.compile("\\(conn=\\d+\\) ");

    /** Opens a connection to the file's fresh database, again if the previous one was lost. */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private ScriptRunner() {
    }

    /** Outcomes by statement id, in script order. */
    static Map<String, Outcome> run(CorpusFile file, ConnectionSource source) throws SQLException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Connection connection = source.open();
        try {
            for (CorpusStatement statement : file.statements()) {
                if (connection.isClosed()) {
                    // A lost session is a failure of the statement that lost it, not of every later statement.
                    connection = source.open();
                }
                outcomes.put(statement.id(), execute(connection, statement.sql()));
            }
        } finally {
            connection.close();
        }
        return outcomes;
    }

    private static Outcome execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            if (!statement.execute(sql)) {
                return new Outcome.Succeeded(statement.getLargeUpdateCount(), null, List.of());
            }
            try (ResultSet rs = statement.getResultSet()) {
                return read(rs);
            }
        } catch (SQLException e) {
            return new Outcome.Failed(e.getSQLState() == null ? "" : e.getSQLState(), firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The driver choked on what it received: that is an incompatibility to report, not a crash of the run.
            return new Outcome.Failed("", e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static Outcome.Succeeded read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int count = md.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[count];
            for (int i = 1; i <= count; i++) {
                row[i - 1] = rs.getString(i);
            }
            rows.add(Arrays.asList(row));
        }
        return new Outcome.Succeeded(-1, List.copyOf(columns), rows);
    }

    /**
     * The message's first line without what changes from run to run, so that the generated report changes only
     * when behaviour does: MariaDB Connector/J names its connection ({@code (conn=238) }).
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = CONNECTION_ID.matcher(message.lines().findFirst().orElse("").strip()).replaceAll("");
        return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
    }
}
