package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The indexes of pg_catalog's own tables and their primary key and unique constraints, as PostgreSQL 15 has them
 * ({@code pg_catalog_indexes.psv}, exported from it): each index in pg_class and pg_index, each key constraint in
 * pg_constraint with its index's name, so psql's {@code \d pg_class} lists them as PostgreSQL does.
 */
final class SystemIndexes {
    private static final int BTREE = 403;

    private SystemIndexes() {
    }

    static void insert(Connection c) throws SQLException {
        try (PreparedStatement relation = c.prepareStatement("INSERT INTO pg_class (oid, relname, relnamespace, reltype,"
                + " relowner, relam, relhasindex, relisshared, relkind, relnatts, relreplident) VALUES (?, ?, "
                + CatalogOids.PG_CATALOG + ", 0, 10, " + BTREE + ", false, ?, 'i', ?, 'n')");
             PreparedStatement index = c.prepareStatement("INSERT INTO pg_index (indexrelid, indrelid, indnatts,"
                     + " indnkeyatts, indisunique, indisprimary, indkey, indcollation, indclass, indoption)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement constraint = c.prepareStatement("INSERT INTO pg_constraint (oid, conname, connamespace,"
                     + " contype, conrelid, conindid, conkey, connoinherit) VALUES (?, ?, " + CatalogOids.PG_CATALOG
                     + ", ?, ?, ?, ?, true)")) {
            for (String line : CatalogEngine.resource("pg_catalog_indexes.psv").split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // indexrelid|relname|relisshared|indrelid|indnatts|indnkeyatts|indisunique|indisprimary|indkey|
                // indcollation|indclass|indoption|constraint oid|contype
                String[] f = line.split("\\|", -1);
                int oid = Integer.parseInt(f[0]);
                relation.setInt(1, oid);
                relation.setString(2, f[1]);
                relation.setBoolean(3, f[2].equals("t"));
                relation.setInt(4, Integer.parseInt(f[4]));
                relation.addBatch();
                index.setInt(1, oid);
                index.setInt(2, Integer.parseInt(f[3]));
                index.setInt(3, Integer.parseInt(f[4]));
                index.setInt(4, Integer.parseInt(f[5]));
                index.setBoolean(5, f[6].equals("t"));
                index.setBoolean(6, f[7].equals("t"));
                for (int i = 8; i <= 11; i++) {   // int2vector and oidvector: numbers separated by spaces
                    index.setArray(i - 1, c.createArrayOf("INTEGER", numbers(f[i])));
                }
                index.addBatch();
                if (!f[12].isEmpty()) {
                    constraint.setInt(1, Integer.parseInt(f[12]));
                    constraint.setString(2, f[1]);
                    constraint.setString(3, f[13]);
                    constraint.setInt(4, Integer.parseInt(f[3]));
                    constraint.setInt(5, oid);
                    constraint.setArray(6, c.createArrayOf("INTEGER", numbers(f[8])));
                    constraint.addBatch();
                }
            }
            relation.executeBatch();
            index.executeBatch();
            constraint.executeBatch();
        }
    }

    private static Integer[] numbers(String vector) {
        String[] parts = vector.split(" ");
        Integer[] numbers = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
