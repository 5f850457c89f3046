package io.pgbridge.proxy.codec;

import java.util.Map;

/**
 * One message from a PostgreSQL client, decoded from one frame by {@link PgMessageDecoder}.
 * Strings are UTF-8 (pgbridge reports {@code client_encoding = UTF8}); byte arrays are owned by the record.
 */
public sealed interface FrontendMessage {

    /** {@code Int32 len=8, Int32 80877103}: the client asks for TLS before the startup packet. */
    record SslRequest() implements FrontendMessage {}

    /** {@code Int32 len=8, Int32 80877104}: the client asks for GSSAPI encryption. */
    record GssEncRequest() implements FrontendMessage {}

    /** {@code Int32 len=16, Int32 80877102, Int32 pid, Int32 key}: sent on a new connection to cancel another's query. */
    record CancelRequest(int processId, int secretKey) implements FrontendMessage {}

    /**
     * {@code Int32 len, Int16 major, Int16 minor, (String name, String value)*, Byte 0}. Parameters keep their
     * order; {@code _pq_.}-prefixed protocol options are among them.
     */
    record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters) implements FrontendMessage {}

    /**
     * {@code 'p', Int32 len, Byte[len-4]}: PasswordMessage, SASLInitialResponse or SASLResponse; which one depends on
     * the authentication exchange in progress, so the body stays raw.
     */
    record PasswordMessage(byte[] body) implements FrontendMessage {}

    /** {@code 'Q', Int32 len, String sql}: simple query, possibly several statements. */
    record Query(String sql) implements FrontendMessage {}

    /** {@code 'P', Int32 len, String name, String sql, Int16 n, Int32[n] parameter type OIDs (0 = unspecified)}. */
    record Parse(String statementName, String sql, int[] parameterTypes) implements FrontendMessage {}

    /**
     * {@code 'B', Int32 len, String portal, String statement, Int16 nf, Int16[nf] formats, Int16 nv,
     * (Int32 len, Byte[len])[nv] values (len -1 = NULL), Int16 nr, Int16[nr] result formats}.
     * {@code parameterValues[i] == null} is SQL NULL. Format arrays are as sent: empty (all text), one (applies to
     * all) or one per item; use {@link #parameterFormat(int)} and {@link #resultFormat(int)}.
     */
    record Bind(String portalName, String statementName, short[] parameterFormats, byte[][] parameterValues,
                short[] resultFormats) implements FrontendMessage {
        /** 0 = text, 1 = binary, for parameter {@code index} (0-based). */
        public short parameterFormat(int index) {
            return formatAt(parameterFormats, index);
        }

        /** 0 = text, 1 = binary, for result column {@code index} (0-based). */
        public short resultFormat(int index) {
            return formatAt(resultFormats, index);
        }

        private static short formatAt(short[] formats, int index) {
            return switch (formats.length) {
                case 0 -> 0;
                case 1 -> formats[0];
                default -> index < formats.length ? formats[index] : 0;
            };
        }
    }

    /** {@code 'D', Int32 len, Byte1 'S'|'P', String name}. */
    record Describe(char kind, String name) implements FrontendMessage {}

    /** {@code 'E', Int32 len, String portal, Int32 maxRows (0 = no limit)}. */
    record Execute(String portalName, int maxRows) implements FrontendMessage {}

    /** {@code 'S', Int32 4}. */
    record Sync() implements FrontendMessage {}

    /** {@code 'H', Int32 4}. */
    record Flush() implements FrontendMessage {}

    /** {@code 'C', Int32 len, Byte1 'S'|'P', String name}. */
    record Close(char kind, String name) implements FrontendMessage {}

    /** {@code 'd', Int32 len, Byte[len-4]}. */
    record CopyData(byte[] data) implements FrontendMessage {}

    /** {@code 'c', Int32 4}. */
    record CopyDone() implements FrontendMessage {}

    /** {@code 'f', Int32 len, String message}. */
    record CopyFail(String message) implements FrontendMessage {}

    /** {@code 'F', Int32 len, ...}: the legacy fast-path function call; kept raw, answered as unsupported. */
    record FunctionCall(byte[] body) implements FrontendMessage {}

    /** {@code 'X', Int32 4}. */
    record Terminate() implements FrontendMessage {}

    /**
     * Not a PostgreSQL message: the decoder met bytes that break the protocol (bad length, unknown type,
     * truncated field). The session answers FATAL 08P01 and closes; the decoder discards everything after it.
     */
    record ProtocolViolation(String reason) implements FrontendMessage {}
}
