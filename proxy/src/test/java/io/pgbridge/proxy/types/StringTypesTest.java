package io.pgbridge.proxy.types;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringTypesTest extends PgTypeTestBase {

    @Test
    void text() throws SQLException {
        checkValue(TextType.INSTANCE, "", "''::text");
        checkValue(TextType.INSTANCE, "héllo wörld ☃ 𝄞", "'héllo wörld ☃ 𝄞'::text");
        checkAll(TextType.INSTANCE, "'a\"b\\\\c'::text", "E'line\\nbreak\\ttab'::text", "'NULL'::text");
        checkValue(VarcharType.INSTANCE, "varchar ✓", "'varchar ✓'::varchar");
        checkValue(BpcharType.INSTANCE, "ab   ", "'ab'::char(5)");
        checkValue(NameType.INSTANCE, "pg_type", "'pg_type'::name");
        checkBind(TextType.INSTANCE, "text", "x'y\"z ☃");
        checkBind(VarcharType.INSTANCE, "varchar(10)", "");
    }

    @Test
    void nameIsCutAt63Bytes() throws SQLException {
        String longName = "é".repeat(40);
        String cut = NameType.INSTANCE.decodeText(longName, context);
        assertThat(cut).isEqualTo("é".repeat(31));
        check(NameType.INSTANCE, "'" + longName + "'::name");
    }

    @Test
    void textRejectsNul() {
        assertThatThrownBy(() -> TextType.INSTANCE.decodeText("a\0b", context))
                .isInstanceOfSatisfying(PgTypeException.class, e -> assertThat(e.sqlState()).isEqualTo("22021"));
    }

    @Test
    void quotedChar() throws SQLException {
        checkValue(CharType.INSTANCE, (byte) 'a', "'a'::\"char\"");
        checkValue(CharType.INSTANCE, (byte) 0, "''::\"char\"");
        checkValue(CharType.INSTANCE, (byte) 0xFF, "'\\377'::\"char\"");
        checkValue(CharType.INSTANCE, (byte) 0xC3, "'é'::\"char\"");
        checkValue(CharType.INSTANCE, (byte) '\\', "'\\'::\"char\"");
        checkBind(CharType.INSTANCE, "\"char\"", (byte) 'z');
    }

    @Test
    void bytea() throws SQLException {
        checkValue(ByteaType.INSTANCE, new byte[0], "''::bytea");
        checkValue(ByteaType.INSTANCE, new byte[] {1, 2, (byte) 0xAB, (byte) 0xFF, 0}, "'\\x0102abff00'::bytea");
        check(ByteaType.INSTANCE, "convert_to('héllo', 'UTF8')");
        assertThat(ByteaType.INSTANCE.decodeText("\\x 01 0A", context)).containsExactly(1, 10);
        assertThat(ByteaType.INSTANCE.decodeText("a\\\\b\\001", context)).containsExactly('a', '\\', 'b', 1);
        for (String bad : new String[] {"\\xzz", "\\x0", "\\", "\\x0g", "a\\9"}) {
            checkSameError(ByteaType.INSTANCE, "bytea", bad);
        }
        checkBind(ByteaType.INSTANCE, "bytea", new byte[] {0, 1, (byte) 0x80});
    }

    @Test
    void uuid() throws SQLException {
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        checkValue(UuidType.INSTANCE, u, "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid");
        checkValue(UuidType.INSTANCE, new UUID(0, 0), "'00000000-0000-0000-0000-000000000000'::uuid");
        checkValue(UuidType.INSTANCE, new UUID(-1, -1), "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid");
        assertThat(UuidType.INSTANCE.decodeText("{a0eebc999c0b4ef8bb6d6bb9bd380a11}", context)).isEqualTo(u);
        assertThat(UuidType.INSTANCE.decodeText("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", context)).isEqualTo(u);
        for (String bad : new String[] {"x", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""}) {
            checkSameError(UuidType.INSTANCE, "uuid", bad);
        }
        checkBind(UuidType.INSTANCE, "uuid", u);
    }

    @Test
    void json() throws SQLException {
        checkAll(JsonType.INSTANCE, "'{\"b\":1,  \"a\" : [1, 2.50, \"x\\u00e9\"]}'::json", "'\"str\"'::json",
                "'null'::json", "' [ ] '::json");
        for (String bad : new String[] {"{", "", "[1,]", "{\"a\" 1}", "01", "'x'", "tru", "1.", "-"}) {
            checkSameError(JsonType.INSTANCE, "json", bad);
        }
        checkBind(JsonType.INSTANCE, "json", "{\"k\": [1, null]}");
    }

    @Test
    void jsonbIsPrintedInCanonicalForm() throws SQLException {
        checkAll(JsonbType.INSTANCE, "'{\"bb\":1, \"a\" : [1, 2.50, 1e2, -0, 1E-2], \"ccc\": {}, \"b\": null}'::jsonb",
                "'{\"a\":1, \"a\":2}'::jsonb", "'\"tab\\there \\\\ \\\" \\u0001 é\"'::jsonb",
                "'\"\\u00e9\\ud83d\\ude00\"'::jsonb", "'[true, false, null, \"\", [], {}]'::jsonb",
                "'{\"é\": 1, \"z\": 2, \"aa\": 3}'::jsonb", "'12345678901234567890.5'::jsonb");
        assertThat(new String(text(JsonbType.INSTANCE, "{\"b\":1,\"a\":2}"))).isEqualTo("{\"a\": 2, \"b\": 1}");
        for (String bad : new String[] {"{", "[1,]", "\"\\u0000\""}) {
            checkSameError(JsonbType.INSTANCE, "jsonb", bad);
        }
        checkBind(JsonbType.INSTANCE, "jsonb", "{\"a\": [2], \"bb\": 1}");
    }
}
