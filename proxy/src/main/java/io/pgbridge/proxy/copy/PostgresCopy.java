package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.PgWire;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * COPY on a PostgreSQL backend: the client's statement runs as it is through pgjdbc's CopyManager, and the data
 * passes through, CopyData for CopyData; PostgreSQL does the parsing, conversion and checks itself.
 */
public final class PostgresCopy {
    private final String sql;
    private final CopyClient client;
    private final Connection connection;

    public PostgresCopy(String sql, CopyClient client, Connection connection) {
        this.sql = sql;
        this.client = client;
        this.connection = connection;
    }

    /** COPY FROM STDIN: returns the number of rows PostgreSQL reports. */
    public long copyIn() throws Exception {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        client.send(response('G', in));
        client.flush();
        try {
            CopyInData.receive(client, data -> in.writeToCopy(data, 0, data.length));
        } catch (Exception e) {
            cancel(in);
            throw e;
        }
        return in.endCopy();
    }

    /** COPY TO STDOUT: PostgreSQL's CopyData reach the client as they come. */
    public long copyOut() throws Exception {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        client.send(response('H', out));
        try {
            byte[] data;
            while ((data = out.readFromCopy()) != null) {
                ByteBuf buffer = client.buffer();
                int start = PgWire.beginMessage(buffer, (byte) 'd');
                buffer.writeBytes(data);
                PgWire.endMessage(buffer, start);
                client.flushIfLarge();
            }
        } catch (RuntimeException | InterruptedException e) {
            cancel(out);
            throw e;
        }
        client.send(new BackendMessage.CopyOutDone());
        return out.getHandledRowCount();
    }

    private static BackendMessage.CopyResponse response(char kind, CopyOperation operation) {
        short[] formats = new short[operation.getFieldCount()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = (short) operation.getFieldFormat(i);
        }
        return new BackendMessage.CopyResponse(kind, (byte) operation.getFormat(), formats);
    }

    /** Ends the backend's COPY after a failure on our side; PostgreSQL's answer to it is of no interest then. */
    private static void cancel(CopyOperation operation) {
        if (operation.isActive()) {
            try {
                operation.cancelCopy();
            } catch (SQLException ignored) {
                // The COPY is over either way; the client gets the error that caused the cancel.
            }
        }
    }
}
