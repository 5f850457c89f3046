package io.pgbridge.proxy.copy;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;

import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns COPY reads or writes: names as the backend reports them, PostgreSQL types, JDBC types for NULLs, and
 * the declared typmods that COPY FROM checks as PostgreSQL does: the length of {@code varchar(n)}/{@code char(n)}
 * and the precision and scale of {@code numeric(p, s)} (precision 0 where there is none).
 */
record CopyColumns(List<String> names, PgType<Object>[] types, int[] jdbcTypes, int[] precisions, int[] scales) {

    @SuppressWarnings("unchecked")
    static CopyColumns of(ResultSetMetaData md, BackendDialect dialect, List<Integer> booleanColumns)
            throws SQLException {
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>(n);
        PgType<Object>[] types = new PgType[n];
        int[] jdbcTypes = new int[n];
        int[] precisions = new int[n];
        int[] scales = new int[n];
        for (int i = 0; i < n; i++) {
            names.add(md.getColumnLabel(i + 1));
            int oid = dialect.columnType(md, i + 1).oid();
            if (booleanColumns.contains(i) && isInteger(oid)) {
                oid = PgOid.BOOL;
            }
            PgType<?> type = PgTypes.byOid(oid);
            types[i] = (PgType<Object>) (type != null ? type : PgTypes.text());
            jdbcTypes[i] = md.getColumnType(i + 1);
            int precision = md.getPrecision(i + 1);
            if ((oid == PgOid.VARCHAR || oid == PgOid.BPCHAR) && precision > 0 && precision < 10_485_760
                    || oid == PgOid.NUMERIC && precision > 0 && precision <= 1000) {   // PostgreSQL's own limits
                precisions[i] = precision;
                scales[i] = md.getScale(i + 1);
            }
        }
        return new CopyColumns(List.copyOf(names), types, jdbcTypes, precisions, scales);
    }

    /** The columns of the COPY's table, from an empty query; a missing table is reported as PostgreSQL does. */
    static CopyColumns ofTable(CopyStatement copy, CopyBackend backend) throws SQLException {
        BackendSql.Translated probe = backend.sql().translate("SELECT * FROM " + copy.table() + " WHERE 1 = 0");
        try (Statement st = backend.connection().createStatement(); ResultSet rs = st.executeQuery(probe.jdbc().sql())) {
            return of(rs.getMetaData(), backend.dialect(), probe.booleanColumns());
        } catch (SQLException e) {
            throw missingTable(copy, e);
        }
    }

    /** H2's, MariaDB's and SQLite's "table not found", in PostgreSQL's words. */
    static SQLException missingTable(CopyStatement copy, SQLException e) {
        PgException error = ErrorMapper.map(e);
        if (copy.table() != null && error.sqlState().equals(SqlState.UNDEFINED_TABLE.code())) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + copy.relationName() + "\" does not exist");
        }
        return e;
    }

    private static boolean isInteger(int oid) {
        return oid == PgOid.INT2 || oid == PgOid.INT4 || oid == PgOid.INT8 || oid == PgOid.NUMERIC;
    }

    int size() {
        return names.size();
    }
}
