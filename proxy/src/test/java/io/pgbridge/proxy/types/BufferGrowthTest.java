package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoders write into the session's shared output buffer, which is usually almost full: every encoder must grow
 * it rather than assume room. Each value is written into a buffer with one byte of room left.
 */
class BufferGrowthTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyEncoderGrowsAFullBuffer() {
        Map<PgType<?>, Object> samples = Map.ofEntries(
                Map.entry(Int2Type.INSTANCE, (short) -32768),
                Map.entry(Int4Type.INSTANCE, Integer.MIN_VALUE),
                Map.entry(Int8Type.INSTANCE, Long.MAX_VALUE),
                Map.entry(NumericType.INSTANCE, new BigDecimal("-12345678901234567890.123456789")),
                Map.entry(Float8Type.INSTANCE, 9.999999999999999e22),
                Map.entry(DateType.INSTANCE, LocalDate.of(2024, 2, 29)),
                Map.entry(TimeType.INSTANCE, LocalTime.of(23, 59, 59, 999_999_000)),
                Map.entry(TimestampType.INSTANCE, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000)),
                Map.entry(TimestampTzType.INSTANCE, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(5))),
                Map.entry(IntervalType.INSTANCE, new PgInterval(14, 3, 4_5_06_500_000L)),
                Map.entry(TextType.INSTANCE, "ünïcødé"),
                Map.entry(ByteaType.INSTANCE, new byte[]{1, 2, (byte) 0xff}),
                Map.entry(PgTypes.arrayOf(Int8Type.INSTANCE.oid()), List.of(1L, Long.MIN_VALUE)));
        samples.forEach((type, value) -> {
            PgType<Object> t = (PgType<Object>) type;
            for (boolean binary : new boolean[]{false, true}) {
                ByteBuf roomy = Unpooled.buffer(4096);
                ByteBuf tight = Unpooled.buffer(8, Integer.MAX_VALUE);
                tight.writerIndex(7);
                tight.writeZero(0);
                encode(t, value, roomy, binary);
                encode(t, value, tight, binary);
                byte[] expected = new byte[roomy.readableBytes()];
                roomy.readBytes(expected);
                byte[] actual = new byte[tight.readableBytes() - 7];
                tight.getBytes(7, actual);
                assertThat(actual).as("%s %s: %s", t.name(), binary ? "binary" : "text",
                        new String(expected, StandardCharsets.UTF_8)).containsExactly(expected);
            }
        });
    }

    private static void encode(PgType<Object> type, Object value, ByteBuf out, boolean binary) {
        if (binary) {
            type.encodeBinary(value, out);
        } else {
            type.encodeText(value, out, TextContext.UTC);
        }
    }
}
