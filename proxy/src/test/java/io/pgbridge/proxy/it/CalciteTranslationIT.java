package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL application SQL through pgbridge to MariaDB and SQLite with pgjdbc: the statements are translated on
 * the way, parameters keep their places, result columns carry PostgreSQL's names, and what cannot be translated
 * reaches the client as an ErrorResponse with SQLSTATE 0A000.
 */
class CalciteTranslationIT {

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void postgresQueriesRunOnTheBackend(String kind) throws Exception {
        try (RunningProxy proxy = RunningProxy.forKind(kind); Connection c = proxy.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists calcite_e2e");
                s.execute("create table calcite_e2e (id int primary key, name varchar(20), qty int)");
                s.execute("insert into calcite_e2e values (1, 'Apple', 3), (2, 'apple', null), (3, 'Pear', 5)");
            }
            try (PreparedStatement p = c.prepareStatement("insert into calcite_e2e (id, name, qty) values (?, ?, ?)"
                    + " on conflict (id) do nothing")) {
                p.setInt(1, 1);
                p.setString(2, "dup");
                p.setInt(3, 0);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("select name, qty::text, count(*) over () from calcite_e2e"
                    + " where name ilike ? order by qty desc, id")) {
                p.setString(1, "a%");
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("qty");
                    assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("count");
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3));
                    }
                    // PostgreSQL sorts NULL first when descending; the duplicate insert changed nothing.
                    assertThat(rows).containsExactly("apple/null/2", "Apple/3/2");
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 7 / 2, string_agg(name, ',' order by id) from calcite_e2e"
                            + " where name like 'A%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("Apple");
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("select ARRAY(select id from calcite_e2e)"))
                        .isInstanceOfSatisfying(PSQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
                s.execute("drop table calcite_e2e");
            }
        }
    }
}
