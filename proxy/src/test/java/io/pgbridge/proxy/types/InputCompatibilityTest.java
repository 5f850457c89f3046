package io.pgbridge.proxy.types;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/**
 * Client parameters arrive as text in many spellings; each must mean what it means to PostgreSQL. Values are
 * compared through the server's output of the same input cast to the type (bool excepted: its ::text is 'true').
 */
class InputCompatibilityTest extends PgTypeTestBase {

    static <T> void same(PgType<T> type, String castType, String... inputs) throws SQLException {
        for (String input : inputs) {
            checkSameInput(type, castType, input);
        }
    }

    @Test
    void numbers() throws SQLException {
        same(Int4Type.INSTANCE, "int4", " 1", "+1 ", "-0", "0012", "\t7\n");
        same(Int8Type.INSTANCE, "int8", "-9223372036854775808", " 42 ");
        same(Float8Type.INSTANCE, "float8", "1e3", " .5", "5.", "-1.5E-3", "inf", "-INFINITY", "nan", "0x1p-2",
                "1e-320", "4.9e-324", "1.7976931348623157e308");
        same(Float4Type.INSTANCE, "float4", "1e3", "3.4028235e38", "1e-45", "0.1", "16777217");
        same(NumericType.INSTANCE, "numeric", "1e3", " 1.50 ", "-0", "+.5", "5.", "1.5e-3", "NaN", "-inf",
                "+Infinity", "1E+2", "0.000", "12345678901234567890.12345678901234567890");
    }

    @Test
    void dates() throws SQLException {
        same(DateType.INSTANCE, "date", "2024-01-02", "1/8/1999", "1/8/99", "12/31/69", "1/1/70", "19990108",
                "2024-01-02 10:00", "0044-03-15 BC", "0001-01-01 AD", "infinity", "-infinity",
                "epoch", " 2024-01-02 ", "2024/01/02", "2024.01.02", "2024-1-2");
    }

    @Test
    void times() throws SQLException {
        same(TimeType.INSTANCE, "time", "03:04", "03:04:05", "3:4:5", "03:04:05.1234564", "03:04:05.9999996",
                "23:59:59.9999999", "24:00", "2024-01-02 03:04:05", "03:04:05+02",
                "00:00:00.000001");
        same(TimeTzType.INSTANCE, "timetz", "03:04:05+02", "03:04:05-0230", "03:04:05 +02:30:15", "03:04Z",
                "2024-01-02 03:04:05-07");
    }

    @Test
    void timestamps() throws SQLException {
        same(TimestampType.INSTANCE, "timestamp", "2024-01-02 03:04:05", "2024-01-02T03:04:05.5",
                "2024-01-02 03:04:05.1234565", "2024-01-02", "1/8/1999 12:00", "2024-01-02 03:04:05+05",
                "2024-01-02 03:04:05 BC", "infinity", "-infinity", "epoch", "2024-01-02 24:00:00",
                "2024-12-31 23:59:59.9999999", "20240102 030405");
        same(TimestampTzType.INSTANCE, "timestamptz", "2024-01-02 03:04:05", "2024-01-02T03:04:05Z",
                "2024-01-02 03:04:05+05:30", "2024-01-02 03:04:05-0330", "2024-01-02 03:04:05 Europe/Berlin",
                "2024-07-02 03:04:05 America/New_York", "2024-01-02 03:04:05 UTC", "infinity", "epoch",
                "2024-01-02 03:04:05.123456789+01", "0044-03-15 12:00:00+01 BC");
    }

    @Test
    void timestamptzInputInAnotherZone() throws SQLException {
        setZone("Asia/Kolkata");
        try {
            same(TimestampTzType.INSTANCE, "timestamptz", "2024-01-02 03:04:05", "1800-01-01 00:00",
                    "2024-01-02 03:04:05+00", "2024-01-02");
            setZone("America/New_York");
            // a local time inside the spring-forward gap and one in the repeated autumn hour
            same(TimestampTzType.INSTANCE, "timestamptz", "2024-03-10 02:30", "2024-11-03 01:30");
        } finally {
            setZone("UTC");
        }
    }

    @Test
    void intervals() throws SQLException {
        same(IntervalType.INSTANCE, "interval", "1 day", "1 days 2 hours", "1 year 2 mons 3 days 04:05:06.5",
                "-1 year -2 mons", "P1DT2H", "P1Y2M3W4DT5H6M7.5S", "PT0.5S", "PT-1H", "P-1D", "1 day 02:00:00",
                "@ 1 day ago", "@ 1 hour 30 mins ago", "10", "1.5", "-10", "1:2", "1:2:3", "-1:2:3", "1:2:3.25",
                "1.5 years", "1.5 mons", "1.5 days", "1.5 weeks", "1.5 hours", "0.5 min", "3 millennium",
                "1 mon -1 day +02:00", "1 years 2 mons 3 days 4 hours 5 mins 6.5 secs", "100 ms", "1000 us",
                "2 decades", "1 century", "1 week 1 day", "1d", "2h", "1 y 2 mon", "0", "1-2", "-1-2", "1 2:03:04",
                "-1 2:03:04", "+1-2 +3 +4:05:06", "1.1 mons", "0.3 years", "1.123456789 days", "1.0000005 secs",
                "0.0000005 sec", "1.7 weeks", "1 day 1.5 hours", "2.5", "-1.5 days", "1.000001 mins",
                "1 hour ago", "-2 mons ago");
    }

    @Test
    void others() throws SQLException {
        same(UuidType.INSTANCE, "uuid", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11");
        same(ByteaType.INSTANCE, "bytea", "\\x0102", "abc", "a\\\\b", "\\001\\377", "\\x", "");
        same(JsonbType.INSTANCE, "jsonb", "{\"b\":1,\"a\":2,\"a\":3}", " [1, 2.0, -0.0, 1e-3, 1E+3] ",
                "{\"\\u00e9\": \"\\/\"}", "\"\\ud83d\\ude00\"", "{\"aa\":1,\"b\":2,\"ab\":3}");
        same(JsonType.INSTANCE, "json", " {\"b\" : 1} ", "[1,2]");
        same((ArrayType<?>) PgTypes.arrayOf(Int4Type.INSTANCE.oid()), "int4[]", "{1,2,3}", " { 1 , NULL } ",
                "[1:2]={1,2}", "{}");
        same((ArrayType<?>) PgTypes.arrayOf(TextType.INSTANCE.oid()), "text[]", "{a,\"b c\",\"\",NULL,\"NULL\"}",
                "{ a b , c }", "{\\\"x,y\\\\z}", "{\"\\\\x01\"}");
    }
}
