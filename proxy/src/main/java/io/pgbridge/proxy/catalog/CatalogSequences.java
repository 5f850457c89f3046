package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.PgOid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences as pg_class rows of kind {@code S} with their pg_sequence row: the sequence PostgreSQL makes for a
 * serial column ({@code <table>_<column>_seq}, owned by the column through pg_depend), which pgbridge's serial
 * columns stand for whatever the backend does instead, and the backend's own sequences (H2 lists them in its
 * information_schema, MariaDB's are tables of type SEQUENCE; SQLite has none).
 */
final class CatalogSequences {
    /** A sequence's parameters as pg_sequence has them. */
    record Parameters(int type, long start, long increment, long maximum, long minimum, long cache, boolean cycle) {
        /** A serial column's: of the column's type, from 1 up to the type's maximum, one at a time. */
        static Parameters serial(int columnType) {
            long maximum = switch (columnType) {
                case PgOid.INT2 -> Short.MAX_VALUE;
                case PgOid.INT4 -> Integer.MAX_VALUE;
                default -> Long.MAX_VALUE;
            };
            return new Parameters(columnType == PgOid.INT2 || columnType == PgOid.INT4 ? columnType : PgOid.INT8,
                    1, 1, maximum, 1, 1, false);
        }
    }

    /** A sequence of the backend: where it is (as the backend and as PostgreSQL name the schema) and its parameters. */
    record Sequence(String schema, String name, Parameters parameters) {
    }

    private static final int PG_CLASS = CatalogOids.PG_CLASS;

    private final Connection backend;
    private final String dialect;
    private final EngineRows rows;

    CatalogSequences(Connection backend, String dialect, EngineRows rows) {
        this.backend = backend;
        this.dialect = dialect;
        this.rows = rows;
    }

    /** The rows of sequence {@code name} (oid {@code oid}) in namespace {@code namespace}. */
    void insert(int oid, String name, int namespace, Parameters p) throws SQLException {
        rows.insert("INSERT INTO pg_class (oid, relname, relnamespace, reltype, relowner, relam, relhasindex, relkind,"
                + " relnatts) VALUES (?, ?, ?, 0, ?, 0, false, 'S', 3)", oid, name, namespace, CatalogOids.BOOTSTRAP_SUPERUSER);
        rows.insert("INSERT INTO pg_sequence VALUES (?, ?, ?, ?, ?, ?, ?, ?)", oid, p.type(), p.start(), p.increment(),
                p.maximum(), p.minimum(), p.cache(), p.cycle());
    }

    /** The sequence of serial column {@code attnum} of {@code table}: owned by it ('a'uto dependency), as PostgreSQL's. */
    void insertSerial(int oid, String name, int namespace, int table, int attnum, int columnType) throws SQLException {
        insert(oid, name, namespace, Parameters.serial(columnType));
        rows.insert("INSERT INTO pg_depend VALUES (?, ?, 0, ?, ?, ?, 'a')", PG_CLASS, oid, PG_CLASS, table, attnum);
    }

    /** The backend's own sequences; {@code currentSchema} is the one pgbridge shows as public. */
    List<Sequence> backendSequences(String currentSchema) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        switch (dialect) {
            case "h2" -> {
                try (PreparedStatement ps = backend.prepareStatement("SELECT sequence_schema, sequence_name,"
                        + " CASE data_type WHEN 'SMALLINT' THEN " + PgOid.INT2 + " WHEN 'INTEGER' THEN " + PgOid.INT4
                        + " ELSE " + PgOid.INT8 + " END, start_value, increment, maximum_value, minimum_value, cache,"
                        + " cycle_option = 'YES' FROM information_schema.sequences");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sequences.add(new Sequence(rs.getString(1), rs.getString(2), new Parameters(rs.getInt(3),
                                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                rs.getBoolean(9))));
                    }
                }
            }
            case "mariadb" -> {
                List<String> names = new ArrayList<>();
                try (PreparedStatement ps = backend.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_type = 'SEQUENCE'")) {
                    ps.setString(1, currentSchema);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                for (String name : names) {
                    try (var st = backend.createStatement(); ResultSet rs = st.executeQuery("SELECT start_value,"
                            + " increment, maximum_value, minimum_value, cache_size, cycle_option FROM `"
                            + name.replace("`", "``") + "`")) {
                        if (rs.next()) {
                            // MariaDB's sequences are bigint; an integer one was given integer's maximum (CreateSequence).
                            long maximum = rs.getLong(3);
                            int type = maximum == Integer.MAX_VALUE ? PgOid.INT4 : maximum == Short.MAX_VALUE
                                    ? PgOid.INT2 : PgOid.INT8;
                            sequences.add(new Sequence(currentSchema, name, new Parameters(type, rs.getLong(1),
                                    rs.getLong(2), maximum, rs.getLong(4), rs.getLong(5), rs.getBoolean(6))));
                        }
                    }
                }
            }
            default -> {
                return sequences;
            }
        }
        return sequences;
    }
}
