package io.pgbridge.proxy.codec;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.pgbridge.proxy.codec.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BackendMessageEncoderTest {

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    /** Hex of ASCII text, so expected bytes stay readable: {@code t("ab") = "61 62"}. */
    private static String t(String ascii) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encodeToHex(BackendMessage message) {
        ByteBuf buf = BackendMessageEncoder.encode(UnpooledByteBufAllocator.DEFAULT, message);
        try {
            return WireBytes.hex(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                arguments(new EncryptionResponse(true), "53"),
                arguments(new EncryptionResponse(false), "4E"),
                arguments(new AuthenticationOk(), "52 00 00 00 08 00 00 00 00"),
                arguments(new AuthenticationCleartextPassword(), "52 00 00 00 08 00 00 00 03"),
                arguments(new AuthenticationMd5Password(new byte[] {1, 2, 3, (byte) 0xFF}),
                        "52 00 00 00 0C 00 00 00 05 01 02 03 FF"),
                arguments(new AuthenticationSasl(List.of("SCRAM-SHA-256", "SCRAM-SHA-256-PLUS")),
                        "52 00 00 00 2A 00 00 00 0A " + t("SCRAM-SHA-256") + " 00 " + t("SCRAM-SHA-256-PLUS")
                                + " 00 00"),
                arguments(new AuthenticationSaslContinue("r=abc".getBytes(StandardCharsets.US_ASCII)),
                        "52 00 00 00 0D 00 00 00 0B 72 3D 61 62 63"),
                arguments(new AuthenticationSaslFinal("v=xyz".getBytes(StandardCharsets.US_ASCII)),
                        "52 00 00 00 0D 00 00 00 0C 76 3D 78 79 7A"),
                arguments(new ParameterStatus("client_encoding", "UTF8"),
                        "53 00 00 00 19 " + t("client_encoding") + " 00 " + t("UTF8") + " 00"),
                arguments(new BackendKeyData(1234, 0x01020304), "4B 00 00 00 0C 00 00 04 D2 01 02 03 04"),
                arguments(new NegotiateProtocolVersion(0, List.of("_pq_.foo")),
                        "76 00 00 00 15 00 00 00 00 00 00 00 01 " + t("_pq_.foo") + " 00"),
                arguments(new NegotiateProtocolVersion(2, List.of()), "76 00 00 00 0C 00 00 00 02 00 00 00 00"),
                arguments(new ReadyForQuery('I'), "5A 00 00 00 05 49"),
                arguments(new ReadyForQuery('T'), "5A 00 00 00 05 54"),
                arguments(new ReadyForQuery('E'), "5A 00 00 00 05 45"),
                arguments(new RowDescription(List.of(
                                new Field("id", 16384, (short) 1, 23, (short) 4, -1, (short) 0))),
                        "54 00 00 00 1B 00 01 69 64 00 00 00 40 00 00 01 00 00 00 17 00 04 FF FF FF FF 00 00"),
                arguments(new RowDescription(List.of()), "54 00 00 00 06 00 00"),
                arguments(new DataRow(new byte[][] {{'1'}, null, {}}),
                        "44 00 00 00 13 00 03 00 00 00 01 31 FF FF FF FF 00 00 00 00"),
                arguments(new CommandComplete("SELECT 1"), "43 00 00 00 0D " + t("SELECT 1") + " 00"),
                arguments(new EmptyQueryResponse(), "49 00 00 00 04"),
                arguments(new ParseComplete(), "31 00 00 00 04"),
                arguments(new BindComplete(), "32 00 00 00 04"),
                arguments(new CloseComplete(), "33 00 00 00 04"),
                arguments(new NoData(), "6E 00 00 00 04"),
                arguments(new PortalSuspended(), "73 00 00 00 04"),
                arguments(new ParameterDescription(new int[] {23, 25}), "74 00 00 00 0E 00 02 00 00 00 17 00 00 00 19"),
                arguments(new ParameterDescription(new int[0]), "74 00 00 00 06 00 00"),
                arguments(new ErrorResponse(new Notice("ERROR", "42P01", "relation \"t\" does not exist", null, null,
                                15, null)),
                        "45 00 00 00 3B 53 " + t("ERROR") + " 00 56 " + t("ERROR") + " 00 43 " + t("42P01")
                                + " 00 4D " + t("relation \"t\" does not exist") + " 00 50 31 35 00 00"),
                arguments(new NoticeResponse(new Notice("NOTICE", "00000", "m", "d", "h", 0, "w")),
                        "4E 00 00 00 28 53 " + t("NOTICE") + " 00 56 " + t("NOTICE") + " 00 43 " + t("00000")
                                + " 00 4D 6D 00 44 64 00 48 68 00 57 77 00 00"),
                arguments(new CopyResponse('H', (byte) 0, new short[] {0, 0}), "48 00 00 00 0B 00 00 02 00 00 00 00"),
                arguments(new CopyResponse('G', (byte) 1, new short[] {1}), "47 00 00 00 09 01 00 01 00 01"),
                arguments(new CopyResponse('W', (byte) 0, new short[0]), "57 00 00 00 07 00 00 00"),
                arguments(new CopyOutData("a\tb\n".getBytes(StandardCharsets.US_ASCII)), "64 00 00 00 08 61 09 62 0A"),
                arguments(new CopyOutDone(), "63 00 00 00 04"),
                arguments(new NotificationResponse(42, "ch", "hi"),
                        "41 00 00 00 0E 00 00 00 2A 63 68 00 68 69 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void encodesExactBytes(BackendMessage message, String expectedHex) {
        assertThat(encodeToHex(message)).isEqualTo(WireBytes.hex(hex(expectedHex)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void sizeHintCoversAsciiMessagesSoTheBufferNeverGrows(BackendMessage message, String expectedHex) {
        assertThat(BackendMessageEncoder.sizeHint(message)).isGreaterThanOrEqualTo(hex(expectedHex).length);
    }

    @Test
    void everyMessageTypeHasAnExpectation() {
        assertThat(messages().map(a -> a.get()[0].getClass()).distinct())
                .hasSize(BackendMessage.class.getPermittedSubclasses().length);
    }

    @Test
    void lengthsCountUtf8BytesNotChars() {
        // "zoë" is 3 chars, 4 bytes: length = 4 + "application_name\0" (17) + 5
        assertThat(encodeToHex(new ParameterStatus("application_name", "zoë")))
                .isEqualTo(WireBytes.hex(hex("53 00 00 00 1A " + t("application_name") + " 00 7A 6F C3 AB 00")));
    }

    @Test
    void appendsToWhatIsAlreadyInTheBuffer() {
        ByteBuf out = Unpooled.buffer();
        try {
            BackendMessageEncoder.encode(new CommandComplete("BEGIN"), out);
            BackendMessageEncoder.encode(new ReadyForQuery('T'), out);
            assertThat(WireBytes.hex(ByteBufUtil.getBytes(out)))
                    .isEqualTo(WireBytes.hex(hex("43 00 00 00 0A " + t("BEGIN") + " 00 5A 00 00 00 05 54")));
        } finally {
            out.release();
        }
    }

    @Test
    void streamerStyleDataRowMatchesTheRecord() {
        ByteBuf out = Unpooled.buffer();
        try {
            int len = PgWire.beginMessage(out, (byte) 'D');
            out.writeShort(2);
            out.writeInt(2).writeBytes(new byte[] {'4', '2'});
            out.writeInt(-1);
            PgWire.endMessage(out, len);
            assertThat(WireBytes.hex(ByteBufUtil.getBytes(out)))
                    .isEqualTo(encodeToHex(new DataRow(new byte[][] {{'4', '2'}, null})));
        } finally {
            out.release();
        }
    }

    static Stream<Arguments> unwritable() {
        return Stream.of(
                arguments("NUL in a string", new CommandComplete("SELECT\0 1")),
                arguments("NUL in an error message", new ErrorResponse(new Notice("ERROR", "XX000", "a\0b", null, null,
                        0, null))),
                arguments("NUL in a column name", new RowDescription(List.of(
                        new Field("a\0", 0, (short) 0, 25, (short) -1, -1, (short) 0)))),
                arguments("MD5 salt of 3 bytes", new AuthenticationMd5Password(new byte[3])),
                arguments("transaction status X", new ReadyForQuery('X')),
                arguments("copy response kind Q", new CopyResponse('Q', (byte) 0, new short[0])),
                arguments("65536 columns", new DataRow(new byte[65_536][])),
                arguments("65536 parameters", new ParameterDescription(new int[65_536])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void refusesRecordsItCannotWriteFaithfullyAndLeavesTheBufferAsItWas(String name, BackendMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte('x');
            assertThatIllegalArgumentException().isThrownBy(() -> BackendMessageEncoder.encode(message, out));
            assertThat(out.writerIndex()).isEqualTo(1);
        } finally {
            out.release();
        }
    }

    @Test
    void missingMandatoryNoticeFieldsAreRefused() {
        assertThatNullPointerException().isThrownBy(() -> BackendMessageEncoder.encode(
                new ErrorResponse(new Notice("ERROR", null, "m", null, null, 0, null)), Unpooled.buffer()));
    }

    @Test
    void maximumCountIs65535() {
        ByteBuf buf = BackendMessageEncoder.encode(UnpooledByteBufAllocator.DEFAULT, new DataRow(new byte[65_535][]));
        try {
            // 'D', Int32 4 + 2 + 4 * 65535 = 0x00040002, Int16 0xFFFF, then 65535 times Int32 -1
            assertThat(WireBytes.hex(ByteBufUtil.getBytes(buf, 0, 11))).isEqualTo("44 00 04 00 02 FF FF FF FF FF FF");
            assertThat(buf.readableBytes()).isEqualTo(1 + 0x00040002);
        } finally {
            buf.release();
        }
    }

    @Test
    void allocatingEncodeReleasesItsBufferWhenTheRecordIsRefused() {
        List<ByteBuf> allocated = new ArrayList<>();
        ByteBufAllocator tracking = new AbstractByteBufAllocator(false) {
            @Override
            protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
                ByteBuf buf = Unpooled.buffer(initialCapacity, maxCapacity);
                allocated.add(buf);
                return buf;
            }

            @Override
            protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
                return newHeapBuffer(initialCapacity, maxCapacity);
            }

            @Override
            public boolean isDirectBufferPooled() {
                return false;
            }
        };
        assertThatIllegalArgumentException().isThrownBy(() ->
                BackendMessageEncoder.encode(tracking, new CommandComplete("a\0")));
        assertThat(allocated).singleElement().satisfies(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void pgWireCStringRoundTrip() {
        ByteBuf buf = Unpooled.buffer();
        try {
            PgWire.writeCString(buf, "zoë");
            PgWire.writeCString(buf, "");
            assertThat(WireBytes.hex(ByteBufUtil.getBytes(buf))).isEqualTo("7A 6F C3 AB 00 00");
            assertThat(PgWire.readCString(buf)).isEqualTo("zoë");
            assertThat(PgWire.readCString(buf)).isEmpty();
            assertThat(buf.isReadable()).isFalse();

            buf.writeBytes(hex("61 62"));
            assertThat(PgWire.readCString(buf)).as("no terminator").isNull();
            assertThat(buf.readableBytes()).isEqualTo(2);

            buf.clear().writeBytes(hex("C3 28 00"));
            assertThatIllegalArgumentException().isThrownBy(() -> PgWire.readCString(buf))
                    .withMessageContaining("UTF8");
            assertThat(buf.readerIndex()).isZero();
        } finally {
            buf.release();
        }
    }
}
