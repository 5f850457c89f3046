package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The oids of PostgreSQL 15's {@code =} operators of one type on both sides, which a foreign key's pg_constraint row
 * names (conpfeqop, conppeqop, conffeqop) for each of its columns. varchar compares with text's.
 */
final class EqualityOperators {
    private static final Map<Integer, Integer> BY_TYPE = Map.ofEntries(Map.entry(16, 91), Map.entry(19, 93),
            Map.entry(21, 94), Map.entry(23, 96), Map.entry(25, 98), Map.entry(1043, 98), Map.entry(20, 410),
            Map.entry(26, 607), Map.entry(700, 620), Map.entry(701, 670), Map.entry(1042, 1054), Map.entry(1082, 1093),
            Map.entry(1083, 1108), Map.entry(1184, 1320), Map.entry(1186, 1330), Map.entry(1700, 1752),
            Map.entry(17, 1955), Map.entry(1114, 2060), Map.entry(2950, 2972), Map.entry(3802, 3240));

    private EqualityOperators() {
    }

    /**
     * The operators comparing columns {@code keys} of relation {@code relid} with columns {@code referencedKeys} of
     * {@code referencedRelid}; null when a pair of columns has types that differ (PostgreSQL's cross-type operators,
     * which the engine does not list) or a type without one here.
     */
    static Integer[] of(Connection engine, int relid, Integer[] keys, int referencedRelid, Integer[] referencedKeys)
            throws SQLException {
        Integer[] operators = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Integer type = type(engine, relid, keys[i]);
            Integer operator = type == null ? null : BY_TYPE.get(type);
            if (operator == null || !type.equals(type(engine, referencedRelid, referencedKeys[i]))) {
                return null;
            }
            operators[i] = operator;
        }
        return operators;
    }

    private static Integer type(Connection engine, int relid, Integer attnum) throws SQLException {
        try (PreparedStatement ps = engine.prepareStatement(
                "SELECT atttypid FROM pg_attribute WHERE attrelid = ? AND attnum = ?")) {
            ps.setInt(1, relid);
            ps.setObject(2, attnum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}
