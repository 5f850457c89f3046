package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One PostgreSQL type: its catalog identity, how a value is read from and bound to JDBC, and its text and binary
 * wire forms, byte for byte as PostgreSQL writes them. One implementation per type; {@link PgTypes} registers them.
 *
 * @param <T> the Java value: Boolean, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], LocalDate,
 *            LocalTime, OffsetTime, LocalDateTime, OffsetDateTime, {@link PgInterval}, UUID, or {@code List<?>} for arrays
 */
public interface PgType<T> {

    /** {@code pg_type.oid}. */
    int oid();

    /** {@code pg_type.typname}, e.g. {@code int4}, {@code _int4}. */
    String name();

    /** {@code pg_type.typlen}: the fixed size in bytes, or -1 for variable length. */
    short typeSize();

    /** {@code pg_type.typarray} for element types, 0 for array types themselves. */
    int arrayOid();

    /** Reads column {@code column} (1-based) of the current row; {@code null} for SQL NULL. */
    T read(ResultSet rs, int column) throws SQLException;

    /** Binds a non-null value to parameter {@code index} (1-based). */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /** Appends the text form of a non-null value (no length prefix). */
    void encodeText(T value, ByteBuf out, TextContext context);

    /** Appends the binary form of a non-null value (no length prefix). */
    void encodeBinary(T value, ByteBuf out);

    /** Parses the text form; throws {@link PgTypeException} (22P02, 22003, 22008…) on bad input. */
    T decodeText(String text, TextContext context);

    /** Reads exactly {@code length} bytes of the binary form; throws {@link PgTypeException} on bad input. */
    T decodeBinary(ByteBuf in, int length);

    /**
     * Converts a value a JDBC driver handed out (java.sql.Date, PGInterval, a string from SQLite…) into this type's
     * Java value; {@code null} stays {@code null}. Array types use it for their elements.
     */
    default T coerce(Object value) {
        throw new UnsupportedOperationException(name() + " cannot convert " + value.getClass().getName());
    }
}
