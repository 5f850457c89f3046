package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's vectors ({@code int2vector}, {@code oidvector}): one-dimensional arrays whose subscripts start at 0,
 * written as their elements separated by spaces ({@code 1 2}); the binary form is the array's, one dimension (also when
 * empty) with lower bound 0, as int2vectorsend and oidvectorsend leave it to array_send. Held as the list of elements.
 */
abstract sealed class VectorType<E> extends AbstractPgType<List<E>> permits Int2VectorType, OidVectorType {
    private final ArrayType<E> array;

    /** @param elementArrayOid the oid of {@code element[]}, whose codec the vector shares */
    VectorType(int oid, String name, int arrayOid, PgType<E> element, int elementArrayOid) {
        super(oid, name, -1, arrayOid, name);
        this.array = new ArrayType<>(element, elementArrayOid);
    }

    @Override
    public List<E> read(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        // PostgreSQL's own text (pgjdbc); the engine's arrays are read as arrays
        return text == null || text.startsWith("[") || text.startsWith("{") ? array.read(rs, column)
                : decodeText(text, TextContext.UTC);
    }

    @Override
    public void bind(PreparedStatement ps, int index, List<E> value) throws SQLException {
        array.bind(ps, index, value);
    }

    @Override
    public void encodeText(List<E> value, ByteBuf out, TextContext context) {
        for (int i = 0; i < value.size(); i++) {
            if (i > 0) {
                out.writeByte(' ');
            }
            array.element().encodeText(value.get(i), out, context);
        }
    }

    @Override
    public void encodeBinary(List<E> value, ByteBuf out) {
        // ndim 1 even when empty, flags (no nulls), element oid, then the size and lower bound 0 of the one dimension
        out.writeInt(1);
        out.writeInt(0);
        out.writeInt(array.element().oid());
        out.writeInt(value.size());
        out.writeInt(0);
        for (E e : value) {
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            array.element().encodeBinary(e, out);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
    }

    /** int2vectorin, oidvectorin: elements separated by white space. */
    @Override
    public List<E> decodeText(String text, TextContext context) {
        List<E> result = new ArrayList<>();
        for (String item : text.strip().split("\\s+")) {
            if (!item.isEmpty()) {
                result.add(array.element().decodeText(item, context));
            }
        }
        return result;
    }

    @Override
    public List<E> decodeBinary(ByteBuf in, int length) {
        return array.decodeBinary(in, length);
    }

    @Override
    public List<E> coerce(Object value) {
        return value instanceof String s ? decodeText(s, TextContext.UTC) : array.coerce(value);
    }
}
