package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.FrontendMessage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A bound statement ready to run, and, once it runs, its open JDBC statement and result set, so that an Execute
 * with a row limit can stop and a later Execute can go on from the same row without materialising anything.
 */
final class Portal {
    final String name;
    final ParsedStatement statement;
    /** Null for the implicit portal of a simple Query. */
    final FrontendMessage.Bind bind;
    /** The decoded parameter values, by PostgreSQL parameter index ({@code $1} is 0). */
    final Object[] parameters;

    Statement jdbc;
    ResultSet resultSet;
    ResultColumns columns;
    /** The CommandComplete tag once the portal has run to the end. */
    String completionTag;
    long rowsSent;
    /** The update count of the translation's follow-up statement, which the rows sent must equal; -1 if none. */
    long expectedRows = -1;
    boolean started;
    /** The statement as the backend gets it: {@link #statement} with session functions replaced by their values. */
    ParsedStatement runAs;
    /** For EXECUTE of a prepared statement: the portal of the statement it runs. */
    Portal target;
    /** Made by a simple Query (also when it runs EXECUTE): never part of an extended-protocol batch. */
    boolean simpleQuery;
    /** Rows the proxy computed itself (SHOW), sent instead of a result set's. */
    java.util.List<Object[]> localRows;
    int localIndex;
    /** A FETCH from a cursor: sends the rows the cursor moves over, in place of a result set's. */
    CursorFetch fetch;

    Portal(String name, ParsedStatement statement, FrontendMessage.Bind bind, Object[] parameters) {
        this.name = name;
        this.statement = statement;
        this.bind = bind;
        this.parameters = parameters;
        this.runAs = statement;
        this.simpleQuery = bind == null;
    }

    boolean returnsRows() {
        return columns != null;
    }

    /** Releases the JDBC result set and statement; safe to call more than once. */
    void close() {
        if (target != null) {
            target.close();
        }
        if (fetch != null) {
            fetch.close();
            fetch = null;
        }
        try {
            if (resultSet != null) {
                resultSet.close();
            }
        } catch (SQLException ignored) {
            // the statement is closed next; nothing more to free
        }
        try {
            if (jdbc != null) {
                jdbc.close();
            }
        } catch (SQLException ignored) {
            // a broken connection is evicted by the pool
        }
        resultSet = null;
        jdbc = null;
    }
}
