package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One-dimensional arrays of any element type, values as {@code List<?>} with null elements. Text is
 * {@code {1,2,NULL}} with array_out's quoting; binary is ndim, has-null flag, element OID, size and lower bound 1,
 * then each element length-prefixed (-1 for NULL). An empty array has no dimensions: {@code {}} and ndim 0.
 */
public final class ArrayType<E> extends AbstractPgType<List<E>> {
    private final PgType<E> element;

    ArrayType(PgType<E> element, int arrayOid) {
        super(arrayOid, "_" + element.name(), -1, 0, element instanceof AbstractPgType<?> a
                ? a.displayName() + "[]" : element.name() + "[]");
        this.element = element;
    }

    public PgType<E> element() {
        return element;
    }

    @Override
    public List<E> read(ResultSet rs, int column) throws SQLException {
        // PostgreSQL's own text (pgjdbc, or a literal stored by a backend without arrays) is exact; pgjdbc's
        // Array objects lose timetz offsets and fail on numeric Infinity
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        if (text.startsWith("{") || text.startsWith("[") && text.contains("]={")) {
            return decodeText(text, TextContext.UTC);
        }
        if (text.startsWith("[")) {
            try {
                return decodeJson(text); // MariaDB and SQLite store arrays as JSON
            } catch (PgTypeException notJson) {
                // H2 writes its arrays' text in brackets too: its Array objects are exact
            }
        }
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            return coerce(array.getArray());
        } finally {
            try {
                array.free();
            } catch (SQLException | RuntimeException ignored) {
                // some drivers do not implement free()
            }
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, List<E> value) throws SQLException {
        boolean postgres = Jdbc.isPostgres(ps);
        if (!postgres && !Jdbc.isH2(ps)) {
            // MariaDB, SQLite: arrays are stored as JSON arrays, which their JSON functions read
            ps.setString(index, toJson(value));
            return;
        }
        Object[] elements = new Object[value.size()];
        for (int i = 0; i < elements.length; i++) {
            E e = value.get(i);
            // pgjdbc gets text forms, which the server casts like any literal; others get Java values
            elements[i] = e == null ? null : postgres || e instanceof PgInterval || e instanceof Byte
                    ? elementText(e) : e;
        }
        try {
            Array jdbcArray = ps.getConnection().createArrayOf(element.name(), postgres
                    ? java.util.Arrays.copyOf(elements, elements.length, String[].class) : elements);
            ps.setArray(index, jdbcArray);
        } catch (SQLFeatureNotSupportedException e) {
            ps.setString(index, toText(value));
        }
    }

    /** An array as the backends without arrays store it: a JSON array, numbers and booleans unquoted. */
    public String toJson(List<E> value) {
        StringBuilder json = new StringBuilder("[");
        for (E e : value) {
            if (json.length() > 1) {
                json.append(", ");
            }
            if (e == null) {
                json.append("null");
                continue;
            }
            String text = elementText(e);
            if (element instanceof BoolType) {
                json.append((Boolean) e ? "true" : "false");
            } else if (isNumber(element) && text.matches("-?[0-9.]+(e[-+]?[0-9]+)?")) {
                json.append(text); // NaN and Infinity are no JSON numbers: they stay strings
            } else {
                json.append(Json.quoted(text));
            }
        }
        return json.append(']').toString();
    }

    private static boolean isNumber(PgType<?> type) {
        return type instanceof IntegerType<?> || type instanceof NumericType || type instanceof Float4Type
                || type instanceof Float8Type;
    }

    /** A JSON array (the storage of arrays on MariaDB and SQLite), each element read as its PostgreSQL text. */
    private List<E> decodeJson(String text) {
        List<String> items = Json.arrayElements(text);
        List<E> result = new ArrayList<>(items.size());
        for (String item : items) {
            result.add(item == null ? null : element.decodeText(item, TextContext.UTC));
        }
        return result;
    }

