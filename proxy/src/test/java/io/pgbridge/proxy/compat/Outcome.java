package io.pgbridge.proxy.compat;

import java.util.List;

/** What one statement did on one database, as a pgjdbc client sees it. */
sealed interface Outcome {

    /** A short human description for the report. */
    String describe();

    /**
     * The database rejected the statement.
     *
     * @param sqlState the SQLSTATE, or an empty string when the driver gave none (a client-side failure)
     * @param message the first line of the error message
     */
    record Failed(String sqlState, String message) implements Outcome {
        @Override
        public String describe() {
            return "error " + (sqlState.isEmpty() ? "without SQLSTATE" : sqlState) + ": " + message;
        }
    }

    /**
     * The statement ran.
     *
     * @param updateCount the command's row count when it returned no result set, else -1
     * @param columns column labels of the result set, or null when there was none
     * @param rows the rows' values as {@code getString} gives them (null for SQL NULL), empty without a result set
     */
    record Succeeded(long updateCount, List<String> columns, List<List<String>> rows) implements Outcome {
        boolean hasResult() {
            return columns != null;
        }

        @Override
        public String describe() {
            return hasResult() ? rows.size() + " row(s) of " + columns : "update count " + updateCount;
        }
    }
}
