package io.pgbridge.proxy.session;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.ColumnType;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.codec.PgWire;
import io.pgbridge.proxy.types.EnumType;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.proxy.types.TextContext;
import io.pgbridge.proxy.types.TimestampTzType;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.schema.Catalog;
import io.pgbridge.translation.schema.ColumnShape;
import io.pgbridge.translation.schema.ColumnTypeFormula;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns of one result: their PostgreSQL types and wire formats, resolved once from the JDBC metadata, and
 * the writer of DataRow messages straight into the output buffer.
 */
final class ResultColumns {
    private final String[] names;
    private final ColumnType[] columnTypes;
    private final PgType<Object>[] types;
    private final short[] formats;
    /** The scale of each numeric(p,s) column, -1 for the others: PostgreSQL prints such a value with s places. */
    private final int[] numericScales;
    /** 1 when the backend's first column marks the rows the client gets ({@link Translation#markedRows()}). */
    private final int skipped;

    /** The columns as the backend describes them, before hints and the catalog. */
    private final ColumnType[] described;

    private ResultColumns(String[] names, ColumnType[] columnTypes, short[] formats) {
        this(names, columnTypes, formats, 0, columnTypes, null);
    }

    private ResultColumns(String[] names, ColumnType[] columnTypes, short[] formats, int skipped,
                          ColumnType[] described) {
        this(names, columnTypes, formats, skipped, described, null);
    }

