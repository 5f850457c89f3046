package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.util.PSQLException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks codecs against a real PostgreSQL 15: for an SQL literal, the server's own output-function text and
 * send-function bytes must equal what the codec writes for the decoded value, and decoding the server's bytes must
 * give that value back. The server is required; an unreachable one fails the tests.
 */
abstract class PgTypeTestBase {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static Connection pg;

    @BeforeAll
    static void connect() throws SQLException {
        String url = System.getenv("PGBRIDGE_TEST_PG_URL");
        pg = DriverManager.getConnection(url == null || url.isBlank() ? DEFAULT_URL : url);
        setZone("UTC");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        if (pg != null) {
            pg.close();
        }
    }

    static TextContext context = TextContext.UTC;

    static void setZone(String zone) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("SET TimeZone = '" + zone + "'");
        }
        context = new TextContext(ZoneId.of(zone));
    }

    /** What the server says for one literal: output text, send bytes, and the JDBC result for {@link PgType#read}. */
    record ServerForm(String text, byte[] binary, Object readValue) {
    }

    static <T> ServerForm server(PgType<T> type, String literal) throws SQLException {
        String out;
        String send;
        try (PreparedStatement ps = pg.prepareStatement(
                "SELECT typoutput::text, typsend::text FROM pg_type WHERE oid = ?")) {
            ps.setInt(1, type.oid());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("pg_type row for %s", type.name()).isTrue();
                out = rs.getString(1);
                send = rs.getString(2);
            }
        }
        String sql = "SELECT " + out + "(v)::text, " + send + "(v), v FROM (SELECT " + literal + " AS v) t";
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new ServerForm(rs.getString(1), rs.getBytes(2), type.read(rs, 3));
        }
    }

    static <T> byte[] text(PgType<T> type, T value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            type.encodeText(value, buf, context);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    static <T> byte[] binary(PgType<T> type, T value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            type.encodeBinary(value, buf);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }

    static <T> T decodeBinary(PgType<T> type, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        T v = type.decodeBinary(buf, bytes.length);
        assertThat(buf.readableBytes()).as("bytes left after decodeBinary").isZero();
        return v;
    }

    /**
     * The full check for one literal; returns the decoded value so callers can also assert its Java form.
     * {@code checkRead} is off where pgjdbc itself cannot represent the value.
     */
    static <T> T check(PgType<T> type, String literal, boolean checkRead) throws SQLException {
        ServerForm s = server(type, literal);
        T value = type.decodeText(s.text(), context);
        assertThat(new String(text(type, value), StandardCharsets.UTF_8)).as("text of %s", literal)
                .isEqualTo(s.text());
        assertThat(hex(binary(type, value))).as("binary of %s", literal).isEqualTo(hex(s.binary()));
        assertThat(key(decodeBinary(type, s.binary()))).as("decodeBinary of %s", literal).isEqualTo(key(value));
        if (checkRead) {
            assertThat(key(s.readValue())).as("read() through pgjdbc of %s", literal).isEqualTo(key(value));
        }
        return value;
    }

    static <T> T check(PgType<T> type, String literal) throws SQLException {
        return check(type, literal, true);
    }

    /** check() for each literal. */
    static <T> void checkAll(PgType<T> type, String... literals) throws SQLException {
        for (String literal : literals) {
            check(type, literal);
        }
    }

    /** A Java value must print exactly as the server prints the literal. */
    static <T> void checkValue(PgType<T> type, T value, String literal) throws SQLException {
        T decoded = check(type, literal);
        assertThat(key(decoded)).as("decoded %s", literal).isEqualTo(key(value));
        ServerForm s = server(type, literal);
        assertThat(new String(text(type, value), StandardCharsets.UTF_8)).isEqualTo(s.text());
        assertThat(hex(binary(type, value))).isEqualTo(hex(s.binary()));
    }

    /**
     * Binding the value with {@link PgType#bind} into a column of the type on the real server and reading it back
     * with {@link PgType#read} must keep it; the server's text of the stored value must be the codec's text.
     */
    static <T> void checkBind(PgType<T> type, String sqlType, T value) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pgbridge_bind; CREATE TEMP TABLE pgbridge_bind (v " + sqlType + ")");
        }
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO pgbridge_bind VALUES (?)")) {
            type.bind(ps, 1, value);
            ps.executeUpdate();
        }
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("SELECT v, v::text FROM pgbridge_bind")) {
            rs.next();
            assertThat(key(type.read(rs, 1))).as("bound and read back").isEqualTo(key(value));
            if (!(type instanceof BoolType)) {
                assertThat(new String(text(type, value), StandardCharsets.UTF_8)).isEqualTo(rs.getString(2));
            }
        }
    }

    /** The codec must fail like the server: same SQLSTATE and message for the same input text. */
    static void checkSameError(PgType<?> type, String castType, String input) throws SQLException {
        String state;
        String message;
        try (PreparedStatement ps = pg.prepareStatement("SELECT CAST(CAST(? AS text) AS " + castType + ")")) {
            ps.setString(1, input);
            ps.executeQuery().close();
            fail("server accepted " + input + " as " + castType);
            return;
        } catch (PSQLException e) {
            state = e.getSQLState();
            message = e.getServerErrorMessage().getMessage();
        }
        assertThatThrownBy(() -> type.decodeText(input, context)).as("decodeText(%s)", input)
                .isInstanceOfSatisfying(PgTypeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.sqlState()).isEqualTo(state);
                });
    }

    /** The codec must read client text as the server does: same value, judged by the server's output text. */
    static <T> void checkSameInput(PgType<T> type, String castType, String input) throws SQLException {
        String expected;
        try (PreparedStatement ps = pg.prepareStatement("SELECT CAST(CAST(? AS text) AS " + castType + ")::text")) {
            ps.setString(1, input);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                expected = rs.getString(1);
            }
        }
        T value = type.decodeText(input, context);
        assertThat(new String(text(type, value), StandardCharsets.UTF_8)).as("%s as %s", input, castType)
                .isEqualTo(expected);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** A comparable stand-in: byte[] by content, date-times with offsets by instant, lists element-wise. */
    static Object key(Object v) {
        if (v instanceof byte[] b) {
            return "bytes:" + hex(b);
        }
        if (v instanceof OffsetDateTime t) {
            return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t.toLocalDateTime() : t.toInstant();
        }
        if (v instanceof OffsetTime t) {
            return t.toLocalTime() + "@" + t.getOffset();
        }
        if (v instanceof List<?> list) {
            List<Object> keys = new ArrayList<>();
            for (Object o : list) {
                keys.add(key(o));
            }
            return keys;
        }
        return v;
    }
}
