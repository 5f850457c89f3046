package io.pgbridge.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import io.pgbridge.proxy.codec.FrontendMessage.Bind;
import io.pgbridge.proxy.codec.FrontendMessage.CancelRequest;
import io.pgbridge.proxy.codec.FrontendMessage.Close;
import io.pgbridge.proxy.codec.FrontendMessage.CopyData;
import io.pgbridge.proxy.codec.FrontendMessage.CopyDone;
import io.pgbridge.proxy.codec.FrontendMessage.CopyFail;
import io.pgbridge.proxy.codec.FrontendMessage.Describe;
import io.pgbridge.proxy.codec.FrontendMessage.Execute;
import io.pgbridge.proxy.codec.FrontendMessage.Flush;
import io.pgbridge.proxy.codec.FrontendMessage.FunctionCall;
import io.pgbridge.proxy.codec.FrontendMessage.GssEncRequest;
import io.pgbridge.proxy.codec.FrontendMessage.Parse;
import io.pgbridge.proxy.codec.FrontendMessage.PasswordMessage;
import io.pgbridge.proxy.codec.FrontendMessage.ProtocolViolation;
import io.pgbridge.proxy.codec.FrontendMessage.Query;
import io.pgbridge.proxy.codec.FrontendMessage.SslRequest;
import io.pgbridge.proxy.codec.FrontendMessage.StartupMessage;
import io.pgbridge.proxy.codec.FrontendMessage.Sync;
import io.pgbridge.proxy.codec.FrontendMessage.Terminate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.pgbridge.proxy.codec.WireBytes.body;
import static io.pgbridge.proxy.codec.WireBytes.concat;
import static io.pgbridge.proxy.codec.WireBytes.hex;
import static io.pgbridge.proxy.codec.WireBytes.startup;
import static io.pgbridge.proxy.codec.WireBytes.typed;
import static io.pgbridge.proxy.codec.WireBytes.untyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PgMessageDecoderTest {

    private static final byte[] STARTUP = startup("user", "alice", "database", "shop");
    private static final byte[] SYNC = hex("53 00 00 00 04");
    private static final byte[] QUERY_SELECT_1 = hex("51 00 00 00 0D 53 45 4C 45 43 54 20 31 00");
    private static final byte[] SSL_REQUEST = hex("00 00 00 08 04 D2 16 2F");
    private static final byte[] GSSENC_REQUEST = hex("00 00 00 08 04 D2 16 30");

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    // ---- harness -------------------------------------------------------------------------------------------------

    /**
     * Writes each chunk as its own inbound buffer, collects what comes out, closes the channel and checks that
     * nothing is left over and that every buffer handed to the decoder was released.
     */
    private static List<FrontendMessage> feed(PgMessageDecoder decoder, List<byte[]> chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<ByteBuf> inputs = new ArrayList<>();
        List<FrontendMessage> decoded = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            inputs.add(buf);
            channel.writeInbound(buf);
            for (Object m; (m = channel.readInbound()) != null; ) {
                decoded.add((FrontendMessage) m);
            }
        }
        assertThat(channel.finish()).as("nothing decoded at close").isFalse();
        assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).as("input buffer released").isZero());
        return decoded;
    }

    private static List<FrontendMessage> whole(byte[] bytes) {
        return feed(new PgMessageDecoder(), List.of(bytes));
    }

    private static List<FrontendMessage> oneByteAtATime(byte[] bytes) {
        List<byte[]> chunks = new ArrayList<>();
        for (byte b : bytes) {
            chunks.add(new byte[] {b});
        }
        return feed(new PgMessageDecoder(), chunks);
    }

    private static List<FrontendMessage> randomChunks(byte[] bytes, long seed) {
        Random random = new Random(seed);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(12));
            chunks.add(Arrays.copyOfRange(bytes, i, i + n));
            i += n;
        }
        return feed(new PgMessageDecoder(), chunks);
    }

    /** Decodes whole, one byte at a time and in random chunks; all three must agree. */
    private static List<FrontendMessage> decode(byte[] bytes) {
        List<FrontendMessage> expected = whole(bytes);
        assertThat(oneByteAtATime(bytes)).usingRecursiveComparison().isEqualTo(expected);
        assertThat(randomChunks(bytes, 42)).usingRecursiveComparison().isEqualTo(expected);
        return expected;
    }

    /** Decodes frames sent after a StartupMessage, and returns what follows the StartupMessage. */
    private static List<FrontendMessage> afterStartup(byte[]... frames) {
        List<FrontendMessage> all = decode(concat(STARTUP, concat(frames)));
        assertThat(all).first().isInstanceOf(StartupMessage.class);
        return all.subList(1, all.size());
    }

    private static FrontendMessage single(byte[] frame) {
        List<FrontendMessage> messages = afterStartup(frame);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    // ---- startup phase -------------------------------------------------------------------------------------------

    @Test
    void startupMessageKeepsParametersInOrder() {
        byte[] bytes = startup("user", "alice", "database", "shop", "options", "-c search_path=app",
                "application_name", "psql", "_pq_.command_marker", "1");
        assertThat(decode(bytes)).singleElement().isInstanceOfSatisfying(StartupMessage.class, m -> {
            assertThat(m.majorVersion()).isEqualTo(3);
            assertThat(m.minorVersion()).isZero();
            assertThat(m.parameters()).containsExactly(Map.entry("user", "alice"), Map.entry("database", "shop"),
                    Map.entry("options", "-c search_path=app"), Map.entry("application_name", "psql"),
                    Map.entry("_pq_.command_marker", "1"));
        });
    }

    @Test
    void startupMessageFromLiteralBytes() {
        // Int32 18, Int32 196608 (3.0), "user\0", "bob\0", terminator
        byte[] bytes = hex("00 00 00 12 00 03 00 00 75 73 65 72 00 62 6F 62 00 00");
        assertThat(decode(bytes)).singleElement().isEqualTo(new StartupMessage(3, 0, Map.of("user", "bob")));
    }

    @Test
    void startupMessageWithNoParametersAndNewerMinorVersion() {
        byte[] bytes = untyped(3 << 16 | 2, body().int8(0));
        assertThat(decode(bytes)).singleElement().isEqualTo(new StartupMessage(3, 2, Map.of()));
    }

    @Test
    void startupParameterValuesMayBeEmptyAndNonAscii() {
        byte[] bytes = startup("user", "zoë", "options", "");
        assertThat(decode(bytes)).singleElement().isInstanceOfSatisfying(StartupMessage.class, m ->
                assertThat(m.parameters()).containsExactly(Map.entry("user", "zoë"), Map.entry("options", "")));
    }

    @Test
    void sslRequestThenStartupMessage() {
        List<FrontendMessage> messages = feed(new PgMessageDecoder(), List.of(SSL_REQUEST, STARTUP, SYNC));
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isEqualTo(new SslRequest());
        assertThat(messages.get(1)).isInstanceOf(StartupMessage.class);
        assertThat(messages.get(2)).isEqualTo(new Sync());
    }

    @Test
    void sslRequestArrivingByteByByteThenStartupMessage() {
        assertThat(oneByteAtATime(concat(SSL_REQUEST, STARTUP)))
                .extracting(m -> (Object) m.getClass()).containsExactly(SslRequest.class, StartupMessage.class);
    }

    @Test
    void gssEncRequestThenSslRequestThenStartupMessage() {
        // A client refused GSSAPI encryption may try TLS next.
        List<FrontendMessage> messages = feed(new PgMessageDecoder(), List.of(GSSENC_REQUEST, SSL_REQUEST, STARTUP));
        assertThat(messages).extracting(m -> (Object) m.getClass())
                .containsExactly(GssEncRequest.class, SslRequest.class, StartupMessage.class);
    }

    @Test
    void bytesQueuedBehindSslRequestAreRefused() {
        // They were sent before TLS was set up and would otherwise be taken as encrypted (CVE-2021-23214).
        assertThat(whole(concat(SSL_REQUEST, STARTUP))).singleElement()
                .isEqualTo(new ProtocolViolation("received unencrypted data after SSL request"));
        assertThat(whole(concat(GSSENC_REQUEST, STARTUP))).singleElement()
                .isEqualTo(new ProtocolViolation("received unencrypted data after GSSAPI encryption request"));
    }

    @Test
    void secondSslRequestIsAnUnsupportedProtocol() {
        List<FrontendMessage> messages = feed(new PgMessageDecoder(), List.of(SSL_REQUEST, SSL_REQUEST, STARTUP));
        assertThat(messages).containsExactly(new SslRequest(),
                new ProtocolViolation("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0"));
    }

    @Test
    void cancelRequestThenNothingElse() {
        byte[] cancel = hex("00 00 00 10 04 D2 16 2E 00 00 30 39 DE AD BE EF");
        assertThat(decode(concat(cancel, STARTUP)))
                .containsExactly(new CancelRequest(12345, 0xDEADBEEF));
    }

    static Stream<Arguments> malformedStartup() {
        return Stream.of(
                arguments("length below 8", hex("00 00 00 07 00 03 00 00"), "invalid length of startup packet"),
                arguments("length 0", hex("00 00 00 00"), "invalid length of startup packet"),
                arguments("negative length", hex("FF FF FF FF 00 03 00 00"), "invalid length of startup packet"),
                arguments("over the limit, judged from the length word alone", hex("00 00 27 11"),
                        "invalid length of startup packet"),
                arguments("protocol 2.0", untyped(2 << 16, body().cstr("user").cstr("a").int8(0)),
                        "unsupported frontend protocol 2.0: server supports 3.0 to 3.0"),
                arguments("protocol 4.0", untyped(4 << 16, body().int8(0)),
                        "unsupported frontend protocol 4.0: server supports 3.0 to 3.0"),
                arguments("unknown special code", untyped(80877105, body()),
                        "unsupported frontend protocol 1234.5681: server supports 3.0 to 3.0"),
                arguments("SSL request with a body", untyped(80877103, body().int32(0)),
                        "invalid length of startup packet"),
                arguments("cancel request too short", untyped(80877102, body().int32(1)),
                        "invalid length of cancel request packet"),
                arguments("cancel request too long", untyped(80877102, body().int32(1).int32(2).int32(3)),
                        "invalid length of cancel request packet"),
                arguments("no terminator", untyped(3 << 16, body().cstr("user").cstr("a")),
                        "invalid startup packet layout: expected terminator as last byte"),
                arguments("empty body", untyped(3 << 16, body()),
                        "invalid startup packet layout: expected terminator as last byte"),
                arguments("name without value", untyped(3 << 16, body().cstr("user").int8(0)),
                        "invalid startup packet layout: expected terminator as last byte"),
                arguments("value without NUL", untyped(3 << 16, body().cstr("user").utf8("alice")),
                        "invalid startup packet layout: expected terminator as last byte"),
                arguments("bytes after terminator", untyped(3 << 16, body().cstr("user").cstr("a").int8(0).int8(7)),
                        "invalid startup packet layout: expected terminator as last byte"),
                arguments("invalid UTF-8", untyped(3 << 16, body().cstr("user").raw(hex("C3 28 00")).int8(0)),
                        "invalid byte sequence for encoding \"UTF8\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedStartup")
    void malformedStartupGivesOneViolationThenNothing(String name, byte[] frame, String reason) {
        assertThat(decode(concat(frame, STARTUP, SYNC))).containsExactly(new ProtocolViolation(reason));
    }

    @Test
    void oversizedStartupLengthIsRefusedWithoutWaitingForTheBody() {
        PgMessageDecoder decoder = new PgMessageDecoder(100, 1000);
        assertThat(feed(decoder, List.of(hex("00 00 00 65")))) // 101
                .containsExactly(new ProtocolViolation("invalid length of startup packet"));
    }

    // ---- every typed message -------------------------------------------------------------------------------------

    @Test
    void query() {
        assertThat(single(QUERY_SELECT_1)).isEqualTo(new Query("SELECT 1"));
        assertThat(single(typed('Q', body().cstr("SELECT 'héllo ✓ 😀'; SELECT 2"))))
                .isEqualTo(new Query("SELECT 'héllo ✓ 😀'; SELECT 2"));
        assertThat(single(typed('Q', body().cstr("")))).isEqualTo(new Query(""));
    }

    @Test
    void parse() {
        byte[] frame = typed('P', body().cstr("s1").cstr("SELECT $1::int + $2").int16(2).int32(23).int32(0));
        assertThat(single(frame)).usingRecursiveComparison()
                .isEqualTo(new Parse("s1", "SELECT $1::int + $2", new int[] {23, 0}));
        assertThat(single(typed('P', body().cstr("").cstr("SELECT 1").int16(0)))).usingRecursiveComparison()
                .isEqualTo(new Parse("", "SELECT 1", new int[0]));
    }

    @Test
    void bindWithFormatsNullsAndResultFormats() {
        byte[] frame = typed('B', body().cstr("p1").cstr("s1")
                .int16(3).int16(0).int16(0).int16(1)                       // parameter formats
                .int16(3).int32(2).utf8("42").int32(-1).int32(4).int32(7)  // "42", NULL, int4 7 binary
                .int16(1).int16(1));                                       // all results binary
        Bind bind = (Bind) single(frame);
        assertThat(bind).usingRecursiveComparison().isEqualTo(new Bind("p1", "s1", new short[] {0, 0, 1},
                new byte[][] {"42".getBytes(StandardCharsets.US_ASCII), null, {0, 0, 0, 7}}, new short[] {1}));
        assertThat(bind.parameterFormat(2)).isEqualTo((short) 1);
        assertThat(bind.resultFormat(5)).isEqualTo((short) 1);
    }

    @Test
    void bindUnnamedWithoutParametersAndWithAnEmptyValue() {
        assertThat(single(typed('B', body().cstr("").cstr("").int16(0).int16(0).int16(0))))
                .usingRecursiveComparison()
                .isEqualTo(new Bind("", "", new short[0], new byte[0][], new short[0]));
        assertThat(single(typed('B', body().cstr("").cstr("").int16(1).int16(0).int16(1).int32(0).int16(0))))
                .usingRecursiveComparison()
                .isEqualTo(new Bind("", "", new short[] {0}, new byte[][] {{}}, new short[0]));
    }

    @Test
    void bindCountsAreUnsigned() {
        // pgjdbc and libpq send up to 65535 parameters; 40000 is 0x9C40, negative as a signed Int16.
        int n = 40_000;
        WireBytes b = body().cstr("").cstr("s").int16(1).int16(0).int16(n);
        for (int i = 0; i < n; i++) {
            b.int32(1).utf8("x");
        }
        Bind bind = (Bind) whole(concat(STARTUP, typed('B', b.int16(0)))).get(1);
        assertThat(bind.parameterValues().length).isEqualTo(n);
        assertThat(bind.parameterValues()[n - 1]).containsExactly('x');
    }

    @Test
    void describeCloseAndExecute() {
        assertThat(afterStartup(
                typed('D', body().int8('S').cstr("s1")),
                typed('D', body().int8('P').cstr("")),
                typed('E', body().cstr("").int32(0)),
                typed('E', body().cstr("p1").int32(100)),
                typed('C', body().int8('S').cstr("s1")),
                typed('C', body().int8('P').cstr("p1"))))
                .containsExactly(new Describe('S', "s1"), new Describe('P', ""), new Execute("", 0),
                        new Execute("p1", 100), new Close('S', "s1"), new Close('P', "p1"));
    }

    @Test
    void messagesWithoutBody() {
        assertThat(afterStartup(SYNC, hex("48 00 00 00 04"), hex("63 00 00 00 04"), hex("58 00 00 00 04")))
                .containsExactly(new Sync(), new Flush(), new CopyDone(), new Terminate());
    }

    @Test
    void copyMessages() {
        assertThat(afterStartup(
                typed('d', body().utf8("1\tone\n")),
                typed('d', body()),
                typed('f', body().cstr("aborted by user"))))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(new CopyData("1\tone\n".getBytes(StandardCharsets.UTF_8)), new CopyData(new byte[0]),
                        new CopyFail("aborted by user"));
    }

    @Test
    void passwordAndFunctionCallKeepTheirRawBody() {
        byte[] sasl = body().cstr("SCRAM-SHA-256").int32(4).utf8("n,,x").bytes();
        byte[] call = body().int32(1598).int16(0).int16(0).int16(0).bytes();
        assertThat(afterStartup(typed('p', body().cstr("secret")), typed('p', body().raw(sasl)),
                typed('F', body().raw(call))))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(new PasswordMessage("secret\0".getBytes(StandardCharsets.US_ASCII)),
                        new PasswordMessage(sasl), new FunctionCall(call));
    }

    @Test
    void extendedQueryPipelineInOneBufferAndByteByByte() {
        List<FrontendMessage> messages = afterStartup(
                typed('P', body().cstr("").cstr("SELECT $1").int16(1).int32(25)),
                typed('B', body().cstr("").cstr("").int16(0).int16(1).int32(3).utf8("abc").int16(0)),
                typed('D', body().int8('P').cstr("")),
                typed('E', body().cstr("").int32(0)),
                SYNC,
                QUERY_SELECT_1,
                hex("58 00 00 00 04"));
        assertThat(messages).extracting(m -> (Object) m.getClass()).containsExactly(Parse.class, Bind.class,
                Describe.class, Execute.class, Sync.class, Query.class, Terminate.class);
    }

    // ---- malformed typed messages --------------------------------------------------------------------------------

    static Stream<Arguments> malformedMessages() {
        return Stream.of(
                arguments("unknown type 'Z'", hex("5A 00 00 00 04"), "invalid frontend message type 90"),
                arguments("type 0", hex("00 00 00 00 04"), "invalid frontend message type 0"),
                arguments("startup frame after startup", STARTUP, "invalid frontend message type 0"),
                arguments("length 3", hex("51 00 00 00 03 00"), "invalid message length 3"),
                arguments("negative length", hex("51 FF FF FF FF"), "invalid message length -1"),
                arguments("Sync with a body", hex("53 00 00 00 05 00"),
                        "invalid message length 5: a 'S' message may be at most 4 bytes"),
                arguments("Describe beyond the short-message limit", hex("44 00 00 27 11"),
                        "invalid message length 10001: a 'D' message may be at most 10000 bytes"),
                arguments("password beyond the auth limit", hex("70 00 01 00 00"),
                        "invalid message length 65536: a 'p' message may be at most 65535 bytes"),
                arguments("Query over 1 GiB, judged from the header alone", hex("51 40 00 00 00"),
                        "invalid message length 1073741824: a 'Q' message may be at most 1073741823 bytes"),
                arguments("Query without NUL", typed('Q', body().utf8("SELECT 1")), "invalid string in message"),
                arguments("Query with trailing bytes", typed('Q', body().cstr("SELECT 1").int8(1)),
                        "invalid message format"),
                arguments("Query with invalid UTF-8", typed('Q', body().utf8("SELECT '").raw(hex("ED A0 80")).cstr("'")),
                        "invalid byte sequence for encoding \"UTF8\""),
                arguments("Parse without count", typed('P', body().cstr("").cstr("SELECT 1")),
                        "insufficient data left in message"),
                arguments("Parse count beyond the data", typed('P', body().cstr("").cstr("x").int16(2).int32(23)),
                        "insufficient data left in message"),
                arguments("Parse count -1 (65535)", typed('P', body().cstr("").cstr("x").int16(-1)),
                        "insufficient data left in message"),
                arguments("Parse statement name without NUL", typed('P', body().utf8("s1")),
                        "invalid string in message"),
                arguments("Bind value length -2", typed('B', body().cstr("").cstr("").int16(0).int16(1).int32(-2)
                        .int16(0)), "insufficient data left in message"),
                arguments("Bind value longer than the frame", typed('B', body().cstr("").cstr("").int16(0).int16(1)
                        .int32(100).utf8("abc").int16(0)), "insufficient data left in message"),
                arguments("Bind value count -1 (65535)", typed('B', body().cstr("").cstr("").int16(0).int16(-1)),
                        "insufficient data left in message"),
                arguments("Bind format count -1 (65535)", typed('B', body().cstr("").cstr("").int16(-1)),
                        "insufficient data left in message"),
                arguments("Bind format count mismatch", typed('B', body().cstr("").cstr("").int16(2).int16(0)
                        .int16(0).int16(3).int32(-1).int32(-1).int32(-1).int16(0)),
                        "bind message has 2 parameter formats but 3 parameters"),
                arguments("Bind without result formats", typed('B', body().cstr("").cstr("").int16(0).int16(0)),
                        "insufficient data left in message"),
                arguments("Bind with trailing bytes", typed('B', body().cstr("").cstr("").int16(0).int16(0).int16(0)
                        .int8(0)), "invalid message format"),
                arguments("Describe of kind 'X'", typed('D', body().int8('X').cstr("s")),
                        "invalid DESCRIBE message subtype 88"),
                arguments("Close of kind 's'", typed('C', body().int8('s').cstr("s")),
                        "invalid CLOSE message subtype 115"),
                arguments("Close without body", typed('C', body()), "insufficient data left in message"),
                arguments("Describe name without NUL", typed('D', body().int8('S').utf8("s1")),
                        "invalid string in message"),
                arguments("Execute without max rows", typed('E', body().cstr("")), "insufficient data left in message"),
                arguments("Execute with trailing bytes", typed('E', body().cstr("").int32(0).int8(0)),
                        "invalid message format"),
                arguments("CopyFail without NUL", typed('f', body().utf8("oops")), "invalid string in message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void malformedMessageGivesOneViolationThenNothing(String name, byte[] frame, String reason) {
        assertThat(afterStartup(SYNC, frame, SYNC, QUERY_SELECT_1))
                .containsExactly(new Sync(), new ProtocolViolation(reason));
    }

    @Test
    void bytesArrivingAfterAViolationAreIgnored() {
        List<FrontendMessage> messages = feed(new PgMessageDecoder(),
                List.of(STARTUP, hex("5A 00 00 00 04"), SYNC, QUERY_SELECT_1, STARTUP, hex("00 01 02 03")));
        assertThat(messages).hasSize(2).last()
                .isEqualTo(new ProtocolViolation("invalid frontend message type 90"));
    }

    @Test
    void configuredMessageLimitIsNamedAndJudgedFromTheHeader() {
        PgMessageDecoder decoder = new PgMessageDecoder(10_000, 100);
        assertThat(feed(decoder, List.of(STARTUP, hex("51 00 00 00 65"))))  // 101
                .last().isEqualTo(new ProtocolViolation("invalid message length 101: a 'Q' message may be at most"
                        + " 100 bytes"));
    }

    @Test
    void incompleteFrameAtCloseIsDroppedSilently() {
        assertThat(feed(new PgMessageDecoder(), List.of(STARTUP, hex("51 00 00 00 0D 53 45")))).hasSize(1);
        assertThat(feed(new PgMessageDecoder(), List.of(hex("00 00 00 12 00 03")))).isEmpty();
    }

    @Test
    void constructorRefusesUnworkableLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PgMessageDecoder(15, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> new PgMessageDecoder(10_000, 3));
        new PgMessageDecoder(16, 4); // the smallest accepted
    }

    // ---- robustness ----------------------------------------------------------------------------------------------

    /** Random bytes and randomly damaged valid streams: never an exception, at most one violation, and it is last. */
    @Test
    void garbageNeverThrowsAndEndsInAtMostOneViolation() {
        byte[] valid = concat(STARTUP,
                typed('P', body().cstr("s").cstr("SELECT $1").int16(1).int32(23)),
                typed('B', body().cstr("").cstr("s").int16(1).int16(1).int16(1).int32(4).int32(5).int16(1).int16(1)),
                typed('D', body().int8('P').cstr("")), typed('E', body().cstr("").int32(0)), SYNC, QUERY_SELECT_1);
        Random random = new Random(7);
        for (int round = 0; round < 3_000; round++) {
            byte[] bytes;
            if (round % 2 == 0) {
                bytes = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[STARTUP.length + random.nextInt(bytes.length - STARTUP.length)] = (byte) random.nextInt();
                }
            } else {
                bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                if (random.nextBoolean()) {
                    bytes = concat(STARTUP, bytes);
                }
            }
            List<FrontendMessage> messages = randomChunks(bytes, round);
            List<FrontendMessage> violations = messages.stream()
                    .filter(m -> m instanceof ProtocolViolation).toList();
            assertThat(violations).as("round %d: %s", round, WireBytes.hex(bytes)).hasSizeLessThanOrEqualTo(1);
            if (!violations.isEmpty()) {
                assertThat(messages).last().isInstanceOf(ProtocolViolation.class);
            }
        }
    }
}
