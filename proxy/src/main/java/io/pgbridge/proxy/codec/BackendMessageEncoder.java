package io.pgbridge.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationCleartextPassword;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationMd5Password;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationOk;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationSasl;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationSaslContinue;
import io.pgbridge.proxy.codec.BackendMessage.AuthenticationSaslFinal;
import io.pgbridge.proxy.codec.BackendMessage.BackendKeyData;
import io.pgbridge.proxy.codec.BackendMessage.BindComplete;
import io.pgbridge.proxy.codec.BackendMessage.CloseComplete;
import io.pgbridge.proxy.codec.BackendMessage.CommandComplete;
import io.pgbridge.proxy.codec.BackendMessage.CopyOutData;
import io.pgbridge.proxy.codec.BackendMessage.CopyOutDone;
import io.pgbridge.proxy.codec.BackendMessage.CopyResponse;
import io.pgbridge.proxy.codec.BackendMessage.DataRow;
import io.pgbridge.proxy.codec.BackendMessage.EmptyQueryResponse;
import io.pgbridge.proxy.codec.BackendMessage.EncryptionResponse;
import io.pgbridge.proxy.codec.BackendMessage.ErrorResponse;
import io.pgbridge.proxy.codec.BackendMessage.Field;
import io.pgbridge.proxy.codec.BackendMessage.NegotiateProtocolVersion;
import io.pgbridge.proxy.codec.BackendMessage.NoData;
import io.pgbridge.proxy.codec.BackendMessage.Notice;
import io.pgbridge.proxy.codec.BackendMessage.NoticeResponse;
import io.pgbridge.proxy.codec.BackendMessage.NotificationResponse;
import io.pgbridge.proxy.codec.BackendMessage.ParameterDescription;
import io.pgbridge.proxy.codec.BackendMessage.ParameterStatus;
import io.pgbridge.proxy.codec.BackendMessage.ParseComplete;
import io.pgbridge.proxy.codec.BackendMessage.PortalSuspended;
import io.pgbridge.proxy.codec.BackendMessage.ReadyForQuery;
import io.pgbridge.proxy.codec.BackendMessage.RowDescription;

import java.util.List;
import java.util.Objects;

import static io.pgbridge.proxy.codec.PgWire.beginMessage;
import static io.pgbridge.proxy.codec.PgWire.endMessage;
import static io.pgbridge.proxy.codec.PgWire.writeCString;

/**
 * Writes {@link BackendMessage} records in the PostgreSQL v3 wire format. Stateless; lengths are backfilled by
 * {@link PgWire#endMessage} so no size has to be computed twice.
 *
 * <p>Records that cannot be written faithfully (a string containing NUL, an MD5 salt that is not 4 bytes, a count
 * above 65535, a status byte PostgreSQL never sends) are refused with {@link IllegalArgumentException} rather than
 * sent as bytes a client would misread; the output buffer is then left as it was.
 */
public final class BackendMessageEncoder {

    private static final int MAX_INT16_COUNT = 0xFFFF;

    private BackendMessageEncoder() {
    }

