package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rows decoded from COPY data cut into frames of every size, down to one byte per CopyData. */
class CopyRowDecoderTest {
    private static final List<String> COLUMNS = List.of("a", "b", "c");

    private static List<List<Object>> decode(String statement, String data, int frameBytes) throws Exception {
        return decode(statement, data.getBytes(StandardCharsets.UTF_8), frameBytes);
    }

    private static List<List<Object>> decode(String statement, byte[] bytes, int frameBytes) throws Exception {
        CopyRowDecoder decoder = CopyRowDecoder.of(CopyStatementParser.parse(statement).options(), COLUMNS, "t");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += frameBytes) {
            decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + frameBytes)),
                    values -> rows.add(Arrays.asList(values)));
        }
        decoder.finish(values -> rows.add(Arrays.asList(values)));
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void textEscapesNullsAndLineEnds(int frameBytes) throws Exception {
        String data = "1\tx\\ty\t\\N\n"
                + "2\t\\\\\\n\\r\\b\\f\\v\t\\101\\x41\\x4g\\q\n"
                + "3\tcafé\t\n"
                + "4\tlast\twithout newline";
        assertThat(decode("COPY t FROM STDIN", data, frameBytes)).containsExactly(
                Arrays.asList("1", "x\ty", null),
                Arrays.asList("2", "\\\n\r\b\f\u000B", "AA\u0004gq"),
                Arrays.asList("3", "café", ""),
                Arrays.asList("4", "last", "without newline"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 1000})
    void textWithCrLfHeaderAndEndMarker(int frameBytes) throws Exception {
        String data = "a|b|c\r\n1|NULL|\\|\r\n\\.\r\nignored after the end marker\r\n";
        assertThat(decode("COPY t FROM STDIN (DELIMITER '|', NULL 'NULL', HEADER)", data, frameBytes))
                .containsExactly(Arrays.asList("1", null, "|"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 1000})
    void csvQuotesNullsAndForcedColumns(int frameBytes) throws Exception {
        String data = "a,b,c\n"
                + "1,\"x, \"\"y\"\"\",\n"
                + "2,\"multi\r\nline\",\"\"\n"
                + "3,ab\"cd\"ef,\"\"\n";
        assertThat(decode("COPY t FROM STDIN (FORMAT csv, HEADER, FORCE_NULL (c))", data, frameBytes)).containsExactly(
                Arrays.asList("1", "x, \"y\"", null),
                Arrays.asList("2", "multi\r\nline", null),
                Arrays.asList("3", "abcdef", null));
        assertThat(decode("COPY t FROM STDIN (FORMAT csv, FORCE_NOT_NULL (c), ESCAPE '\\')", "1,\"q\\\"x\\\\\",\n",
                frameBytes)).containsExactly(Arrays.asList("1", "q\"x\\", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 1000})
    void binaryRowsAcrossFrames(int frameBytes) throws Exception {
        byte[] data = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 3, 0, 0, 0, 1, 'x', -1, -1, -1, -1, 0, 0, 0, 0,
                -1, -1};
        List<List<Object>> rows = decode("COPY t FROM STDIN (FORMAT binary)", data, frameBytes);
        assertThat(rows).hasSize(1);
        assertThat((byte[]) rows.get(0).get(0)).containsExactly('x');
        assertThat(rows.get(0).get(1)).isNull();
        assertThat((byte[]) rows.get(0).get(2)).isEmpty();
    }

    @Test
    void errorsCarryPostgresContext() {
        assertError("COPY t FROM STDIN", "1\t2\n3\t4\n", "22P04", "missing data for column \"c\"",
                "COPY t, line 1: \"1\t2\"");
        assertError("COPY t FROM STDIN", "1\t2\t3\t4\n", "22P04", "extra data after last expected column",
                "COPY t, line 1: \"1\t2\t3\t4\"");
        assertError("COPY t FROM STDIN", "1\t2\t3\r\n1\t2\t3\n", "22P04", "literal newline found in data",
                "COPY t, line 2");
        assertError("COPY t FROM STDIN", "1\t2\t3\n1\t2\t3\r\n", "22P04", "literal carriage return found in data",
                "COPY t, line 2");
        assertError("COPY t FROM STDIN (FORMAT csv)", "1,2,\"open\n", "22P04", "unterminated CSV quoted field",
                "COPY t, line 1: \"1,2,\"open\n\"");
        assertError("COPY t FROM STDIN", "1\t\\xff\t3\n", "22021", "invalid byte sequence for encoding \"UTF8\": 0xff",
                "COPY t, line 1: \"1\t\\xff\t3\"");
        assertError("COPY t FROM STDIN", "1\t\u00ff\t3\n".getBytes(StandardCharsets.ISO_8859_1), "22021",
                "invalid byte sequence for encoding \"UTF8\": 0xff", "COPY t, line 1");
        assertError("COPY t FROM STDIN", "1\tab\0c\t3\n", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00",
                "COPY t, line 1");   // plain ASCII around the NUL: the fast path must not take it
        assertError("COPY t FROM STDIN (FORMAT binary)", "PGCOPY\n", "22P04", "COPY file signature not recognized",
                "COPY t, line 1");
    }

    private static void assertError(String statement, String data, String sqlState, String message, String where) {
        assertError(statement, data.getBytes(StandardCharsets.UTF_8), sqlState, message, where);
    }

    private static void assertError(String statement, byte[] data, String sqlState, String message, String where) {
        PgException e = catchThrowableOfType(PgException.class, () -> decode(statement, data, 1));
        assertThat(List.of(e.sqlState(), e.getMessage(), e.where())).isEqualTo(List.of(sqlState, message, where));
    }
}
