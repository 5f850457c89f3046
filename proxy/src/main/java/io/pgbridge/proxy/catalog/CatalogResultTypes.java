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
 * {@code char(1)} (or {@code varchar(10485762)} where they may be empty: H2 pads a {@code char(1)}), {@code inet} as {@code varchar(50)}, {@code xid} as
 * {@code numeric(11)}, {@code int2vector} and {@code oidvector} as {@code smallint}/{@code numeric(10) array[32]}
 * (INDEX_MAX_KEYS elements), {@code oid[]} as {@code numeric(10) array}, {@code aclitem[]} as
 * {@code varchar array[65535]}, {@code pg_node_tree} as {@code varchar(10485761)}, {@code regproc} and
 * {@code regprocedure} (a function's oid) as {@code numeric(12)} and {@code numeric(13)}, and information_schema's
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
    /** int2vector and oidvector columns: INDEX_MAX_KEYS, the most elements PostgreSQL's have. */
    static final int VECTOR_LENGTH = 32;
    /** aclitem[] columns: one element fewer than the most (and default) H2 arrays hold. */
    static final int ACL_LENGTH = 65_535;
    /** pg_node_tree columns: one more than character_data's length. */
    static final int NODE_TREE_LENGTH = CHARACTER_DATA_LENGTH + 1;
    /** "char" columns that may be empty: a length no literal has ({@code 'x'} is a varchar(1)). */
    static final int MAYBE_EMPTY_CHAR_LENGTH = CHARACTER_DATA_LENGTH + 2;
    /** regproc columns hold the function's oid: a precision of their own, sent as regproc (its name in text). */
    static final int REGPROC_DIGITS = 12;
    /** regprocedure likewise: its text is the name and the argument types. */
    static final int REGPROCEDURE_DIGITS = 13;

    private CatalogResultTypes() {
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
                    : precision == NODE_TREE_LENGTH ? ColumnType.of(PgOid.PG_NODE_TREE)
                    : precision == MAYBE_EMPTY_CHAR_LENGTH ? ColumnType.of(PgOid.CHAR)
                    : precision == INET_LENGTH ? ColumnType.of(PgOid.INET) : super.columnType(md, column);
            case Types.NUMERIC, Types.DECIMAL -> md.getScale(column) != 0 ? super.columnType(md, column)
                    : precision == OID_DIGITS ? ColumnType.of(PgOid.OID)
                    : precision == XID_DIGITS ? ColumnType.of(PgOid.XID)
                    : precision == REGPROC_DIGITS ? ColumnType.of(PgOid.REGPROC)
                    : precision == REGPROCEDURE_DIGITS ? ColumnType.of(PgOid.REGPROCEDURE) : super.columnType(md, column);
            case Types.CHAR -> precision == 1 ? ColumnType.of(PgOid.CHAR) : super.columnType(md, column);
            case Types.ARRAY -> arrayType(md.getColumnTypeName(column), precision, md, column);
            default -> super.columnType(md, column);
        };
    }

    /** An array column of type {@code typeName} ({@code SMALLINT ARRAY}) holding at most {@code cardinality} elements. */
    private ColumnType arrayType(String typeName, int cardinality, ResultSetMetaData md, int column)
            throws SQLException {
        boolean oids = typeName.startsWith("NUMERIC(" + OID_DIGITS + ")");
        if (cardinality == VECTOR_LENGTH && (oids || typeName.startsWith("SMALLINT"))) {
            return ColumnType.of(oids ? PgOid.OIDVECTOR : PgOid.INT2VECTOR);
        }
        if (cardinality == ACL_LENGTH && typeName.startsWith("CHARACTER VARYING")) {
            return ColumnType.of(PgOid.ACLITEM_ARRAY);
        }
        return oids ? ColumnType.of(PgOid.OID_ARRAY)
                : typeName.startsWith("CHARACTER(1)") ? ColumnType.of(PgOid.CHAR_ARRAY)   // "char"[]
                : super.columnType(md, column);
    }
}
