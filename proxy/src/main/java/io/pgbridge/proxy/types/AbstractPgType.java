package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Catalog identity and the error helpers every type shares, so each codec class only holds its own format.
 * {@link #read} defaults to {@code getObject} plus {@link #coerce}; primitive types override it.
 */
abstract class AbstractPgType<T> implements PgType<T> {
    private final int oid;
    private final String name;
    private final short typeSize;
    private final int arrayOid;
    /** The name PostgreSQL's error messages use (format_type), e.g. {@code integer} for int4. */
    private final String displayName;

    AbstractPgType(int oid, String name, int typeSize, int arrayOid, String displayName) {
        this.oid = oid;
        this.name = name;
        this.typeSize = (short) typeSize;
        this.arrayOid = arrayOid;
        this.displayName = displayName;
    }

    @Override
    public final int oid() {
        return oid;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final short typeSize() {
        return typeSize;
    }

    @Override
    public final int arrayOid() {
        return arrayOid;
    }

    /** The SQL spelling PostgreSQL uses in messages: {@code integer}, {@code timestamp with time zone}… */
    public final String displayName() {
        return displayName;
    }

    @Override
    public T read(ResultSet rs, int column) throws SQLException {
        return coerce(rs.getObject(column));
    }

    /**
     * {@code getObject(column, javaClass)}, the JDBC 4.2 way to get java.time values; drivers that lack it (SQLite)
     * or that fail on a value fall back to plain {@code getObject} and {@link #coerce}.
     */
    final T readAs(ResultSet rs, int column, Class<?> javaClass) throws SQLException {
        Object v;
        try {
            v = rs.getObject(column, javaClass);
        } catch (SQLException | RuntimeException e) {
            v = rs.getObject(column);
        }
        return coerce(v);
    }

    @Override
    public String toString() {
        return name;
    }

    /** {@code invalid input syntax for type integer: "abc"}, 22P02 unless the type says otherwise. */
    final PgTypeException invalidSyntax(String text) {
        return invalidSyntax("22P02", text);
    }

    final PgTypeException invalidSyntax(String sqlState, String text) {
        return new PgTypeException(sqlState, "invalid input syntax for type " + inputName() + ": \"" + text + "\"");
    }

    /** The type name in input syntax errors; the date/time input functions say {@code time}, not the SQL name. */
    String inputName() {
        return displayName;
    }

    /** {@code value "99999999999" is out of range for type integer}, 22003. */
    final PgTypeException outOfRange(String text) {
        return new PgTypeException("22003", "value \"" + text + "\" is out of range for type " + displayName);
    }

    /** The binary form of a fixed-size type must be exactly that many bytes; PostgreSQL says 22P03 otherwise. */
    static void expectLength(int length, int expected) {
        if (length != expected) {
            throw badBinary();
        }
    }

    static PgTypeException badBinary() {
        return new PgTypeException("22P03", "incorrect binary data format");
    }

    /** Reads {@code length} bytes as UTF-8, the client encoding pgbridge always reports; bad bytes are 22021. */
    static String readUtf8(ByteBuf in, int length) {
        if (length < 0 || length > in.readableBytes()) {
            throw badBinary();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = decoder.decode(in.nioBuffer(in.readerIndex(), length)).toString();
            in.skipBytes(length);
            return rejectNul(s);
        } catch (CharacterCodingException e) {
            throw new PgTypeException("22021", "invalid byte sequence for encoding \"UTF8\"");
        }
    }

    /** PostgreSQL text cannot hold NUL; its input functions reject it with 22021. */
    static String rejectNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new PgTypeException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00");
        }
        return s;
    }

    final ClassCastException cannotCoerce(Object value) {
        return new ClassCastException(name + " cannot convert " + value.getClass().getName() + ": " + value);
    }
}