    private String elementText(E value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            element.encodeText(value, buf, TextContext.UTC);
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    private String toText(List<E> value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encodeText(value, buf, TextContext.UTC);
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Override
    public void encodeText(List<E> value, ByteBuf out, TextContext context) {
        out.writeByte('{');
        for (int i = 0, n = value.size(); i < n; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            E e = value.get(i);
            if (e == null) {
                Ascii.writeString(out, "NULL");
                continue;
            }
            int start = out.writerIndex();
            element.encodeText(e, out, context);
            if (needsQuotes(out, start, out.writerIndex())) {
                quote(out, start);
            }
        }
        out.writeByte('}');
    }

    /** array_out quotes empty strings, NULL in any case, and anything with {@code {}",\} or white space. */
    private static boolean needsQuotes(ByteBuf out, int start, int end) {
        int len = end - start;
        if (len == 0) {
            return true;
        }
        if (len == 4 && (out.getByte(start) | 0x20) == 'n' && (out.getByte(start + 1) | 0x20) == 'u'
                && (out.getByte(start + 2) | 0x20) == 'l' && (out.getByte(start + 3) | 0x20) == 'l') {
            return true;
        }
        for (int i = start; i < end; i++) {
            byte b = out.getByte(i);
            if (b == '{' || b == '}' || b == '"' || b == ',' || b == '\\' || Ascii.isSpace((char) b)) {
                return true;
            }
        }
        return false;
    }

    /** Rewrites the element written from {@code start} as a quoted string, {@code "} and {@code \} escaped. */
    private static void quote(ByteBuf out, int start) {
        byte[] raw = new byte[out.writerIndex() - start];
        out.getBytes(start, raw);
        out.writerIndex(start);
        out.writeByte('"');
        for (byte b : raw) {
            if (b == '"' || b == '\\') {
                out.writeByte('\\');
            }
            out.writeByte(b);
        }
        out.writeByte('"');
    }

    @Override
    public void encodeBinary(List<E> value, ByteBuf out) {
        boolean hasNull = false;
        for (E e : value) {
            hasNull |= e == null;
        }
        out.writeInt(value.isEmpty() ? 0 : 1);
        out.writeInt(hasNull ? 1 : 0);
        out.writeInt(element.oid());
        if (value.isEmpty()) {
            return;
        }
        out.writeInt(value.size());
        out.writeInt(1);
        for (E e : value) {
            if (e == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            element.encodeBinary(e, out);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
    }

    @Override
    public List<E> decodeText(String text, TextContext context) {
        List<String> items = new ArrayLiteral(text).parse();
        List<E> result = new ArrayList<>(items.size());
        for (String item : items) {
            result.add(item == null ? null : element.decodeText(item, context));
        }
        return result;
    }

    @Override
    public List<E> decodeBinary(ByteBuf in, int length) {
        if (length < 12 || length > in.readableBytes()) {
            throw badBinary();
        }
        ByteBuf body = in.readSlice(length);
        int ndim = body.readInt();
        int flags = body.readInt();
        int elementOid = body.readInt();
        if (ndim < 0 || ndim > 6) {
            throw new PgTypeException("22P03", "invalid number of dimensions: " + ndim);
        }
        if (flags != 0 && flags != 1) {
            throw new PgTypeException("22P03", "invalid array flags");
        }
        if (elementOid != element.oid()) {
            throw new PgTypeException("42804", "binary data has array element type " + Integer.toUnsignedString(
                    elementOid) + " instead of expected " + element.oid() + " (" + element.name() + ")");
        }
        if (ndim == 0) {
            return new ArrayList<>();
        }
        if (ndim > 1) {
            throw new PgTypeException("0A000", "multidimensional arrays are not supported");
        }
        int size = body.readInt();
        body.readInt(); // lower bound: pgbridge's lists always start at 1
        if (size < 0 || size > body.readableBytes() / 4) {
            throw badBinary();
        }
        List<E> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int len = body.readInt();
            if (len == -1) {
                result.add(null);
                continue;
            }
            if (len < 0 || len > body.readableBytes()) {
                throw badBinary();
            }
            ByteBuf item = body.readSlice(len);
            result.add(element.decodeBinary(item, len));
            if (item.isReadable()) {
                throw new PgTypeException("22P03", "improper binary format in array element " + (i + 1));
            }
        }
        if (body.isReadable()) {
            throw badBinary();
        }
        return result;
    }

    @Override
    public List<E> coerce(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<E> result = new ArrayList<>(list.size());
            for (Object o : list) {
                result.add(o == null ? null : element.coerce(o));
            }
            return result;
        }
        if (value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            List<E> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object o = java.lang.reflect.Array.get(value, i);
                if (o != null && o.getClass().isArray() && !(o instanceof byte[])) {
                    throw new PgTypeException("0A000", "multidimensional arrays are not supported");
                }
                result.add(o == null ? null : element.coerce(o));
            }
            return result;
        }
        if (value instanceof String s) {
            return decodeText(s, TextContext.UTC);
        }
        if (value instanceof Array a) {
            try {
                return coerce(a.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read array", e);
            }
        }
        return Collections.singletonList(element.coerce(value));
    }
}
