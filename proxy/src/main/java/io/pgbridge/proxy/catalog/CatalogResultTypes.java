package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.ColumnType;
import io.pgbridge.backend.PgOid;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The PostgreSQL types of the catalog engine's result columns. The engine stores PostgreSQL's {@code name} columns
 * as {@code varchar(63)} (NAMEDATALEN - 1), {@code oid} columns as {@code numeric(10)}, {@code "char"} columns as
 * {@code char(1)}, {@code inet} as {@code varchar(50)}, {@code xid} as {@code numeric(11)}, {@code regproc} and {@code regprocedure} (a function's oid) as
 * {@code numeric(12)} and {@code numeric(13)}, and information_schema's
 * {@code character_data} as {@code varchar(10485760)}, PostgreSQL's longest varchar (resources
 * {@code pg_catalog.sql}, {@code information_schema.sql}); H2 keeps those declarations through aliases, subqueries
 * and views, so a result column of such a type is presented as PostgreSQL's, as
 * {@code SELECT c.relname AS x} is a {@code name} in PostgreSQL too. Every other column is typed as H2's are.
 */
public final class CatalogResultTypes extends BackendDialect {
    public static final CatalogResultTypes INSTANCE = new CatalogResultTypes();
    /** PostgreSQL's longest name: NAMEDATALEN (64) less the terminating zero. */
    static final int NAME_LENGTH = 63;
    /** The digits of the largest oid, 4294967295. */
    static final int OID_DIGITS = 10;
    /** The length of information_schema's character_data, a varchar without a length in PostgreSQL. */
    static final int CHARACTER_DATA_LENGTH = 10_485_760;
    /** inet columns: the longest text of an inet value, an IPv6 address with an IPv4 tail and a netmask length. */
    static final int INET_LENGTH = 50;
    /** xid columns: a precision no other numeric column of the engine has (an xid has at most 10 digits too). */
    static final int XID_DIGITS = 11;
    /** regproc columns hold the function's oid: a precision of their own, sent as regproc (its name in text). */
    static final int REGPROC_DIGITS = 12;
    /** regprocedure likewise: its text is the name and the argument types. */
    static final int REGPROCEDURE_DIGITS = 13;

    private CatalogResultTypes() {
    }

    /** Arrays of the engine's oid and "char" columns (pg_proc's proallargtypes, proargmodes) as oid[] and "char"[]. */
    private ColumnType arrayType(String typeName, ResultSetMetaData md, int column) throws SQLException {
        String name = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (name.equals("numeric(" + OID_DIGITS + ")array") || name.equals("numeric(" + OID_DIGITS + ",0)array")) {
            return ColumnType.of(PgOid.OID_ARRAY);
        }
        return name.equals("character(1)array") || name.equals("char(1)array") ? ColumnType.of(PgOid.CHAR_ARRAY)
                : super.columnType(md, column);
    }

    @Override
    public String name() {
        return "h2-catalog";
    }

    @Override
    public ColumnType columnType(ResultSetMetaData md, int column) throws SQLException {
        int precision = md.getPrecision(column);
        return switch (md.getColumnType(column)) {
            case Types.VARCHAR -> precision == NAME_LENGTH ? ColumnType.of(PgOid.NAME)
                    : precision == CHARACTER_DATA_LENGTH ? ColumnType.of(PgOid.VARCHAR)
                    : precision == INET_LENGTH ? ColumnType.of(PgOid.INET) : super.columnType(md, column);
            case Types.NUMERIC, Types.DECIMAL -> md.getScale(column) != 0 ? super.columnType(md, column)
                    : precision == OID_DIGITS ? ColumnType.of(PgOid.OID)
                    : precision == XID_DIGITS ? ColumnType.of(PgOid.XID)
                    : precision == REGPROC_DIGITS ? ColumnType.of(PgOid.REGPROC)
                    : precision == REGPROCEDURE_DIGITS ? ColumnType.of(PgOid.REGPROCEDURE) : super.columnType(md, column);
            case Types.CHAR -> precision == 1 ? ColumnType.of(PgOid.CHAR) : super.columnType(md, column);
            case Types.ARRAY -> arrayType(md.getColumnTypeName(column), md, column);
            default -> super.columnType(md, column);
        };
    }
}
