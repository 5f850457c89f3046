package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayTypeTest extends PgTypeTestBase {

    @SuppressWarnings("unchecked")
    static <E> ArrayType<E> array(PgType<E> element) {
        return (ArrayType<E>) PgTypes.arrayOf(element.oid());
    }

    @Test
    void int4Arrays() throws SQLException {
        ArrayType<Integer> t = array(Int4Type.INSTANCE);
        checkValue(t, Arrays.asList(1, null, -3), "ARRAY[1,NULL,-3]::int4[]");
        checkValue(t, List.of(), "'{}'::int4[]");
        checkValue(t, Arrays.asList((Integer) null), "ARRAY[NULL]::int4[]");
        assertThat(t.decodeText(" { 1 , 2,NULL,null } ", context)).containsExactly(1, 2, null, null);
        assertThat(t.decodeText("[1:2]={1,2}", context)).containsExactly(1, 2);
        for (String bad : new String[] {"{x", "{1,x}", "1,2", "{1,,2}", "{1}}", "{\"1\" 2}"}) {
            checkSameError(t, "int4[]", bad);
        }
        checkBind(t, "int4[]", Arrays.asList(1, null, 3));
    }

    @Test
    void textQuoting() throws SQLException {
        ArrayType<String> t = array(TextType.INSTANCE);
        List<String> tricky = Arrays.asList("", "NULL", "null", "a b", "a\"b", "a\\b", "{", "}", ",", null, "x",
                "tab\there", "new\nline", "é☃", " lead", "trail ", "Nul", "NULLS");
        checkValue(t, tricky, "ARRAY['', 'NULL', 'null', 'a b', 'a\"b', 'a\\b', '{', '}', ',', NULL, 'x',"
                + " E'tab\\there', E'new\\nline', 'é☃', ' lead', 'trail ', 'Nul', 'NULLS']::text[]");
        assertThat(t.decodeText("{\"a\\\"b\",c\\,d, e f ,\"\"}", context)).containsExactly("a\"b", "c,d", "e f", "");
        checkAll(array(VarcharType.INSTANCE), "ARRAY['a', 'b c']::varchar[]");
        checkAll(array(BpcharType.INSTANCE), "ARRAY['a', 'b c']::char(4)[]");
        checkAll(array(NameType.INSTANCE), "ARRAY['pg_type']::name[]");
        checkAll(array(CharType.INSTANCE), "ARRAY['a', '\\377', '', '\"']::\"char\"[]");
        checkBind(t, "text[]", tricky);
    }

    @Test
    void arraysOfEveryElementType() throws SQLException {
        checkAll(array(BoolType.INSTANCE), "ARRAY[true, NULL, false]");
        checkAll(array(Int2Type.INSTANCE), "ARRAY[1, -32768]::int2[]");
        checkAll(array(Int8Type.INSTANCE), "ARRAY[9223372036854775807, NULL]::int8[]");
        checkAll(array(OidType.INSTANCE), "ARRAY[4294967295, 0]::oid[]");
        checkAll(array(Float4Type.INSTANCE), "ARRAY[0.1, 'NaN', '-Infinity', '-0', 1e+30]::float4[]");
        checkAll(array(Float8Type.INSTANCE), "ARRAY[0.1, 'Infinity', '-0', 1e-05, 1e16]::float8[]");
        checkAll(array(NumericType.INSTANCE), "ARRAY[1.50, NULL, 'Infinity', -0.001]::numeric[]");
        checkAll(array(ByteaType.INSTANCE), "ARRAY['\\x01'::bytea, '\\x'::bytea, NULL]");
        checkAll(array(DateType.INSTANCE), "ARRAY['2024-01-01', 'infinity', '0044-03-15 BC']::date[]");
        checkAll(array(TimeType.INSTANCE), "ARRAY['12:00', '24:00', '00:00:00.5']::time[]");
        checkAll(array(TimeTzType.INSTANCE), "ARRAY['12:00+05:30', '00:00-03:00:30']::timetz[]");
        checkAll(array(TimestampType.INSTANCE),
                "ARRAY['2024-01-02 03:04:05.5', 'infinity', '-infinity', '0044-03-15 12:00 BC']::timestamp[]");
        checkAll(array(TimestampTzType.INSTANCE), "ARRAY['2024-01-02 03:04:05.5+02', '-infinity']::timestamptz[]");
        checkAll(array(IntervalType.INSTANCE), "ARRAY['1 year 2 mons', '-00:00:01', '0']::interval[]");
        checkAll(array(UuidType.INSTANCE), "ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL]::uuid[]");
        checkAll(array(JsonType.INSTANCE), "ARRAY['{\"a\": 1}', '[]', 'null']::json[]");
        checkAll(array(JsonbType.INSTANCE), "ARRAY['{\"b\": 1, \"a\": \"x y\"}', '\"\"']::jsonb[]");
        setZone("Asia/Kolkata");
        try {
            checkAll(array(TimestampTzType.INSTANCE), "ARRAY['2024-01-02 03:04:05.5+02', '1800-01-01 00:00']::timestamptz[]");
        } finally {
            setZone("UTC");
        }
    }

    @Test
    void bindsDatesAndNumbers() throws SQLException {
        checkBind(array(DateType.INSTANCE), "date[]", Arrays.asList(LocalDate.of(2024, 2, 29), null));
        checkBind(array(NumericType.INSTANCE), "numeric[]", Arrays.asList(new BigDecimal("1.50"), null));
        checkBind(array(ByteaType.INSTANCE), "bytea[]", Arrays.asList(new byte[] {1, 2}, null));
    }

    @Test
    void binaryWithTheWrongElementTypeIsRejected() {
        var buf = io.netty.buffer.Unpooled.buffer();
        array(Int8Type.INSTANCE).encodeBinary(List.of(1L), buf);
        int length = buf.readableBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> array(Int4Type.INSTANCE).decodeBinary(buf, length))
                .isInstanceOfSatisfying(PgTypeException.class, e -> assertThat(e.sqlState()).isEqualTo("42804"));
        assertThat(PgTypes.arrayOf(PgOid.UNKNOWN)).isNull();
    }
}
