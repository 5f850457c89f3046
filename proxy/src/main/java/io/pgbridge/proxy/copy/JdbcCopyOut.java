package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.PgWire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * COPY TO STDOUT from a backend without COPY of its own: the table's (or the query's) rows are read from the JDBC
 * result set as they are sent, one CopyData per row as PostgreSQL sends them, leaving in 64 KiB chunks; while the
 * client does not read, the session waits and no more rows are fetched.
 */
public final class JdbcCopyOut {
    private final CopyStatement copy;
    private final CopyClient client;
    private final CopyBackend backend;
    private final int fetchSize;

    public JdbcCopyOut(CopyStatement copy, CopyClient client, CopyBackend backend, int fetchSize) {
        this.copy = copy;
        this.client = client;
        this.backend = backend;
        this.fetchSize = fetchSize;
    }

    /** Runs the COPY and returns how many rows it wrote. */
    public long run() throws Exception {
        if (!copy.columnNames().isEmpty()) {
            CopyColumnList.resolve(copy, tableColumns());
        }
        BackendSql.Translated query = backend.sql().translate(copy.sourceQuery());
        try (Statement st = backend.connection().createStatement()) {
            st.setFetchSize(backend.dialect().fetchSize(fetchSize));
            backend.statementStarted().accept(st);
            ResultSet rs;
            try {
                rs = st.executeQuery(query.jdbc().sql());
            } catch (SQLException e) {
                throw CopyColumns.missingTable(copy, e);
            }
            try (rs) {
                CopyColumns columns = CopyColumns.of(rs.getMetaData(), backend.dialect(), query.booleanColumns());
                List<String> names = copy.columnNames().isEmpty() ? columns.names() : copy.columnNames();
                CopyColumnList.checkForced(copy, copy.table() == null ? names : tableColumns(), names);
                return send(rs, columns, names);
            }
        }
    }

    private long send(ResultSet rs, CopyColumns columns, List<String> names) throws Exception {
        CopyRowEncoder encoder = CopyRowEncoder.of(copy.options(), names);
        short[] formats = new short[columns.size()];
        java.util.Arrays.fill(formats, copy.options().format().wireFormat());
        client.send(new BackendMessage.CopyResponse('H', copy.options().format().wireFormat(), formats));
        ByteBuf out = client.buffer();
        int start = PgWire.beginMessage(out, (byte) 'd');                 // 'd', Int32 len, Byte[len-4]
        if (encoder.header(names, out)) {
            PgWire.endMessage(out, start);
        } else {
            out.writerIndex(start - 1);
        }
        Object[] values = new Object[columns.size()];
        long rows = 0;
        while (rs.next()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.types()[i].read(rs, i + 1);
            }
            out = client.buffer();
            start = PgWire.beginMessage(out, (byte) 'd');
            encoder.row(columns.types(), values, out, backend.context());
            PgWire.endMessage(out, start);
            rows++;
            client.flushIfLarge();
        }
        out = client.buffer();
        start = PgWire.beginMessage(out, (byte) 'd');
        if (encoder.trailer(out)) {
            PgWire.endMessage(out, start);
        } else {
            out.writerIndex(start - 1);
        }
        client.send(new BackendMessage.CopyOutDone());
        return rows;
    }

    private List<String> tableColumns() throws SQLException {
        return CopyColumns.ofTable(copy, backend).names();
    }
}
