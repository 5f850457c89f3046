package io.pgbridge.proxy.error;

import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.types.PgTypeException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns any throwable into what the client sees. Backend SQLSTATEs pass through; the few
 * non-PostgreSQL codes that clients would not recognise are translated to PostgreSQL's.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** SQLSTATEs of other databases that PostgreSQL spells differently. */
    private static final Map<String, String> STATE_ALIASES = Map.ofEntries(
            Map.entry("42S02", "42P01"),   // table not found → undefined_table
            Map.entry("42S22", "42703"),   // column not found → undefined_column
            Map.entry("42S01", "42P07"),   // table exists → duplicate_table
            Map.entry("42S12", "42704"),   // index not found → undefined_object
            Map.entry("42S11", "42P07"),   // index exists → duplicate relation
            Map.entry("21S02", "42601"),   // column count does not match → PostgreSQL's syntax error
            Map.entry("21S01", "42601"),   // MariaDB: more values than columns in INSERT → syntax error
            Map.entry("22018", "22P02"),   // data conversion error → invalid_text_representation
            Map.entry("70100", "57014"),   // MariaDB: query interrupted → query_canceled
            Map.entry("HYT00", "57014"),   // timeout → query_canceled
            // HSQLDB's:
            Map.entry("42581", "42601"),   // unexpected token → syntax_error
            Map.entry("42504", "42P07"),   // object name already exists → duplicate relation
            // Derby's:
            Map.entry("42X01", "42601"),   // syntax error
            Map.entry("42X05", "42P01"),   // table or view does not exist → undefined_table
            Map.entry("42Y55", "42P01"),   // DROP of a table that does not exist → undefined_table
            Map.entry("42X04", "42703"),   // column not found → undefined_column
            Map.entry("42Y03", "42883"),   // routine not found → undefined_function
            Map.entry("X0Y32", "42P07"),   // object already exists → duplicate relation
            // SQL Server's:
            Map.entry("S0002", "42P01"),   // invalid object name → undefined_table
            Map.entry("S0022", "42703"),   // invalid column name → undefined_column
            // H2's own codes (class 90 means nothing to a PostgreSQL client):
            Map.entry("90022", "42883"),   // function not found → undefined_function
            Map.entry("90053", "21000"),   // scalar subquery with several rows → cardinality_violation
            Map.entry("90054", "42803"),   // aggregate where none is allowed → grouping_error
            Map.entry("90059", "42702"),   // ambiguous column → ambiguous_column
            Map.entry("90096", "42501"),   // not enough rights for object → insufficient_privilege
            Map.entry("90107", "2BP01"),   // cannot drop, others depend on it → dependent_objects_still_exist
            Map.entry("90154", "428C9"),   // generated column assigned → generated_always
            Map.entry("23513", "23514"),   // CHECK constraint violated (H2, Derby) → check_violation
            Map.entry("23506", "23503"));  // no parent row for the foreign key (H2) → foreign_key_violation

    /**
     * MariaDB reports every integrity problem as 23000 (an ambiguous column too), many others as HY000 and
     * privilege errors as 42000; its vendor code says which.
     */
    private static final Map<Integer, String> MARIADB_CODES = Map.of(
            1062, "23505", 1452, "23503", 1451, "23503", 1048, "23502", 1364, "23502", 4025, "23514",
            1052, "42702",    // column in field list is ambiguous → ambiguous_column
            1111, "42803",    // invalid use of group function → grouping_error
            1142, "42501", 1143, "42501");   // command denied on a table, a column → insufficient_privilege

    /** H2's vendor code (and SQLSTATE) for a number out of a column's range, which PostgreSQL reports as 22003. */
    private static final int H2_VALUE_OUT_OF_RANGE_IN_COLUMN = 22004;

    /** HSQLDB's vendor code for a table or column that does not exist (SQLSTATE 42501, PostgreSQL's privilege error). */
    private static final int HSQLDB_OBJECT_NOT_FOUND = -5501;

    /** SQL Server reports most errors as S0001 or 23000; its error number says which. */
    private static final Map<Integer, String> SQLSERVER_CODES = Map.of(
            2627, "23505", 2601, "23505",   // unique constraint, unique index
            547, "23503",                   // foreign key (and check) conflict
            515, "23502",                   // NULL into a NOT NULL column
            8134, "22012",                  // division by zero
            102, "42601",                   // incorrect syntax
            208, "42P01",                   // invalid object name
            207, "42703");                  // invalid column name

    /** MariaDB reports syntax errors and many others as 42000; these codes are PostgreSQL's 42601. */
    private static final java.util.Set<Integer> MARIADB_SYNTAX = java.util.Set.of(1064, 1149);

    /** H2 appends {@code ; SQL statement:\n...} and {@code [42000-240]} to its messages: clients want just the text. */
    private static final Pattern H2_SUFFIX = Pattern.compile("(?s)(; SQL statement:\\n.*)?\\s*\\[[0-9A-Z]{1,5}-\\d+]\\s*$");
    private static final String H2_SYNTAX_PREFIX = "Syntax error in SQL statement \"";
    /** H2's 22001 for a character column, which PostgreSQL words by the column's type alone. */
    private static final Pattern H2_TOO_LONG = Pattern.compile(
            "Value too long for column \"(?:[^\"]|\"\")* (CHARACTER VARYING|CHARACTER)\\((\\d+)\\)\": .*", Pattern.DOTALL);

    private ErrorMapper() {
    }

    public static PgException map(Throwable t) {
        if (t instanceof PgException pg) {
            return pg;
        }
        if (t instanceof PgTypeException te) {
            return new PgException("ERROR", te.sqlState(), te.getMessage(), null, null, 0, te);
        }
        if (t instanceof io.pgbridge.translation.TranslationException te) {
            return new PgException("ERROR", te.sqlState(), te.getMessage(), null, null, te.position(), te);
        }
        if (t instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            String severity = m.getSeverity() != null ? m.getSeverity() : "ERROR";
            return new PgException(severity.equals("FATAL") ? "ERROR" : severity, m.getSQLState(), m.getMessage(),
                    m.getDetail(), m.getHint(), m.getPosition(), m.getWhere(), pe);
        }
        if (t instanceof SQLTransientConnectionException e) {
            return new PgException("ERROR", SqlState.TOO_MANY_CONNECTIONS.code(),
                    "no backend connection available: " + e.getMessage(), null,
                    "Raise the backend's pool.maximum_pool_size or lower the number of clients.", 0, e);
        }
        if (t instanceof SQLException e) {
            return fromSqlException(e);
        }
        if (t instanceof InterruptedException) {
            return new PgException("FATAL", SqlState.ADMIN_SHUTDOWN.code(),
                    "terminating connection due to administrator command", null, null, 0, t);
        }
        log.warn("internal error", t);
        return new PgException("ERROR", SqlState.INTERNAL_ERROR.code(),
                "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()),
                null, null, 0, t);
    }

    /**
     * {@link #map(Throwable)} for an error of {@code statement}, for backends whose codes depend on what failed:
     * MariaDB refuses to DROP a referenced table with the code of a DELETE of a referenced row (1451), where
     * PostgreSQL says dependent objects still exist (2BP01).
     */
    public static PgException map(Throwable t, io.pgbridge.translation.StatementInfo statement) {
        PgException error = map(t);
        if (error.sqlState().equals("23503") && t instanceof SQLException e && e.getErrorCode() == 1451
                && !statement.words().isEmpty() && statement.words().get(0).equals("drop")) {
            return new PgException("ERROR", "2BP01", "cannot drop the table because other objects depend on it: "
                    + error.getMessage(), null, "Use DROP ... CASCADE to drop the dependent objects too.", 0, t);
        }
        return error;
    }

    private static PgException fromSqlException(SQLException e) {
        String state = e.getSQLState();
        if (("23000".equals(state) || "HY000".equals(state) || "42000".equals(state))
                && MARIADB_CODES.containsKey(e.getErrorCode())) {
            state = MARIADB_CODES.get(e.getErrorCode());
        }
        if ("42000".equals(state) && MARIADB_SYNTAX.contains(e.getErrorCode())) {
            state = SqlState.SYNTAX_ERROR.code();
        }
        if ("42501".equals(state) && e.getErrorCode() == HSQLDB_OBJECT_NOT_FOUND) {
            state = "42P01";   // HSQLDB's "user lacks privilege or object not found", for tables and columns alike
        }
        if ("22004".equals(state) && e.getErrorCode() == H2_VALUE_OUT_OF_RANGE_IN_COLUMN) {
            state = "22003";   // H2's out-of-range value for a column; 22004 is null_value_not_allowed elsewhere
        }
        if (("S0001".equals(state) || "23000".equals(state)) && SQLSERVER_CODES.containsKey(e.getErrorCode())) {
            state = SQLSERVER_CODES.get(e.getErrorCode());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String[] valueError = state == null ? null : MariaDbValueErrors.of(e.getErrorCode(), withoutConnection(message));
        if (valueError != null) {
            state = valueError[0];
        }
        if (state == null) {
            // DuckDB's and sqlite-jdbc's errors carry no SQLSTATE, only a kind of error in their text.
            String duckDb = DuckDbErrorStates.of(message);
            state = duckDb != null ? duckDb : SqliteErrorStates.of(message);
        }
        state = STATE_ALIASES.getOrDefault(state, state);
        if (state.length() != 5) {
            state = SqlState.INTERNAL_ERROR.code();
        }
        int position = 0;
        if (message.startsWith(H2_SYNTAX_PREFIX)) {
            String[] marked = h2MarkedStatement(message);
            if (marked != null) {
                position = marked[0].length() + 1;
                String near = firstToken(marked[1]);
                message = near.isEmpty() ? "syntax error at end of input" : "syntax error at or near \"" + near + "\"";
                state = SqlState.SYNTAX_ERROR.code();
            }
        }
        message = H2_SUFFIX.matcher(message).replaceFirst("");
        Matcher tooLong = H2_TOO_LONG.matcher(message);
        if (tooLong.matches()) {
            message = "value too long for type " + tooLong.group(1).toLowerCase(java.util.Locale.ROOT)
                    + "(" + tooLong.group(2) + ")";
        }
        return new PgException("ERROR", state, withoutConnection(message), null, null, position, e);
    }

    /** MariaDB prefixes "(conn=123) "; the connection id of the proxy's pool means nothing to the client. */
    private static String withoutConnection(String message) {
        return message.startsWith("(conn=") ? message.substring(message.indexOf(')') + 1).trim() : message;
    }

    /**
     * The error PostgreSQL raises where the backend only warned, or null: MariaDB answers NULL or 0 with a warning
     * for a division by zero or a text that is no number or date outside INSERT and UPDATE.
     */
    public static PgException errorFor(java.sql.SQLWarning warning) {
        if (warning instanceof org.postgresql.util.PSQLWarning || warning.getMessage() == null) {
            return null;
        }
        String[] error = MariaDbValueErrors.of(warning.getErrorCode(), warning.getMessage());
        return error == null ? null : new PgException("ERROR", error[0], error[1], null, null, 0, warning);
    }

    private static String firstToken(String rest) {
        io.pgbridge.translation.SqlLexer lexer = new io.pgbridge.translation.SqlLexer(rest);
        return lexer.nextSignificant() == io.pgbridge.translation.SqlLexer.TokenType.EOF ? "" : lexer.text();
    }

    /**
     * H2 quotes the statement in its syntax errors with {@code "} doubled and {@code [*]} where parsing stopped:
     * returns the statement's text before and after the marker, or {@code null} if the message is not of that form.
     */
    private static String[] h2MarkedStatement(String message) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = null;
        for (int i = H2_SYNTAX_PREFIX.length(); i < message.length(); i++) {
            char c = message.charAt(i);
            StringBuilder into = after == null ? before : after;
            if (c == '"') {
                if (i + 1 < message.length() && message.charAt(i + 1) == '"') {
                    into.append('"');
                    i++;
                    continue;
                }
                return after == null ? null : new String[] {before.toString(), after.toString()};
            }
            if (after == null && message.startsWith("[*]", i)) {
                after = new StringBuilder();
                i += 2;
                continue;
            }
            into.append(c);
        }
        return null;
    }

    /**
     * A backend's warning (PostgreSQL's NOTICE/WARNING, MariaDB's notes) as NoticeResponse fields: one, or one per
     * object that MariaDB's note for a skipped {@code DROP … IF EXISTS} names.
     */
    public static List<BackendMessage.Notice> notices(java.sql.SQLWarning warning) {
        if (warning instanceof org.postgresql.util.PSQLWarning pw && pw.getServerErrorMessage() != null) {
            ServerErrorMessage m = pw.getServerErrorMessage();
            return List.of(new BackendMessage.Notice(m.getSeverity() != null ? m.getSeverity() : "NOTICE",
                    m.getSQLState(), m.getMessage(), m.getDetail(), m.getHint(), m.getPosition(), m.getWhere()));
        }
        List<BackendMessage.Notice> skipped = warning.getMessage() == null ? null
                : MariaDbNotes.of(warning.getErrorCode(), warning.getMessage());
        if (skipped != null) {
            return skipped;
        }
        // Other drivers do not say how severe; their warnings are mostly notes such as MariaDB's "Unknown table"
        // for DROP … IF EXISTS, which PostgreSQL reports as a NOTICE.
        String state = warning.getSQLState();
        state = state == null || state.length() != 5 ? "01000" : STATE_ALIASES.getOrDefault(state, state);
        return List.of(new BackendMessage.Notice("NOTICE", state,
                warning.getMessage() == null ? "warning" : warning.getMessage(), null, null, 0, null));
    }

    /** The ErrorResponse/NoticeResponse fields for {@code e}. */
    public static BackendMessage.Notice fields(PgException e) {
        return new BackendMessage.Notice(e.severity(), e.sqlState(), e.getMessage(), e.detail(), e.hint(),
                e.position(), e.where());
    }
}
