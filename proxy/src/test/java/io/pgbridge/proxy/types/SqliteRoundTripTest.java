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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite hands back strings and longs for most types; read() must still produce the typed value. */
class SqliteRoundTripTest {
    static Connection db;

    @BeforeAll
    static void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static <T> void check(PgType<T> type, String sqliteType, T value) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS rt");
            st.execute("CREATE TABLE rt (v " + sqliteType + ")");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO rt VALUES (?)")) {
            type.bind(ps, 1, value);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO rt VALUES (NULL)")) {
            ps.executeUpdate();
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM rt")) {
            rs.next();
            assertThat(PgTypeTestBase.key(type.read(rs, 1))).as(type.name()).isEqualTo(PgTypeTestBase.key(value));
            rs.next();
            assertThat(type.read(rs, 1)).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void values() throws SQLException {
        check(BoolType.INSTANCE, "BOOLEAN", false);
        check(Int4Type.INSTANCE, "INTEGER", -5);
        check(Int8Type.INSTANCE, "INTEGER", Long.MAX_VALUE);
        check(Float8Type.INSTANCE, "REAL", 0.1);
        check(NumericType.INSTANCE, "TEXT", new BigDecimal("1.50"));
        check(TextType.INSTANCE, "TEXT", "☃");
        check(ByteaType.INSTANCE, "BLOB", new byte[] {1, 2});
        check(UuidType.INSTANCE, "TEXT", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        check(DateType.INSTANCE, "TEXT", LocalDate.of(2024, 2, 29));
        check(TimeType.INSTANCE, "TEXT", LocalTime.of(1, 2, 3));
        check(TimestampType.INSTANCE, "TEXT", LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        check(TimestampTzType.INSTANCE, "TEXT", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        check(IntervalType.INSTANCE, "TEXT", new PgInterval(1, 2, 3));
        check(JsonbType.INSTANCE, "TEXT", "{\"a\": 1}");
        check((ArrayType<Integer>) PgTypes.arrayOf(Int4Type.INSTANCE.oid()), "TEXT", Arrays.asList(1, null));
    }
}
