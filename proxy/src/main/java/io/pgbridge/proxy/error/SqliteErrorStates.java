package io.pgbridge.proxy.error;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLSTATEs for sqlite-jdbc's errors, which carry none: the message starts with the result code name
 * ({@code [SQLITE_CONSTRAINT_UNIQUE] …}, {@code [SQLITE_ERROR] SQL error or missing database (…)}) and SQLite's own
 * text in parentheses says what PostgreSQL's codes say. Errors raised by the functions pgbridge registers in SQLite
 * start with their SQLSTATE ({@code 22012: division by zero}), and so do the names of the CHECK constraints the DDL
 * translator adds for what a column's type refuses ({@code pgbridge_22001_name}).
 */
final class SqliteErrorStates {
    /** SQLite's message fragments, first match wins, with the state PostgreSQL gives the same mistake. */
    private static final List<String[]> FRAGMENTS = List.of(
            new String[] {"(no such table:", "42P01"},
            new String[] {"(no such view:", "42P01"},
            new String[] {"(no such column:", "42703"},
            new String[] {"(no such index:", "42704"},
            new String[] {"(no such function:", "42883"},
            new String[] {"(wrong number of arguments to function", "42883"},
            new String[] {"already exists)", "42P07"},
            new String[] {"(ambiguous column name:", "42702"},
            new String[] {"(duplicate column name:", "42701"},
            new String[] {"(misuse of aggregate", "42803"},
            new String[] {"(misuse of window function", "42803"},
            new String[] {"(ON CONFLICT clause does not match", "42P10"},
            new String[] {"syntax error)", "42601"},
            new String[] {"(incomplete input)", "42601"},
            new String[] {"columns)", "42601"},   // "2 values for 1 columns", "table t has 2 columns but 3 values were supplied"
            new String[] {"(row value misused)", "42601"},
            new String[] {"do not have the same number of result columns)", "42601"},
            new String[] {"(integer overflow)", "22003"},
            new String[] {"(datatype mismatch)", "42804"},
            new String[] {"[SQLITE_INTERRUPT]", "57014"},
            new String[] {"(cannot start a transaction within a transaction)", "25001"});
    /** The checks the DDL translator adds for what a column's PostgreSQL type refuses carry the SQLSTATE. */
    private static final Pattern TYPE_CHECK = Pattern.compile("CHECK constraint failed: pgbridge_([0-9A-Z]{5})_");
    private static final Pattern RAISED_STATE = Pattern.compile("\\((?:java\\.sql\\.SQLException: )?([0-9A-Z]{5}): ");

    private SqliteErrorStates() {
    }

    /** The SQLSTATE for sqlite-jdbc's {@code message}; XX000 when the message says nothing known. */
    static String of(String message) {
        Matcher raised = RAISED_STATE.matcher(message);
        if (message.startsWith("[SQLITE_ERROR]") && raised.find()) {
            return raised.group(1);
        }
        Matcher typeCheck = TYPE_CHECK.matcher(message);
        if (message.startsWith("[SQLITE_CONSTRAINT_CHECK]") && typeCheck.find()) {
            return typeCheck.group(1);
        }
        if (message.startsWith("[SQLITE_CONSTRAINT_")) {
            String code = message.substring("[SQLITE_CONSTRAINT_".length(), Math.max(message.indexOf(']'), 0));
            return switch (code) {
                case "UNIQUE", "PRIMARYKEY" -> "23505";
                case "FOREIGNKEY" -> "23503";
                case "NOTNULL" -> "23502";
                case "CHECK" -> "23514";
                default -> "23000";
            };
        }
        for (String[] fragment : FRAGMENTS) {
            if (message.contains(fragment[0])) {
                return fragment[1];
            }
        }
        return SqlState.INTERNAL_ERROR.code();
    }
}
