package io.pgbridge.proxy.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each user index's operator classes and collations (pg_index.indclass, indcollation), as PostgreSQL 15 picks them
 * for a plain btree index: the default btree operator class of each key column's type (varchar's is text_ops), and
 * the column's collation.
 */
final class IndexClasses {
    private static final Map<Integer, Integer> DEFAULT_BTREE_CLASS = Map.ofEntries(Map.entry(16, 10003),
            Map.entry(17, 10006), Map.entry(18, 10007), Map.entry(19, 10028), Map.entry(20, 3124), Map.entry(21, 1979),
            Map.entry(23, 1978), Map.entry(25, 3126), Map.entry(1043, 3126), Map.entry(26, 1981), Map.entry(700, 10012),
            Map.entry(701, 3123), Map.entry(1042, 10004), Map.entry(1082, 3122), Map.entry(1083, 10038),
            Map.entry(1114, 3128), Map.entry(1184, 3127), Map.entry(1186, 10022), Map.entry(1700, 3125),
            Map.entry(2950, 10065), Map.entry(3802, 10088));

    private IndexClasses() {
    }

    /** Fills indclass and indcollation of every user index in {@code engine}. */
    static void fill(Connection engine) throws SQLException {
        List<Object[]> indexes = new ArrayList<>();
        try (PreparedStatement ps = engine.prepareStatement(
                "SELECT indexrelid, indrelid, indkey FROM pg_index WHERE indexrelid >= 16384");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                indexes.add(new Object[] {rs.getInt(1), rs.getInt(2), (Object[]) rs.getArray(3).getArray()});
            }
        }
        try (PreparedStatement column = engine.prepareStatement(
                "SELECT atttypid, attcollation FROM pg_attribute WHERE attrelid = ? AND attnum = ?");
             PreparedStatement update = engine.prepareStatement(
                     "UPDATE pg_index SET indclass = ?, indcollation = ? WHERE indexrelid = ?")) {
            for (Object[] index : indexes) {
                Object[] keys = (Object[]) index[2];
                Integer[] classes = new Integer[keys.length];
                Integer[] collations = new Integer[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    column.setInt(1, (Integer) index[1]);
                    column.setObject(2, keys[i]);
                    try (ResultSet rs = column.executeQuery()) {
                        if (rs.next()) {
                            classes[i] = DEFAULT_BTREE_CLASS.getOrDefault(rs.getInt(1), 0);
                            collations[i] = rs.getInt(2);
                        }
                    }
                }
                Array classArray = engine.createArrayOf("INTEGER", classes);
                update.setArray(1, classArray);
                update.setArray(2, engine.createArrayOf("INTEGER", collations));
                update.setInt(3, (Integer) index[0]);
                update.executeUpdate();
            }
        }
    }
}