    /** Encodes into a new buffer from {@code alloc}, sized by {@link #sizeHint}; the caller owns the result. */
    public static ByteBuf encode(ByteBufAllocator alloc, BackendMessage message) {
        ByteBuf out = alloc.buffer(sizeHint(message));
        try {
            encode(message, out);
            return out;
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    /**
     * Appends one message to {@code out}.
     *
     * @throws IllegalArgumentException if the record cannot be written faithfully; {@code out} is then unchanged
     */
    public static void encode(BackendMessage message, ByteBuf out) {
        int start = out.writerIndex();
        try {
            write(message, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static void write(BackendMessage message, ByteBuf out) {
        switch (message) {
            case EncryptionResponse m -> out.writeByte(m.accepted() ? 'S' : 'N'); // Byte1 'S'|'N', no length
            case AuthenticationOk m -> authentication(out, 0);                  // 'R', Int32 8, Int32 0
            case AuthenticationCleartextPassword m -> authentication(out, 3);   // 'R', Int32 8, Int32 3
            case AuthenticationMd5Password m -> md5Password(m, out);
            case AuthenticationSasl m -> sasl(m, out);
            case AuthenticationSaslContinue m -> saslData(out, 11, m.data());
            case AuthenticationSaslFinal m -> saslData(out, 12, m.data());
            case ParameterStatus m -> {
                int len = beginMessage(out, (byte) 'S');                        // 'S', Int32 len
                writeCString(out, m.name());                                    // String name
                writeCString(out, m.value());                                   // String value
                endMessage(out, len);
            }
            case BackendKeyData m -> {
                out.writeByte('K').writeInt(12);                                // 'K', Int32 12
                out.writeInt(m.processId()).writeInt(m.secretKey());            // Int32 pid, Int32 key
            }
            case NegotiateProtocolVersion m -> negotiate(m, out);
            case ReadyForQuery m -> {
                char status = m.transactionStatus();
                require(status == 'I' || status == 'T' || status == 'E', "transaction status", status);
                out.writeByte('Z').writeInt(5).writeByte(status);               // 'Z', Int32 5, Byte1 status
            }
            case RowDescription m -> rowDescription(m, out);
            case DataRow m -> dataRow(m, out);
            case CommandComplete m -> {
                int len = beginMessage(out, (byte) 'C');                        // 'C', Int32 len
                writeCString(out, m.tag());                                     // String tag
                endMessage(out, len);
            }
            case EmptyQueryResponse m -> empty(out, 'I');                       // 'I', Int32 4
            case ParseComplete m -> empty(out, '1');                            // '1', Int32 4
            case BindComplete m -> empty(out, '2');                             // '2', Int32 4
            case CloseComplete m -> empty(out, '3');                            // '3', Int32 4
            case NoData m -> empty(out, 'n');                                   // 'n', Int32 4
            case PortalSuspended m -> empty(out, 's');                          // 's', Int32 4
            case ParameterDescription m -> {
                int[] oids = m.typeOids();
                requireCount(oids.length, "parameters");
                out.writeByte('t').writeInt(4 + 2 + 4 * oids.length);          // 't', Int32 len
                out.writeShort(oids.length);                                    // Int16 n
                for (int oid : oids) {
                    out.writeInt(oid);                                          // Int32 type OID
                }
            }
            case ErrorResponse m -> notice(out, 'E', m.fields());
            case NoticeResponse m -> notice(out, 'N', m.fields());
            case CopyResponse m -> copyResponse(m, out);
            case CopyOutData m -> {
                out.writeByte('d').writeInt(4 + m.data().length);              // 'd', Int32 len
                out.writeBytes(m.data());                                       // Byte[len-4]
            }
            case CopyOutDone m -> empty(out, 'c');                              // 'c', Int32 4
            case NotificationResponse m -> {
                int len = beginMessage(out, (byte) 'A');                        // 'A', Int32 len
                out.writeInt(m.processId());                                    // Int32 pid
                writeCString(out, m.channel());                                 // String channel
                writeCString(out, m.payload());                                 // String payload
                endMessage(out, len);
            }
        }
    }

    private static void empty(ByteBuf out, char type) {
        out.writeByte(type).writeInt(4);                                        // Byte1 type, Int32 4
    }

    private static void authentication(ByteBuf out, int code) {
        out.writeByte('R').writeInt(8).writeInt(code);                          // 'R', Int32 8, Int32 code
    }

    private static void md5Password(AuthenticationMd5Password m, ByteBuf out) {
        require(m.salt().length == 4, "MD5 salt length", m.salt().length);
        out.writeByte('R').writeInt(12).writeInt(5);                            // 'R', Int32 12, Int32 5
        out.writeBytes(m.salt());                                               // Byte4 salt
    }

    private static void sasl(AuthenticationSasl m, ByteBuf out) {
        int len = beginMessage(out, (byte) 'R');                                // 'R', Int32 len
        out.writeInt(10);                                                       // Int32 10
        for (String mechanism : m.mechanisms()) {
            writeCString(out, mechanism);                                       // String mechanism
        }
        out.writeByte(0);                                                       // Byte1 0: end of list
        endMessage(out, len);
    }

    private static void saslData(ByteBuf out, int code, byte[] data) {
        out.writeByte('R').writeInt(8 + data.length).writeInt(code);           // 'R', Int32 len, Int32 11|12
        out.writeBytes(data);                                                   // Byte[n] SASL data
    }

    private static void negotiate(NegotiateProtocolVersion m, ByteBuf out) {
        List<String> options = m.unrecognizedOptions();
        int len = beginMessage(out, (byte) 'v');                                // 'v', Int32 len
        out.writeInt(m.newestMinorVersion());                                   // Int32 newest minor version
        out.writeInt(options.size());                                           // Int32 n
        for (String option : options) {
            writeCString(out, option);                                          // String option
        }
        endMessage(out, len);
    }

    private static void rowDescription(RowDescription m, ByteBuf out) {
        List<Field> fields = m.fields();
        requireCount(fields.size(), "columns");
        int len = beginMessage(out, (byte) 'T');                                // 'T', Int32 len
        out.writeShort(fields.size());                                          // Int16 n
        for (Field f : fields) {
            writeCString(out, f.name());                                        // String name
            out.writeInt(f.tableOid());                                         // Int32 table OID
            out.writeShort(f.columnNumber());                                   // Int16 column attnum
            out.writeInt(f.typeOid());                                          // Int32 type OID
            out.writeShort(f.typeSize());                                       // Int16 type size
            out.writeInt(f.typeModifier());                                     // Int32 type modifier
            out.writeShort(f.format());                                         // Int16 format
        }
        endMessage(out, len);
    }

    private static void dataRow(DataRow m, ByteBuf out) {
        byte[][] values = m.values();
        requireCount(values.length, "columns");
        int len = beginMessage(out, (byte) 'D');                                // 'D', Int32 len
        out.writeShort(values.length);                                          // Int16 n
        for (byte[] value : values) {
            if (value == null) {
                out.writeInt(-1);                                               // Int32 -1: NULL
            } else {
                out.writeInt(value.length).writeBytes(value);                   // Int32 len, Byte[len]
            }
        }
        endMessage(out, len);
    }

    private static void copyResponse(CopyResponse m, ByteBuf out) {
        char kind = m.kind();
        require(kind == 'G' || kind == 'H' || kind == 'W', "copy response kind", kind);
        short[] formats = m.columnFormats();
        requireCount(formats.length, "columns");
        out.writeByte(kind).writeInt(4 + 1 + 2 + 2 * formats.length);          // 'G'|'H'|'W', Int32 len
        out.writeByte(m.overallFormat());                                       // Int8 overall format
        out.writeShort(formats.length);                                         // Int16 n
        for (short format : formats) {
            out.writeShort(format);                                             // Int16 column format
        }
    }

    /**
     * {@code 'E'|'N', Int32 len, (Byte1 code, String value)*, Byte1 0}. Severity goes out twice: 'S' (localised in
     * PostgreSQL, not here) and 'V' (never localised, what modern clients read).
     */
    private static void notice(ByteBuf out, char type, Notice n) {
        Objects.requireNonNull(n, "notice fields");
        int len = beginMessage(out, (byte) type);                               // 'E'|'N', Int32 len
        field(out, 'S', Objects.requireNonNull(n.severity(), "severity"));      // 'S' severity
        field(out, 'V', n.severity());                                          // 'V' severity, not localised
        field(out, 'C', Objects.requireNonNull(n.sqlState(), "sqlState"));      // 'C' SQLSTATE
        field(out, 'M', Objects.requireNonNull(n.message(), "message"));        // 'M' message
        if (n.detail() != null) {
            field(out, 'D', n.detail());                                        // 'D' detail
        }
        if (n.hint() != null) {
            field(out, 'H', n.hint());                                          // 'H' hint
        }
        if (n.position() > 0) {
            field(out, 'P', Integer.toString(n.position()));                   // 'P' 1-based position, decimal
        }
        if (n.where() != null) {
            field(out, 'W', n.where());                                         // 'W' context
        }
        out.writeByte(0);                                                       // Byte1 0: end of fields
        endMessage(out, len);
    }

    private static void field(ByteBuf out, char code, String value) {
        out.writeByte(code);                                                    // Byte1 field code
        writeCString(out, value);                                               // String value
    }

    /**
     * A first guess at the encoded size, exact for ASCII text, so the buffer rarely has to grow. Non-ASCII strings
     * take more bytes than chars; the buffer then grows once.
     */
    static int sizeHint(BackendMessage message) {
        return switch (message) {
            case EncryptionResponse m -> 1;
            case ParameterStatus m -> 7 + m.name().length() + m.value().length();
            case CommandComplete m -> 6 + m.tag().length();
            case AuthenticationSasl m -> 10 + m.mechanisms().stream().mapToInt(s -> s.length() + 1).sum();
            case AuthenticationSaslContinue m -> 9 + m.data().length;
            case AuthenticationSaslFinal m -> 9 + m.data().length;
            case NegotiateProtocolVersion m ->
                    13 + m.unrecognizedOptions().stream().mapToInt(s -> s.length() + 1).sum();
            case RowDescription m -> 7 + m.fields().stream().mapToInt(f -> f.name().length() + 19).sum();
            case DataRow m -> {
                int size = 7;
                for (byte[] v : m.values()) {
                    size += 4 + (v == null ? 0 : v.length);
                }
                yield size;
            }
            case ParameterDescription m -> 7 + 4 * m.typeOids().length;
            case ErrorResponse m -> noticeSizeHint(m.fields());
            case NoticeResponse m -> noticeSizeHint(m.fields());
            case CopyResponse m -> 8 + 2 * m.columnFormats().length;
            case CopyOutData m -> 5 + m.data().length;
            case NotificationResponse m -> 11 + m.channel().length() + m.payload().length();
            default -> 16; // fixed-size messages are all smaller
        };
    }

    private static int noticeSizeHint(Notice n) {
        return 64 + length(n.message()) + length(n.detail()) + length(n.hint()) + length(n.where());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void requireCount(int count, String what) {
        if (count > MAX_INT16_COUNT) {
            throw new IllegalArgumentException("too many " + what + " for an Int16 count: " + count);
        }
    }

    private static void require(boolean ok, String what, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + what + ": " + value);
        }
    }
}
