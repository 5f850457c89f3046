package io.pgbridge.proxy.session;

import io.pgbridge.proxy.session.cursor.CursorPosition;
import io.pgbridge.proxy.session.cursor.CursorRows;
import io.pgbridge.proxy.session.cursor.CursorStatement;
import io.pgbridge.proxy.session.cursor.RowSource;
import io.pgbridge.proxy.session.cursor.RowStore;

import java.sql.ResultSet;

/**
 * A cursor of SQL's DECLARE on a backend other than PostgreSQL: the portal of its query with the backend's result
 * set open, the columns, the rows it has kept (if it may scroll or is held) and its position.
 */
final class SqlCursor implements AutoCloseable {
    /** Rows a cursor keeps on the heap before the rest goes to a temporary file. */
    static final int MEMORY_ROWS = 1000;

    final CursorStatement.Declare declaration;
    final ResultColumns columns;
    final CursorRows rows;
    final CursorPosition position;
    private final Portal query;
    /** Savepoints open when it was declared: a ROLLBACK TO one of them drops it. */
    int savepointDepth;
    /** WITH HOLD and its transaction committed: it survives the end of later transactions. */
    boolean held;
    /** A FETCH or MOVE failed on it: PostgreSQL will not run its portal again. */
    boolean failed;

    SqlCursor(CursorStatement.Declare declaration, Portal query, int savepointDepth, BackendWarnings warnings) {
        this.declaration = declaration;
        this.query = query;
        this.columns = query.columns;
        this.savepointDepth = savepointDepth;
        boolean noScroll = declaration.scroll() == CursorStatement.Scroll.NO_SCROLL;
        this.rows = new CursorRows(source(query, columns, warnings),
                first -> new RowStore(columns.pgTypes(), MEMORY_ROWS, first), !noScroll);
        this.position = new CursorPosition(rows, noScroll);
    }

    /**
     * The portal's rows, read forward from its result set; at the end, the backend's warnings that PostgreSQL
     * raises as errors fail the FETCH that got there.
     */
    private static RowSource source(Portal query, ResultColumns columns, BackendWarnings warnings) {
        return new RowSource() {
            @Override
            public Object[] next() throws Exception {
                ResultSet rs = query.resultSet;
                while (rs != null && rs.next()) {
                    if (columns.isClientRow(rs)) {
                        return columns.readRow(rs);
                    }
                }
                if (rs != null) {
                    warnings.failOnValueWarnings(query.jdbc.getWarnings(), query.statement.info());
                }
                return null;
            }

            @Override
            public void close() {
                query.close();
            }
        };
    }

    /** The backend statement of its query, null once its rows are all read. */
    java.sql.Statement statement() {
        return query.jdbc;
    }

    @Override
    public void close() {
        rows.close();
    }
}
