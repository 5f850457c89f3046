package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

/**
 * The client's half of COPY FROM STDIN after CopyInResponse: CopyData until CopyDone, as PostgreSQL takes them
 * ({@code CopyGetData}). CopyFail ends it with 57014; Flush and Sync are ignored; anything else is a protocol error.
 */
final class CopyInData {
    /** Receives each CopyData body in order. */
    interface Consumer {
        void data(byte[] data) throws Exception;
    }

    private CopyInData() {
    }

    /** Hands every CopyData to {@code consumer}; returns at CopyDone, throws at CopyFail. */
    static void receive(CopyClient client, Consumer consumer) throws Exception {
        while (true) {
            FrontendMessage message = client.nextMessage();
            switch (message) {
                case FrontendMessage.CopyData d -> consumer.data(d.data());
                case FrontendMessage.CopyDone d -> {
                    return;
                }
                case FrontendMessage.CopyFail f -> throw new PgException(SqlState.QUERY_CANCELED,
                        "COPY from stdin failed: " + f.message());
                case FrontendMessage.Flush f -> {
                }
                case FrontendMessage.Sync s -> {
                }
                case FrontendMessage.Terminate t -> throw new PgException("FATAL", SqlState.CONNECTION_FAILURE.code(),
                        "unexpected EOF on client connection with an open transaction", null, null, 0, null);
                case FrontendMessage.ProtocolViolation v -> throw PgException.fatal(SqlState.PROTOCOL_VIOLATION,
                        v.reason());
                default -> throw new PgException(SqlState.PROTOCOL_VIOLATION, "unexpected message type 0x"
                        + String.format("%02X", (int) typeByte(message)) + " during COPY from stdin");
            }
        }
    }

    private static char typeByte(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Describe d -> 'D';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Close c -> 'C';
            case FrontendMessage.FunctionCall f -> 'F';
            case FrontendMessage.PasswordMessage p -> 'p';
            default -> '?';
        };
    }
}
