package io.pgbridge.proxy.types;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** bind() then read() through embedded H2 in PostgreSQL mode, the default pgbridge backend. */
class H2RoundTripTest {
    static Connection h2;

    @BeforeAll
    static void open() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:types_rt;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    @AfterAll
    static void close() throws SQLException {
        h2.close();
    }

    static <T> T roundTrip(PgType<T> type, String h2Type, T value) throws SQLException {
        try (Statement st = h2.createStatement()) {
            st.execute("DROP TABLE IF EXISTS rt");
            st.execute("CREATE TABLE rt (v " + h2Type + ")");
        }
        try (PreparedStatement ps = h2.prepareStatement("INSERT INTO rt VALUES (?)")) {
            type.bind(ps, 1, value);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = h2.prepareStatement("INSERT INTO rt VALUES (NULL)")) {
            ps.executeUpdate();
        }
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM rt")) {
            rs.next();
            T back = type.read(rs, 1);
            rs.next();
            assertThat(type.read(rs, 1)).as("SQL NULL of %s", h2Type).isNull();
            return back;
        }
    }

    static <T> void check(PgType<T> type, String h2Type, T value) throws SQLException {
        assertThat(PgTypeTestBase.key(roundTrip(type, h2Type, value))).as(h2Type).isEqualTo(PgTypeTestBase.key(value));
    }

    @Test
    void scalars() throws SQLException {
        check(BoolType.INSTANCE, "BOOLEAN", true);
        check(Int2Type.INSTANCE, "SMALLINT", (short) -32768);
        check(Int4Type.INSTANCE, "INTEGER", Integer.MAX_VALUE);
        check(Int8Type.INSTANCE, "BIGINT", Long.MIN_VALUE);
        check(OidType.INSTANCE, "BIGINT", 4294967295L);
        check(Float4Type.INSTANCE, "REAL", -0.1f);
        check(Float8Type.INSTANCE, "DOUBLE PRECISION", 1e-300);
        check(NumericType.INSTANCE, "NUMERIC(20,2)", new BigDecimal("-12.50"));
        check(TextType.INSTANCE, "TEXT", "héllo ☃ 𝄞");
        check(VarcharType.INSTANCE, "VARCHAR(10)", "");
        check(BpcharType.INSTANCE, "CHAR(4)", "ab  ");
        check(ByteaType.INSTANCE, "BYTEA", new byte[] {0, 1, (byte) 0xFF});
        check(UuidType.INSTANCE, "UUID", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        check(JsonType.INSTANCE, "JSON", "{\"a\":[1,null]}");
        check(CharType.INSTANCE, "CHAR(1)", (byte) 'x');
    }

    @Test
    void dateTimes() throws SQLException {
        check(DateType.INSTANCE, "DATE", LocalDate.of(2024, 2, 29));
        check(DateType.INSTANCE, "DATE", LocalDate.of(-43, 3, 15));
        check(TimeType.INSTANCE, "TIME(6)", LocalTime.of(3, 4, 5, 123_456_000));
        check(TimeTzType.INSTANCE, "TIME(6) WITH TIME ZONE", OffsetTime.of(12, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30)));
        check(TimestampType.INSTANCE, "TIMESTAMP(6)", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        check(TimestampTzType.INSTANCE, "TIMESTAMP(6) WITH TIME ZONE",
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6000, ZoneOffset.ofHours(-3)));
        // H2 keeps day-time intervals as days plus time of day, as PostgreSQL prints them
        check(IntervalType.INSTANCE, "INTERVAL DAY TO SECOND(6)", new PgInterval(0, 1, 3_661_000_001L));
        check(IntervalType.INSTANCE, "INTERVAL DAY TO SECOND(6)", new PgInterval(0, -1, -3_661_000_001L));
        check(IntervalType.INSTANCE, "INTERVAL YEAR TO MONTH", new PgInterval(-14, 0, 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrays() throws SQLException {
        check((ArrayType<Integer>) PgTypes.arrayOf(Int4Type.INSTANCE.oid()), "INTEGER ARRAY", Arrays.asList(1, null, 3));
        check((ArrayType<String>) PgTypes.arrayOf(TextType.INSTANCE.oid()), "VARCHAR ARRAY",
                Arrays.asList("a,b", "", null, "{\"}"));
        check((ArrayType<LocalDate>) PgTypes.arrayOf(DateType.INSTANCE.oid()), "DATE ARRAY",
                List.of(LocalDate.of(2024, 1, 2)));
        check((ArrayType<BigDecimal>) (ArrayType<?>) PgTypes.arrayOf(NumericType.INSTANCE.oid()), "NUMERIC(10,2) ARRAY",
                Arrays.asList(new BigDecimal("1.50"), null));
        check((ArrayType<Integer>) PgTypes.arrayOf(Int4Type.INSTANCE.oid()), "INTEGER ARRAY", List.of());
    }
}
