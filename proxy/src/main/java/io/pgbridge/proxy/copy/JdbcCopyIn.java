package io.pgbridge.proxy.copy;

import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypeException;
import io.pgbridge.translation.JdbcSql;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * COPY FROM STDIN into a backend without COPY of its own: rows are decoded as CopyData arrives, converted to the
 * columns' types and written with batched inserts, in the transaction the caller has open (PostgreSQL's atomicity:
 * a failed COPY leaves nothing once the caller rolls back). Memory holds one batch and one unfinished row; while a
 * batch runs, no message is taken from the session's inbox, so the channel stops reading when that fills.
 */
public final class JdbcCopyIn {
    /** Rows per executeBatch: large enough to amortise the round trip, small enough to keep memory flat. */
    static final int BATCH_ROWS = 1000;

    private final CopyStatement copy;
    private final CopyClient client;
    private final CopyBackend backend;

    public JdbcCopyIn(CopyStatement copy, CopyClient client, CopyBackend backend) {
        this.copy = copy;
        this.client = client;
        this.backend = backend;
    }

    /** Runs the COPY and returns how many rows it inserted. */
    public long run() throws Exception {
        CopyColumns table = CopyColumns.ofTable(copy, backend);
        int[] targets = targetColumns(table);
        List<String> names = new ArrayList<>();
        List<String> insertColumns = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            names.add(copy.columnNames().isEmpty() ? table.names().get(targets[i]) : copy.columnNames().get(i));
            insertColumns.add(copy.columnSql().isEmpty() ? quoted(table.names().get(targets[i])) : copy.columnSql().get(i));
        }
        CopyColumnList.checkForced(copy, table.names(), names);
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(copy.table()).append(" (")
                .append(String.join(", ", insertColumns)).append(") VALUES (");
        for (int i = 0; i < targets.length; i++) {
            insert.append(i == 0 ? "$" : ", $").append(i + 1);
        }
        JdbcSql sql = backend.sql().translate(insert.append(')').toString()).jdbc();
        short[] formats = new short[targets.length];
        java.util.Arrays.fill(formats, copy.options().format().wireFormat());
        client.send(new BackendMessage.CopyResponse('G', copy.options().format().wireFormat(), formats));
        client.flush();
        CopyRowDecoder decoder = CopyRowDecoder.of(copy.options(), names, copy.relationName());
        try (PreparedStatement insertRow = backend.connection().prepareStatement(sql.sql())) {
            backend.statementStarted().accept(insertRow);
            H2TableRows direct = "h2".equals(backend.dialect().name())
                    ? H2TableRows.open(backend.connection(), insertRow, sql.sql(), targets.length, BATCH_ROWS) : null;
            Batch batch = new Batch(insertRow, direct, sql.parameterOrder(), table, targets, names, decoder);
            try {
                CopyInData.receive(client, data -> decoder.feed(data, batch::add));
                decoder.finish(batch::add);
                batch.execute();
            } catch (Exception e) {
                decoder.discard();
                throw inContext(e, decoder);
            }
            return batch.rows;
        }
    }

    /** The table's index of each column COPY fills: the listed ones, or all. */
    private int[] targetColumns(CopyColumns table) {
        if (copy.columnNames().isEmpty()) {
            int[] all = new int[table.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return CopyColumnList.resolve(copy, table.names());
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's CONTEXT (the line it was waiting for) for an error outside the data, such as CopyFail. */
    private static PgException inContext(Exception e, CopyRowDecoder decoder) {
        PgException error = ErrorMapper.map(e);
        if (error.where() != null || error.isFatal()) {
            return error;
        }
        return error.withContext(decoder.context(decoder.line() + 1, null));
    }

    /**
     * Converts and binds rows, and sends them to the backend every {@link #BATCH_ROWS}: as a JDBC batch, or into an
     * in-process H2 table directly ({@link H2TableRows}) when that is possible.
     */
    private final class Batch {
        private final PreparedStatement insert;
        private final H2TableRows direct;
        private final int[] order;
        private final CopyColumns table;
        private final int[] targets;
        private final List<String> names;
        private final CopyRowDecoder decoder;
        private final Object[] converted;
        /** The input line of each row in the batch, for the CONTEXT of a row the backend refuses. */
        private final long[] lines = new long[BATCH_ROWS];
        private int pending;
        long rows;

        Batch(PreparedStatement insert, H2TableRows direct, int[] order, CopyColumns table, int[] targets,
              List<String> names, CopyRowDecoder decoder) {
            this.insert = insert;
            this.direct = direct;
            this.order = order;
            this.table = table;
            this.targets = targets;
            this.names = names;
            this.decoder = decoder;
            this.converted = new Object[targets.length];
        }

        void add(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                converted[i] = convert(i, values[i]);
            }
            for (int marker = 0; marker < order.length; marker++) {
                int i = order[marker];
                int column = targets[i];
                if (converted[i] == null) {
                    insert.setNull(marker + 1, table.jdbcTypes()[column]);
                } else {
                    table.types()[column].bind(insert, marker + 1, converted[i]);
                }
            }
            if (direct != null) {
                direct.take();
            } else {
                insert.addBatch();
            }
            rows++;
            lines[pending] = decoder.line();
            if (++pending >= BATCH_ROWS) {
                execute();
            }
        }

        private Object convert(int i, Object raw) {
            if (raw == null) {
                return null;
            }
            PgType<Object> type = table.types()[targets[i]];
            try {
                Object value = raw instanceof byte[] bytes ? type.decodeBinary(Unpooled.wrappedBuffer(bytes), bytes.length)
                        : type.decodeText((String) raw, backend.context());
                return Typmods.check(value, type.oid(), table.precisions()[targets[i]], table.scales()[targets[i]]);
            } catch (PgTypeException | PgException e) {
                throw ErrorMapper.map(e).withContext(decoder.columnContext(names.get(i),
                        raw instanceof String s ? s : null));
            }
        }

        void execute() throws SQLException {
            if (pending == 0) {
                return;
            }
            int rowsInBatch = pending;
            pending = 0;
            if (direct != null) {
                try {
                    direct.insert();
                } catch (H2TableRows.ChunkFailed e) {
                    throw ErrorMapper.map(e.getCause()).withContext(decoder.context(lines[e.row()], null));
                }
                return;
            }
            try {
                insert.executeBatch();
            } catch (BatchUpdateException e) {
                throw ErrorMapper.map(e).withContext(
                        decoder.context(lines[failedRow(e.getUpdateCounts(), rowsInBatch)], null));
            }
        }

        /** Drivers either stop at the failed row or mark it EXECUTE_FAILED and go on. */
        private static int failedRow(int[] counts, int rowsInBatch) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return i;
                }
            }
            return Math.min(counts.length, rowsInBatch - 1);
        }
    }
}
