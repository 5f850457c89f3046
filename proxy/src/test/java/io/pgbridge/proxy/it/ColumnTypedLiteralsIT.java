package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Untyped literals take the type of their column, as in PostgreSQL, on backends that would read them otherwise:
 * the same script runs on PostgreSQL directly and through pgbridge, and every answer must match. The table is
 * changed by DDL halfway, so the catalog pgbridge reads the types from must follow. The length of a bytea column
 * is its number of bytes, which is also a question of the column's type.
 */
class ColumnTypedLiteralsIT {
    private static final List<String> SCRIPT = List.of(
            "drop table if exists typed_literals",
            "create table typed_literals (id integer primary key, code text not null, blob bytea, flag boolean,"
                    + " constraint typed_literals_code_key unique (code))",
            "insert into typed_literals (id, code, blob, flag) values (1, 'a', '\\xdeadbeef', 'on'), (2, 'b', '\\x00ff', 'no')",
            "select id, blob, octet_length(blob), flag from typed_literals order by id",
            "select id from typed_literals where blob = '\\x00ff'",
            "select id, length(blob), encode(blob, 'hex'), encode(blob, 'base64') from typed_literals order by id",
            "select id from typed_literals where flag = 'yes' or blob in ('\\x01', '\\xdeadbeef') order by id",
            "update typed_literals set flag = 'off', blob = '\\x0102' where code = 'a'",
            "select id, blob, flag from typed_literals order by id",
            "insert into typed_literals (id, code, flag) values (3, 'a', 't') on conflict on constraint"
                    + " typed_literals_code_key do update set flag = 'true'",
            "select id, code, flag from typed_literals order by id",
            "insert into typed_literals (id, code) values (4, 'z') on conflict (flag) do nothing",
            "insert into typed_literals (id, code) values (5, 'x'), (5, 'y') on conflict (id) do update set code = 'w'",
            "alter table typed_literals add column more bytea",
            "insert into typed_literals (id, code, more) values (6, 'm', '\\xcafe')",
            "select id, more from typed_literals where more is not null");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void literalsTakeTheirColumnsTypesAsInPostgres(String kind) throws Exception {
        List<String> expected;
        try (Connection postgres = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            expected = run(postgres);
        }
        try (RunningProxy proxy = RunningProxy.forKind(kind); Connection through = proxy.connect()) {
            assertThat(run(through)).containsExactlyElementsOf(expected);
            try (Statement s = through.createStatement()) {
                s.execute("drop table typed_literals");
            }
        }
    }

    /** Each statement's outcome as one line: its rows, its update count, or its SQLSTATE. */
    private static List<String> run(Connection connection) throws SQLException {
        List<String> outcomes = new ArrayList<>();
        for (String sql : SCRIPT) {
            try (Statement s = connection.createStatement()) {
                if (s.execute(sql)) {
                    StringBuilder rows = new StringBuilder();
                    try (ResultSet rs = s.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rows.append(c == 1 ? "[" : ", ").append(rs.getString(c));
                            }
                            rows.append(']');
                        }
                    }
                    outcomes.add(sql + " -> " + rows);
                } else {
                    // Upsert counts are another matter (MariaDB counts an update twice); the rows tell the effect.
                    outcomes.add(sql + " -> " + (sql.startsWith("drop") || sql.startsWith("create")
                            || sql.startsWith("alter") || sql.contains("on conflict") ? "ok" : s.getUpdateCount()));
                }
            } catch (SQLException e) {
                outcomes.add(sql + " -> " + e.getSQLState());
            }
        }
        return outcomes;
    }
}
