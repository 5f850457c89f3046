package io.pgbridge.proxy.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's result columns with their PostgreSQL type names, and its rows as text, for comparing what a client sees
 * from PostgreSQL and through pgbridge exactly.
 */
final class TypedRows {
    private TypedRows() {
    }

    /** The result columns as Describe tells them before any row ({@code label:typname}). */
    static List<String> described(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return types(ps.getMetaData());
        }
    }

    /** The result columns as the rows came ({@code label:typname}), then each row's values as text. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rows.add(String.join(" ", types(rs.getMetaData())));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    private static List<String> types(ResultSetMetaData md) throws SQLException {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            types.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
        }
        return types;
    }
}
