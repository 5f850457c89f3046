package io.pgbridge.proxy.codec;

import java.util.List;

/**
 * One message from pgbridge to a client, written by {@link BackendMessageEncoder}. DataRow on the hot path is
 * written straight into the output buffer by the result streamer; {@link DataRow} exists for everything else.
 */
public sealed interface BackendMessage {

    /** A single byte {@code 'S'} or {@code 'N'}: the answer to SSLRequest / GSSENCRequest (not a framed message). */
    record EncryptionResponse(boolean accepted) implements BackendMessage {}

    /** {@code 'R', Int32 8, Int32 0}. */
    record AuthenticationOk() implements BackendMessage {}

    /** {@code 'R', Int32 8, Int32 3}. */
    record AuthenticationCleartextPassword() implements BackendMessage {}

    /** {@code 'R', Int32 12, Int32 5, Byte4 salt}. */
    record AuthenticationMd5Password(byte[] salt) implements BackendMessage {}

    /** {@code 'R', Int32 len, Int32 10, (String mechanism)*, Byte 0}. */
    record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {}

    /** {@code 'R', Int32 len, Int32 11, Byte[n] server-first-message}. */
    record AuthenticationSaslContinue(byte[] data) implements BackendMessage {}

    /** {@code 'R', Int32 len, Int32 12, Byte[n] server-final-message}. */
    record AuthenticationSaslFinal(byte[] data) implements BackendMessage {}

    /** {@code 'S', Int32 len, String name, String value}. */
    record ParameterStatus(String name, String value) implements BackendMessage {}

    /** {@code 'K', Int32 12, Int32 pid, Int32 key}. */
    record BackendKeyData(int processId, int secretKey) implements BackendMessage {}

    /** {@code 'v', Int32 len, Int32 newest supported minor, Int32 n, (String option)[n]}. */
    record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) implements BackendMessage {}

    /** {@code 'Z', Int32 5, Byte1 'I'|'T'|'E'}. */
    record ReadyForQuery(char transactionStatus) implements BackendMessage {}

    /** One column of a RowDescription. {@code format}: 0 text, 1 binary. */
    record Field(String name, int tableOid, short columnNumber, int typeOid, short typeSize, int typeModifier,
                 short format) {}

    /** {@code 'T', Int32 len, Int16 n, (String name, Int32 table, Int16 attnum, Int32 type, Int16 size, Int32 mod, Int16 fmt)[n]}. */
    record RowDescription(List<Field> fields) implements BackendMessage {}

    /** {@code 'D', Int32 len, Int16 n, (Int32 len, Byte[len])[n]}; a null value is written as length -1. */
    record DataRow(byte[][] values) implements BackendMessage {}

    /** {@code 'C', Int32 len, String tag}. */
    record CommandComplete(String tag) implements BackendMessage {}

    /** {@code 'I', Int32 4}. */
    record EmptyQueryResponse() implements BackendMessage {}

    /** {@code '1', Int32 4}. */
    record ParseComplete() implements BackendMessage {}

    /** {@code '2', Int32 4}. */
    record BindComplete() implements BackendMessage {}

    /** {@code '3', Int32 4}. */
    record CloseComplete() implements BackendMessage {}

    /** {@code 'n', Int32 4}. */
    record NoData() implements BackendMessage {}

    /** {@code 's', Int32 4}. */
    record PortalSuspended() implements BackendMessage {}

    /** {@code 't', Int32 len, Int16 n, Int32[n] type OIDs}. */
    record ParameterDescription(int[] typeOids) implements BackendMessage {}

    /**
     * The fields of an ErrorResponse or NoticeResponse. {@code severity} is the non-localised severity
     * (ERROR, FATAL, PANIC, WARNING, NOTICE…), written both as 'S' and 'V'. Null fields and position 0 are omitted.
     */
    record Notice(String severity, String sqlState, String message, String detail, String hint, int position,
                  String where) {}

    /** {@code 'E', Int32 len, (Byte1 code, String value)*, Byte 0}. */
    record ErrorResponse(Notice fields) implements BackendMessage {}

    /** {@code 'N', Int32 len, (Byte1 code, String value)*, Byte 0}. */
    record NoticeResponse(Notice fields) implements BackendMessage {}

    /** {@code 'G' / 'H' / 'W', Int32 len, Int8 overall format, Int16 n, Int16[n] column formats}. */
    record CopyResponse(char kind, byte overallFormat, short[] columnFormats) implements BackendMessage {}

    /** {@code 'd', Int32 len, Byte[len-4]}. */
    record CopyOutData(byte[] data) implements BackendMessage {}

    /** {@code 'c', Int32 4}. */
    record CopyOutDone() implements BackendMessage {}

    /** {@code 'A', Int32 len, Int32 pid, String channel, String payload}. */
    record NotificationResponse(int processId, String channel, String payload) implements BackendMessage {}
}
