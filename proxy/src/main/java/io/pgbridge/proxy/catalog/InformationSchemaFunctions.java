package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.PgOid;
import io.pgbridge.translation.catalog.CatalogSql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The helpers of PostgreSQL's {@code information_schema} views ({@code _pg_char_max_length} and the like) as Java
 * methods of the catalog engine, registered as {@code pgbridge_<name>}: a column's length, precision and scale from
 * its type oid and modifier, as PostgreSQL 15 computes them. The views: resource {@code information_schema.sql}.
 */
public final class InformationSchemaFunctions {
    /** bit and bit varying, which pgbridge's own types do not cover. */
    private static final int BIT = 1560;
    private static final int VARBIT = 1562;
    /** A typmod's 4-byte header (VARHDRSZ), which PostgreSQL adds to lengths and precisions. */
    private static final int HEADER = 4;
    /** The longest value in bytes PostgreSQL allows (1 GB), its octet length of an unbounded character type. */
    private static final int MAX_OCTETS = 1 << 30;
    /** Bytes per character at most in UTF8, the only server encoding pgbridge reports. */
    private static final int UTF8_MAX_BYTES = 4;
    private static final String[][] ALIASES = {{"char_max_length", "charMaxLength"},
            {"char_octet_length", "charOctetLength"}, {"numeric_precision", "numericPrecision"},
            {"numeric_precision_radix", "numericPrecisionRadix"}, {"numeric_scale", "numericScale"},
            {"datetime_precision", "datetimePrecision"}, {"index_position", "indexPosition"}};

    private InformationSchemaFunctions() {
    }

    static void register(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] alias : ALIASES) {
                st.execute("CREATE ALIAS " + CatalogSql.PREFIX + alias[0] + " FOR '"
                        + InformationSchemaFunctions.class.getName() + "." + alias[1] + "'");
            }
        }
    }

    public static Integer charMaxLength(Integer type, Integer typmod) {
        if (type == null || typmod == null) {
            return null;
        }
        return switch (type) {
            case PgOid.BPCHAR, PgOid.VARCHAR -> typmod == -1 ? null : typmod - HEADER;
            case BIT, VARBIT -> typmod == -1 ? null : typmod;
            default -> null;
        };
    }

    public static Integer charOctetLength(Integer type, Integer typmod) {
        if (type == null || typmod == null || type != PgOid.TEXT && type != PgOid.BPCHAR && type != PgOid.VARCHAR) {
            return null;
        }
        Integer length = charMaxLength(type, typmod);
        return typmod == -1 || length == null ? MAX_OCTETS : length * UTF8_MAX_BYTES;
    }

    public static Integer numericPrecision(Integer type, Integer typmod) {
        if (type == null || typmod == null) {
            return null;
        }
        return switch (type) {
            case PgOid.INT2 -> 16;
            case PgOid.INT4 -> 32;
            case PgOid.INT8 -> 64;
            case PgOid.FLOAT4 -> 24;
            case PgOid.FLOAT8 -> 53;
            case PgOid.NUMERIC -> typmod == -1 ? null : ((typmod - HEADER) >> 16) & 0xFFFF;
            default -> null;
        };
    }

    public static Integer numericPrecisionRadix(Integer type, Integer typmod) {
        if (type == null || typmod == null) {
            return null;
        }
        return switch (type) {
            case PgOid.INT2, PgOid.INT4, PgOid.INT8, PgOid.FLOAT4, PgOid.FLOAT8 -> 2;
            case PgOid.NUMERIC -> 10;
            default -> null;
        };
    }

    public static Integer numericScale(Integer type, Integer typmod) {
        if (type == null || typmod == null) {
            return null;
        }
        return switch (type) {
            case PgOid.INT2, PgOid.INT4, PgOid.INT8 -> 0;
            case PgOid.NUMERIC -> typmod == -1 ? null : (typmod - HEADER) & 0xFFFF;
            default -> null;
        };
    }

    /** Fractional digits of seconds: 0 for date, the typmod or 6 for times and timestamps and intervals. */
    public static Integer datetimePrecision(Integer type, Integer typmod) {
        if (type == null || typmod == null) {
            return null;
        }
        return switch (type) {
            case PgOid.DATE -> 0;
            case PgOid.TIME, PgOid.TIMESTAMP, PgOid.TIMESTAMPTZ, PgOid.TIMETZ -> typmod < 0 ? 6 : typmod;
            case PgOid.INTERVAL -> typmod < 0 || (typmod & 0xFFFF) == 0xFFFF ? 6 : typmod & 0xFFFF;
            default -> null;
        };
    }

    /** {@code _pg_index_position}: where column {@code attnum} stands in index {@code index}'s key (1-based). */
    public static Integer indexPosition(Connection c, Integer index, Integer attnum) throws SQLException {
        if (index == null || attnum == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT indkey FROM pg_index WHERE indexrelid = ?")) {
            ps.setInt(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                Array key = rs.next() ? rs.getArray(1) : null;
                if (key == null) {
                    return null;
                }
                Object[] columns = (Object[]) key.getArray();
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] != null && ((Number) columns[i]).intValue() == attnum) {
                        return i + 1;
                    }
                }
                return null;
            }
        }
    }
}
