package io.pgbridge.proxy.session;

import io.pgbridge.translation.JdbcSql;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.Translation;

/**
 * A statement as the client prepared it (Parse, or one statement of a simple Query): the client's SQL, the
 * parameter types it declared (0 = let the backend decide), what kind of statement it is, the SQL for JDBC, and
 * whether running it twice is harmless (a plain read), which allows a cheaper first attempt on some backends, and
 * whether it may call session functions ({@link SessionFunctions}), which are replaced each time it runs, and
 * how the backend's result becomes the client's ({@code resultHints}: the translation's boolean columns and marked
 * rows, see {@link Translation}), and whether it reads the catalog, which on backends other than PostgreSQL runs
 * on the catalog engine ({@link io.pgbridge.proxy.catalog.CatalogEngine}).
 */
record ParsedStatement(String name, String sql, int[] parameterTypes, StatementInfo info, JdbcSql jdbcSql,
                       boolean repeatable, boolean sessionFunctions, Translation resultHints, boolean catalog) {

    /** Result columns PostgreSQL types as boolean though the backend answers numbers. */
    java.util.List<Integer> booleanColumns() {
        return resultHints.booleanColumns();
    }

    /** The backend's rows carry a first column marking those the client gets ({@link Translation#markedRows()}). */
    boolean markedRows() {
        return resultHints.markedRows();
    }

    int parameterCount() {
        return Math.max(parameterTypes.length, jdbcSql.parameterCount());
    }

    /**
     * This statement with result columns typed as {@code columnTypes} says (0-based column → typname), over what the
     * translation made of them (a literal that replaced a call).
     */
    ParsedStatement withResultTypes(java.util.Map<Integer, String> columnTypes) {
        if (columnTypes.isEmpty()) {
            return this;
        }
        java.util.Map<Integer, String> types = new java.util.HashMap<>(resultHints.columnTypes());
        types.putAll(columnTypes);
        Translation hints = new Translation(resultHints.sql(), types, resultHints.markedRows(), resultHints.followUps());
        return new ParsedStatement(name, sql, parameterTypes, info, jdbcSql, repeatable, sessionFunctions, hints, catalog);
    }

    /** This statement with {@code types} as its parameters' declared types. */
    ParsedStatement withParameterTypes(int[] types) {
        return new ParsedStatement(name, sql, types, info, jdbcSql, repeatable, sessionFunctions, resultHints, catalog);
    }

    /** The declared type of parameter {@code index} (0-based), 0 when the client left it open. */
    int parameterType(int index) {
        return index < parameterTypes.length ? parameterTypes[index] : 0;
    }
}