    /** @param scales the scale each numeric column's values print with, -1 for their own; null: from the typmods */
    @SuppressWarnings("unchecked")
    private ResultColumns(String[] names, ColumnType[] columnTypes, short[] formats, int skipped,
                          ColumnType[] described, int[] scales) {
        this.skipped = skipped;
        this.names = names;
        this.columnTypes = columnTypes;
        this.formats = formats;
        this.described = described;
        this.types = new PgType[names.length];
        this.numericScales = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            PgType<?> t = PgTypes.byOid(columnTypes[i].oid());
            if (t == null && columnTypes[i].oid() >= EnumType.FIRST_USER_OID) {
                t = new EnumType(columnTypes[i].oid());   // the only user types pgbridge presents
            }
            if (columnTypes[i].oid() == PgOid.TIMESTAMPTZ && described[i].oid() == PgOid.TIMESTAMP) {
                t = TimestampTzType.UTC_WALL_CLOCK;   // a timestamp the translation or the catalog knows is one
            }
            types[i] = (PgType<Object>) (t != null ? t : PgTypes.text());
            int typmod = columnTypes[i].typeModifier();
            numericScales[i] = columnTypes[i].oid() != PgOid.NUMERIC ? -1 : scales != null ? scales[i]
                    : typmod >= 4 ? (typmod - 4) & 0xFFFF : -1;
        }
    }

    /**
     * Resolves the columns; {@code bind} (may be null) gives the result formats the client asked for, and
     * {@code hints} the translation's: the 0-based columns PostgreSQL types otherwise than the backend describes
     * them ({@link Translation#columnTypes()}), and whether the backend's first column only marks the rows the client
     * gets.
     */
    static ResultColumns of(ResultSetMetaData md, BackendDialect dialect, FrontendMessage.Bind bind,
                            Translation hints) throws SQLException {
        int skipped = hints.markedRows() ? 1 : 0;
        int n = md.getColumnCount() - skipped;
        String[] names = new String[n];
        ColumnType[] types = new ColumnType[n];
        short[] formats = new short[n];
        for (int i = 0; i < n; i++) {
            names[i] = dialect.columnLabel(md.getColumnLabel(i + 1 + skipped));
            types[i] = dialect.columnType(md, i + 1 + skipped);
            formats[i] = bind == null ? 0 : bind.resultFormat(i);
        }
        ColumnType[] described = types.clone();
        for (Map.Entry<Integer, String> hint : hints.columnTypes().entrySet()) {
            int column = hint.getKey();
            int oid = PgOid.forTypeName(hint.getValue());
            if (column >= n || oid == 0) {
                continue;
            }
            // A boolean answered as 1/0 is an integer column; a backend that has booleans says so itself.
            if (oid != PgOid.BOOL || isInteger(types[column].oid())) {
                types[column] = ColumnType.of(oid);
            }
        }
        return new ResultColumns(names, types, formats, skipped, described);
    }

    /**
     * As {@link #of(ResultSetMetaData, BackendDialect, FrontendMessage.Bind, Translation)}, and columns of tables whose
     * PostgreSQL type pgbridge's DDL declared in the catalog (MariaDB's arrays and timestamptz, H2's json and jsonb)
     * are presented as that type.
     */
    static ResultColumns of(ResultSetMetaData md, BackendDialect dialect, FrontendMessage.Bind bind,
                            Translation hints, Catalog catalog) throws SQLException {
        ResultColumns columns = of(md, dialect, bind, hints);
        if (catalog != null && hints.columnTypes().values().stream().anyMatch(ColumnTypeFormula::isFormula)) {
            columns = withFormulas(columns, hints, catalog);
        }
        if (catalog == null || !dialect.declaresTypesInComments()) {
            return columns;
        }
        ColumnType[] types = columns.columnTypes.clone();
        boolean changed = false;
        for (int i = 0; i < types.length; i++) {
            int column = i + 1 + columns.skipped;
            int described = types[i].oid();
            String table = described == PgOid.TEXT || described == PgOid.TIMESTAMP || described == PgOid.BPCHAR
                    || described == PgOid.VARCHAR ? md.getTableName(column) : null;
            if (table == null || table.isEmpty()) {
                continue;
            }
            String name = md.getColumnName(column);
            var declared = catalog.table(null, table).flatMap(t -> t.column(name));
            int oid = declared.isPresent() ? declaredType(described, declared.get()) : 0;
            if (oid != 0) {
                types[i] = ColumnType.of(oid);
                changed = true;
            }
        }
        return changed ? new ResultColumns(columns.names, types, columns.formats, columns.skipped, columns.described,
                columns.numericScales) : columns;
    }

    /**
     * The columns whose type the translation gave as a formula over table columns ({@link ColumnTypeFormula}: SQLite's
     * {@code amount * 2}) typed by it, numeric ones printed with the scale PostgreSQL's would have; a formula over an
     * unknown table leaves the backend's type.
     */
    private static ResultColumns withFormulas(ResultColumns columns, Translation hints, Catalog catalog) {
        ColumnType[] types = columns.columnTypes.clone();
        int[] scales = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            int typmod = types[i].typeModifier();
            scales[i] = typmod >= 4 ? (typmod - 4) & 0xFFFF : -1;
        }
        for (Map.Entry<Integer, String> hint : hints.columnTypes().entrySet()) {
            int column = hint.getKey();
            if (column >= types.length || !ColumnTypeFormula.isFormula(hint.getValue())) {
                continue;
            }
            var resolved = ColumnTypeFormula.resolve(hint.getValue(), catalog);
            int oid = resolved.map(r -> PgOid.forTypeName(r.type())).orElse(0);
            if (oid != 0) {
                types[column] = ColumnType.of(oid);
                scales[column] = resolved.get().scale();
            }
        }
        return new ResultColumns(columns.names, types, columns.formats, columns.skipped, columns.described, scales);
    }

    /**
     * The type pgbridge's DDL declared for a column the backend describes as {@code described}: an array, json or
     * jsonb kept as text, a varchar without a length, a key's text kept as a VARCHAR, a timestamptz kept as a
     * timestamp (MariaDB's DATETIME), or the enum type the catalog made for an ENUM column; 0 when the backend's own
     * description stands.
     */
    private static int declaredType(int described, ColumnShape declared) {
        if (declared.enumType() != 0) {
            return declared.enumType();   // MariaDB's ENUM, described as a CHAR
        }
        if (described == PgOid.TEXT && declared.isArray()) {
            int oid = PgOid.forTypeName("_" + declared.pgType().replace("[]", "").replace("boolean", "bool"));
            return oid != 0 ? oid : PgOid.TEXT_ARRAY;
        }
        if (described == PgOid.TEXT && (declared.pgType().equals("json") || declared.pgType().equals("jsonb")
                || declared.pgType().equals("varchar"))) {
            return PgOid.forTypeName(declared.pgType());   // H2's json and jsonb kept as text, varchar without a length
        }
        if (described == PgOid.VARCHAR && declared.pgType().equals("text")) {
            return PgOid.TEXT;   // MariaDB's key columns of text, VARCHAR(255)
        }
        return described == PgOid.TIMESTAMP && declared.pgType().equals("timestamptz") ? PgOid.TIMESTAMPTZ : 0;
    }

    /** Whether the current row of {@code rs} is the client's: not marked as one PostgreSQL would not return. */
    boolean isClientRow(ResultSet rs) throws SQLException {
        return skipped == 0 || isMarkedAsClientRow(rs);
    }

    /** For a result with marked rows: whether the current row's mark (the first column) lets the client have it. */
    static boolean isMarkedAsClientRow(ResultSet rs) throws SQLException {
        return rs.getInt(1) != 0;
    }

    /** The rows of a result with marked rows that the client would have had (an upsert's count on MariaDB). */
    static long countClientRows(ResultSet rs) throws SQLException {
        long count = 0;
        while (rs.next()) {
            count += isMarkedAsClientRow(rs) ? 1 : 0;
        }
        return count;
    }

    /** Integers; numeric too, as SQLite describes its computed integer columns as numeric. */
    private static boolean isInteger(int oid) {
        return oid == PgOid.INT2 || oid == PgOid.INT4 || oid == PgOid.INT8 || oid == PgOid.NUMERIC;
    }

    /** One text column, for results the proxy makes itself (SHOW). */
    static ResultColumns text(String... names) {
        ColumnType[] types = new ColumnType[names.length];
        java.util.Arrays.fill(types, ColumnType.of(io.pgbridge.backend.PgOid.TEXT));
        return new ResultColumns(names, types, new short[names.length]);
    }

    int size() {
        return names.length;
    }

    BackendMessage.RowDescription rowDescription() {
        List<BackendMessage.Field> fields = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            fields.add(new BackendMessage.Field(names[i], 0, (short) 0, types[i].oid(), types[i].typeSize(),
                    columnTypes[i].typeModifier(), formats[i]));
        }
        return new BackendMessage.RowDescription(fields);
    }

    /** Reads the current row of {@code rs} and appends it as one DataRow. */
    void writeRow(ResultSet rs, ByteBuf out, TextContext context) throws SQLException {
        // 'D', Int32 len, Int16 n, (Int32 len, Byte[len])[n]
        int start = PgWire.beginMessage(out, (byte) 'D');
        out.writeShort(names.length);
        for (int i = 0; i < names.length; i++) {
            Object value = types[i].read(rs, i + 1 + skipped);
            if (numericScales[i] >= 0 && value instanceof java.math.BigDecimal d && d.scale() != numericScales[i]) {
                value = d.setScale(numericScales[i], java.math.RoundingMode.HALF_UP);   // SQLite stores 12.50 as 12.5
            }
            writeValue(out, i, value, context);
        }
        PgWire.endMessage(out, start);
    }

    /** Reads the current row of {@code rs} as values of the columns' types, for a cursor that keeps rows. */
    Object[] readRow(ResultSet rs) throws SQLException {
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = types[i].read(rs, i + 1 + skipped);
        }
        return values;
    }

    /** The columns' PostgreSQL types, by column. */
    PgType<Object>[] pgTypes() {
        return types.clone();
    }

    /**
     * These columns in the formats of another portal: {@code bind}'s result formats, or all binary ({@code binary}:
     * a FETCH from a BINARY cursor in the simple protocol).
     */
    ResultColumns formatted(FrontendMessage.Bind bind, boolean binary) {
        short[] formats = new short[names.length];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = binary ? 1 : bind == null ? 0 : bind.resultFormat(i);
        }
        return new ResultColumns(names, columnTypes, formats, skipped, described, numericScales);
    }

    /** Appends one DataRow of values the proxy computed (text columns). */
    void writeRow(Object[] values, ByteBuf out, TextContext context) {
        int start = PgWire.beginMessage(out, (byte) 'D');
        out.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            writeValue(out, i, values[i], context);
        }
        PgWire.endMessage(out, start);
    }

    private void writeValue(ByteBuf out, int column, Object value, TextContext context) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (formats[column] == 1) {
            types[column].encodeBinary(value, out);
        } else {
            types[column].encodeText(value, out, context);
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }
}
