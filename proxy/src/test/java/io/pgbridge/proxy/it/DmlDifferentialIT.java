package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upserts, UPDATE … RETURNING and FULL JOIN through pgbridge answer what PostgreSQL 15 answers: the same statements
 * run on PostgreSQL directly and through the proxy in front of MariaDB and SQLite, and each one's update count or
 * returned rows must be equal.
 * MariaDB counts an updated row twice and returns rows PostgreSQL skips, and has no UPDATE … RETURNING.
 */
class DmlDifferentialIT {
    private static final List<String> UPSERTS = List.of(
            "drop table if exists upsert_e2e",
            "create table upsert_e2e (id int primary key, email varchar(40) not null unique, name varchar(40),"
                    + " logins int not null default 0)",
            "insert into upsert_e2e (id, email, name) values (1, 'ann@x', 'Ann'), (2, 'ben@x', 'Ben')",
            "insert into upsert_e2e (id, email, name) values (3, 'ann@x', 'Ann 2') on conflict (email) do nothing",
            "insert into upsert_e2e (id, email, name) values (3, 'ann@x', 'A'), (4, 'cat@x', 'Cat')"
                    + " on conflict (email) do nothing returning id, name",
            "insert into upsert_e2e (id, email, name) values (5, 'ben@x', 'Ben')"
                    + " on conflict (email) do update set name = excluded.name",
            "insert into upsert_e2e (id, email, name) values (5, 'ben@x', 'Benjamin'), (6, 'dan@x', 'Dan')"
                    + " on conflict (email) do update set name = excluded.name, logins = upsert_e2e.logins + 1"
                    + " returning email, name, logins",
            "insert into upsert_e2e (id, email, name) values (7, 'ann@x', 'Annie'), (8, 'ben@x', 'Benny')"
                    + " on conflict (email) do update set name = excluded.name, logins = upsert_e2e.logins + 10"
                    + " where upsert_e2e.logins > 0",
            "insert into upsert_e2e (id, email, name) values (7, 'ann@x', 'Annie'), (8, 'dan@x', 'Danny')"
                    + " on conflict (email) do update set name = excluded.name where upsert_e2e.logins > 0"
                    + " returning *",
            "update upsert_e2e set logins = logins + 1, name = upper(name) where email in ('ann@x', 'cat@x')"
                    + " returning id, logins, name, upsert_e2e.email, logins > 1 as many",
            "update upsert_e2e u set logins = 0 where u.id = 999 returning u.id",
            "select id, email, name, logins from upsert_e2e order by id",
            "drop table upsert_e2e");

    private static final List<String> FULL_JOINS = List.of(
            "drop table if exists fj_order",
            "drop table if exists fj_customer",
            "create table fj_customer (id int primary key, name varchar(20))",
            "create table fj_order (id int primary key, customer_id int, total int)",
            "insert into fj_customer values (1, 'a'), (2, 'b'), (3, 'c')",
            "insert into fj_order values (10, 1, 5), (11, 1, 7), (12, 9, 1), (13, null, 2)",
            "select c.id as customer_id, o.id as order_id from fj_customer c full outer join fj_order o"
                    + " on o.customer_id = c.id order by c.id nulls first, o.id nulls first",
            "select c.name, o.total from fj_customer c full join fj_order o on o.customer_id = c.id"
                    + " where o.total is null or o.total > 1 order by 2 desc, 1",
            "select * from fj_customer c full join fj_order o on o.customer_id = c.id and o.total > 6",
            "drop table fj_order",
            "drop table fj_customer");

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void upsertsCountAndReturnAsInPostgres(String kind) throws Exception {
        assertSameOutcomes(kind, UPSERTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void fullJoinsAnswerAsInPostgres(String kind) throws Exception {
        assertSameOutcomes(kind, FULL_JOINS);
    }

    private static void assertSameOutcomes(String kind, List<String> script) throws Exception {
        List<String> expected;
        try (Connection postgres = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            expected = outcomes(postgres, script);
        }
        try (RunningProxy proxy = RunningProxy.forKind(kind); Connection c = proxy.connect()) {
            assertThat(outcomes(c, script)).containsExactlyElementsOf(expected);
        }
    }

    /** Each statement's outcome, prepared (extended protocol) as ORMs send them: a count or the rows. */
    private static List<String> outcomes(Connection c, List<String> script) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (String sql : script) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (!p.execute()) {
                    outcomes.add(sql + " -> " + p.getUpdateCount());
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = p.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i))
                                    .append(' ');
                        }
                        rows.add(row.toString().trim());
                    }
                }
                if (!sql.contains(" order by ")) {
                    rows.sort(null);   // as a multiset, as PostgreSQL promises no order
                }
                outcomes.add(sql + " -> " + rows);
            }
        }
        return outcomes;
    }
}
