package io.pgbridge.translation.h2;

import io.pgbridge.translation.Translator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh in-memory H2 with the settings the proxy gives it, which runs PostgreSQL statements through a translator:
 * the tests compare its answers with what PostgreSQL 15 returns for the original statements.
 */
final class TranslatedH2 implements AutoCloseable {
    private final Translator translator;
    private final Connection h2;

    TranslatedH2(Translator translator) throws SQLException {
        this.translator = translator;
        this.h2 = DriverManager.getConnection("jdbc:h2:mem:translator" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    void run(String sql) throws SQLException {
        try (Statement st = h2.createStatement()) {
            st.execute(translator.translate(sql).sql());
        }
    }

    int update(String sql) throws SQLException {
        try (Statement st = h2.createStatement()) {
            return st.executeUpdate(translator.translate(sql).sql());
        }
    }

    /** The header (labels joined by |) and then each row's values joined by |. */
    List<String> query(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(translator.translate(sql).sql())) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            lines.add(String.join("|", labels));
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                lines.add(String.join("|", values));
            }
        }
        return lines;
    }

    @Override
    public void close() throws SQLException {
        h2.close();
    }
}
