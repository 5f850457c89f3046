package io.pgbridge.proxy.types;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberTypesTest extends PgTypeTestBase {

    @Test
    void bool() throws SQLException {
        checkValue(BoolType.INSTANCE, true, "true");
        checkValue(BoolType.INSTANCE, false, "false");
        for (String s : new String[] {"t", "TRUE", " yes ", "on", "1", "y", "tru"}) {
            assertThat(BoolType.INSTANCE.decodeText(s, context)).as(s).isTrue();
        }
        for (String s : new String[] {"f", "False", "no", "off", "0", "n", "of"}) {
            assertThat(BoolType.INSTANCE.decodeText(s, context)).as(s).isFalse();
        }
        for (String bad : new String[] {"x", "", "o", "2", "yess"}) {
            checkSameError(BoolType.INSTANCE, "bool", bad);
        }
        checkBind(BoolType.INSTANCE, "bool", true);
    }

    @Test
    void int2() throws SQLException {
        checkValue(Int2Type.INSTANCE, (short) 0, "0::int2");
        checkValue(Int2Type.INSTANCE, Short.MIN_VALUE, "'-32768'::int2");
        checkValue(Int2Type.INSTANCE, Short.MAX_VALUE, "32767::int2");
        assertThat(Int2Type.INSTANCE.decodeText(" +12 ", context)).isEqualTo((short) 12);
        for (String bad : new String[] {"", "abc", "32768", "-32769", "1.0", "1e3", "1 2"}) {
            checkSameError(Int2Type.INSTANCE, "int2", bad);
        }
        checkBind(Int2Type.INSTANCE, "int2", (short) -7);
    }

    @Test
    void int4() throws SQLException {
        checkValue(Int4Type.INSTANCE, 42, "42");
        checkValue(Int4Type.INSTANCE, Integer.MIN_VALUE, "'-2147483648'::int4");
        checkValue(Int4Type.INSTANCE, Integer.MAX_VALUE, "2147483647");
        checkValue(Int4Type.INSTANCE, -1, "-1");
        assertThat(Int4Type.INSTANCE.decodeText("  -0012\n", context)).isEqualTo(-12);
        for (String bad : new String[] {"abc", "99999999999", "2147483648", "-2147483649", "", " ", "+", "12a",
                "0x10"}) {
            checkSameError(Int4Type.INSTANCE, "int4", bad);
        }
        checkBind(Int4Type.INSTANCE, "int4", Integer.MIN_VALUE);
    }

    @Test
    void int8() throws SQLException {
        checkValue(Int8Type.INSTANCE, Long.MIN_VALUE, "'-9223372036854775808'::int8");
        checkValue(Int8Type.INSTANCE, Long.MAX_VALUE, "9223372036854775807::int8");
        checkValue(Int8Type.INSTANCE, 0L, "0::int8");
        for (String bad : new String[] {"x", "9223372036854775808", "-9223372036854775809",
                "99999999999999999999"}) {
            checkSameError(Int8Type.INSTANCE, "int8", bad);
        }
        checkBind(Int8Type.INSTANCE, "int8", Long.MAX_VALUE);
    }

    @Test
    void oid() throws SQLException {
        checkValue(OidType.INSTANCE, 4294967295L, "4294967295::oid");
        checkValue(OidType.INSTANCE, 0L, "0::oid");
        checkValue(OidType.INSTANCE, 2147483648L, "2147483648::oid");
        assertThat(OidType.INSTANCE.decodeText("-1", context)).isEqualTo(4294967295L);
        for (String bad : new String[] {"x", "4294967296", "-2147483649"}) {
            checkSameError(OidType.INSTANCE, "oid", bad);
        }
    }

    @Test
    void float8() throws SQLException {
        checkAll(Float8Type.INSTANCE, "0.1::float8", "'1e16'::float8", "'1e15'::float8", "'1e14'::float8",
                "'123456789012345'::float8", "'1e-05'::float8", "'0.0001'::float8", "'Infinity'::float8",
                "'-Infinity'::float8", "'-0'::float8", "0::float8", "'5e-324'::float8",
                "'1.7976931348623157e308'::float8", "'2.2250738585072014e-308'::float8", "pi()", "'1.5'::float8",
                "'-123.456'::float8", "'100'::float8", "'1e22'::float8", "'2e23'::float8", "1/3::float8",
                "'9007199254740993'::float8", "'4.9e-324'::float8", "'0.3'::float8 * 3");
        ServerForm nan = server(Float8Type.INSTANCE, "'NaN'::float8");
        assertThat(nan.text()).isEqualTo("NaN");
        assertThat(new String(text(Float8Type.INSTANCE, Double.NaN))).isEqualTo("NaN");
        assertThat(decodeBinary(Float8Type.INSTANCE, nan.binary())).isNaN();
        assertThat(Float8Type.INSTANCE.decodeText(" 1e3 ", context)).isEqualTo(1000.0);
        assertThat(Float8Type.INSTANCE.decodeText("-inf", context)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Float8Type.INSTANCE.decodeText(".5", context)).isEqualTo(0.5);
        assertThat(Float8Type.INSTANCE.decodeText("0x10", context)).isEqualTo(16.0);
        for (String bad : new String[] {"x", "1e400", "1e-400", "", "1d", "1f", "0xg", "1e", "--1", "0x1p99999"}) {
            checkSameError(Float8Type.INSTANCE, "float8", bad);
        }
        checkBind(Float8Type.INSTANCE, "float8", 0.1);
        checkBind(Float8Type.INSTANCE, "float8", Double.NEGATIVE_INFINITY);
    }

    /** Shortest-digit output has corner cases (1e23 is a rounding midpoint); compare many values in bulk. */
    @Test
    void randomFloat8AndFloat4PrintLikeTheServer() throws SQLException {
        java.util.Random random = new java.util.Random(7);
        int n = 20000;
        Double[] doubles = new Double[n];
        Float[] floats = new Float[n];
        for (int i = 0; i < n; i++) {
            double v = switch (i % 5) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
                case 2 -> (double) random.nextFloat();
                case 3 -> Math.round(random.nextDouble() * 1e6) / 1e3;
                default -> (random.nextInt(9) + 1) * Math.pow(10, random.nextInt(600) - 300);
            };
            doubles[i] = Double.isNaN(v) || Double.isInfinite(v) ? 1.0 : (i % 2 == 0 ? v : -v);
            float f = switch (i % 3) {
                case 0 -> Float.intBitsToFloat(random.nextInt());
                case 1 -> (float) (random.nextDouble() * Math.pow(10, random.nextInt(80) - 40));
                default -> (random.nextInt(9) + 1) * (float) Math.pow(10, random.nextInt(76) - 38);
            };
            floats[i] = Float.isNaN(f) || Float.isInfinite(f) ? 1.0f : f;
        }
        List<String> mismatches = new ArrayList<>();
        try (var ps = pg.prepareStatement("SELECT float8out(v)::text, float8send(v) FROM unnest(?::float8[]) v")) {
            ps.setArray(1, pg.createArrayOf("float8", doubles));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = decodeBinary(Float8Type.INSTANCE, rs.getBytes(2));
                    String ours = new String(text(Float8Type.INSTANCE, v));
                    if (!ours.equals(rs.getString(1)) || Float8Type.INSTANCE.decodeText(ours, context) != v) {
                        mismatches.add(ours + " vs " + rs.getString(1));
                    }
                }
            }
        }
        try (var ps = pg.prepareStatement("SELECT float4out(v)::text, float4send(v) FROM unnest(?::float4[]) v")) {
            ps.setArray(1, pg.createArrayOf("float4", floats));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    float v = decodeBinary(Float4Type.INSTANCE, rs.getBytes(2));
                    String ours = new String(text(Float4Type.INSTANCE, v));
                    if (!ours.equals(rs.getString(1)) || Float4Type.INSTANCE.decodeText(ours, context) != v) {
                        mismatches.add(ours + " vs " + rs.getString(1));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void float4() throws SQLException {
        checkAll(Float4Type.INSTANCE, "0.1::float4", "'1e+06'::float4", "'123456'::float4", "'1234567'::float4",
                "'0.0001'::float4", "'1e-05'::float4", "'1.4e-45'::float4", "'3.4028235e38'::float4",
                "'-0'::float4", "'Infinity'::float4", "'-Infinity'::float4", "'1.17549435e-38'::float4",
                "'16777217'::float4", "'-2.5'::float4");
        for (String bad : new String[] {"x", "1e40", "1e-50", "1e400"}) {
            checkSameError(Float4Type.INSTANCE, "float4", bad);
        }
        checkBind(Float4Type.INSTANCE, "float4", 0.1f);
    }

    @Test
    void numeric() throws SQLException {
        checkValue(NumericType.INSTANCE, new BigDecimal("1.50"), "'1.50'::numeric");
        checkValue(NumericType.INSTANCE, new BigDecimal("0.00"), "'-0.00'::numeric");
        checkValue(NumericType.INSTANCE, new BigDecimal("0"), "0::numeric");
        checkValue(NumericType.INSTANCE, Double.POSITIVE_INFINITY, "'Infinity'::numeric");
        checkValue(NumericType.INSTANCE, Double.NEGATIVE_INFINITY, "'-inf'::numeric");
        checkValue(NumericType.INSTANCE, new BigDecimal("100000000000000000000"), "1e20::numeric");
        checkValue(NumericType.INSTANCE, new BigDecimal("0.00000000000000000001"), "1e-20::numeric");
        checkAll(NumericType.INSTANCE, "'12345.6789'::numeric", "'-12345.67890'::numeric", "'0.0001'::numeric",
                "'0.001'::numeric", "'10000'::numeric", "'9999'::numeric", "'-1'::numeric", "'1.000000001'::numeric",
                "'123456789012345678901234567890.123456789'::numeric", "'0.1'::numeric", "'1000000.0000'::numeric",
                "'99999999.99999999'::numeric", "'-0.00000001'::numeric", "2::numeric / 3", "'5e-1000'::numeric");
        ServerForm nan = server(NumericType.INSTANCE, "'NaN'::numeric");
        assertThat(new String(text(NumericType.INSTANCE, Double.NaN))).isEqualTo(nan.text());
        assertThat(hex(binary(NumericType.INSTANCE, Double.NaN))).isEqualTo(hex(nan.binary()));
        assertThat((Double) decodeBinary(NumericType.INSTANCE, nan.binary())).isNaN();
        assertThat(NumericType.INSTANCE.decodeText(" 1e3 ", context)).isEqualTo(new BigDecimal("1000"));
        assertThat(NumericType.INSTANCE.decodeText("1.5e-3", context)).isEqualTo(new BigDecimal("0.0015"));
        assertThat(new String(text(NumericType.INSTANCE, 12L))).isEqualTo("12");
        for (String bad : new String[] {"x", "", "1.2.3", "1e", "0x10", "--1"}) {
            checkSameError(NumericType.INSTANCE, "numeric", bad);
        }
        checkBind(NumericType.INSTANCE, "numeric", new BigDecimal("-12.340"));
    }

    @Test
    void wrongBinaryLengthIsIncorrectBinaryDataFormat() {
        var in = io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0, 0, 1});
        assertThatThrownBy(() -> Int4Type.INSTANCE.decodeBinary(in, 3))
                .isInstanceOfSatisfying(PgTypeException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P03");
                    assertThat(e.getMessage()).isEqualTo("incorrect binary data format");
                });
    }
}
