package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.proxy.types.TextContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows as PostgreSQL 15 writes them for COPY TO (expected bytes taken from psql's \copy against PostgreSQL). */
class CopyRowEncoderTest {

    @SuppressWarnings("unchecked")
    private static String encode(String statement, List<String> names, Object... values) {
        CopyRowEncoder encoder = CopyRowEncoder.of(CopyStatementParser.parse(statement).options(), names);
        PgType<Object>[] types = new PgType[values.length];
        java.util.Arrays.fill(types, PgTypes.text());
        ByteBuf out = Unpooled.buffer();
        encoder.header(names, out);
        encoder.row(types, values, out, TextContext.UTC);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textEscapesBackslashDelimiterAndControlCharacters() {
        assertThat(encode("COPY t TO STDOUT", List.of("a", "b"), "x\\y\tz\n\r\b\f\u000B\u0001", null))
                .isEqualTo("x\\\\y\\tz\\n\\r\\b\\f\\v\u0001\t\\N\n");
        assertThat(encode("COPY t TO STDOUT (DELIMITER '|', NULL '', HEADER)", List.of("a|b", "c"), "1|2", ""))
                .isEqualTo("a\\|b|c\n1\\|2|\n");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(encode("COPY t TO STDOUT (FORMAT csv, HEADER)", List.of("a", "b,c", "d", "e"),
                "plain", "", "say \"hi\"", null))
                .isEqualTo("a,\"b,c\",d,e\nplain,\"\",\"say \"\"hi\"\"\",\n");
        assertThat(encode("COPY t TO STDOUT (FORMAT csv)", List.of("a"), "\\.")).isEqualTo("\"\\.\"\n");
        assertThat(encode("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE (b), NULL 'N', ESCAPE '\\')",
                List.of("a", "b"), "N", "q\"\\")).isEqualTo("\"N\",\"q\\\"\\\\\"\n");
    }
}
