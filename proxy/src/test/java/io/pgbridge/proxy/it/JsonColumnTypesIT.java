package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * json and jsonb table columns keep their type on every backend: RowDescription (at Describe and with the rows),
 * the catalog's {@code format_type}, and the values, json as written and jsonb normalised as PostgreSQL
 * normalises it (whitespace, key order, duplicate keys). The same statements run on PostgreSQL 15 and through
 * pgbridge; H2 stores both as text with a column comment declaring the type.
 */
class JsonColumnTypesIT {
    private static final String DOC = "{\"b\":1, \"a\":[1, 2],  \"a\":{\"z\": null, \"yy\":\"x\"}}";
    private static final String[] STATEMENTS = {
            "create table types5_docs (id int primary key, j json, b jsonb not null default '{}', t jsonb)",
            "insert into types5_docs values (1, '" + DOC + "', '" + DOC + "', '[1,  \"two\"]')",
            "insert into types5_docs (id, j) values (2, '[]')",
            "alter table types5_docs add column extra json"};

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "mariadb"})
    void jsonColumnsAsOnPostgres(String kind) throws Exception {
        try (RunningProxy proxy = RunningProxy.forKind(kind); Connection via = proxy.connect();
             Connection postgres = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            for (Connection c : List.of(via, postgres)) {
                try (Statement st = c.createStatement()) {
                    st.execute("drop table if exists types5_docs");
                    for (String sql : STATEMENTS) {
                        st.execute(sql);
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into types5_docs (id, j, b, extra) values (?, ?::json, ?::jsonb, ?::json)")) {
                        ps.setInt(1, 3);
                        ps.setString(2, DOC);
                        ps.setString(3, DOC);
                        ps.setString(4, "{ \"k\" : true }");
                        ps.executeUpdate();
                    }
                }
            }
            try {
                for (String sql : List.of("select * from types5_docs order by id",
                        "select id from types5_docs where t = '[1,  \"two\"]' or b = '[]' order by id",
                        "select id from types5_docs where t in ('[1,  \"two\"]', '{}') order by id",
                        "select d.b, d.j, id from types5_docs d where id > 1 order by id",
                        "select format_type(a.atttypid, a.atttypmod) as type, a.attname from pg_attribute a"
                                + " join pg_class c on c.oid = a.attrelid where c.relname = 'types5_docs'"
                                + " and a.attnum > 0 order by a.attnum")) {
                    assertThat(TypedRows.described(via, sql)).as("Describe: " + sql)
                            .isEqualTo(TypedRows.described(postgres, sql));
                    assertThat(TypedRows.rows(via, sql)).as(sql).isEqualTo(TypedRows.rows(postgres, sql));
                }
            } finally {
                for (Connection c : List.of(via, postgres)) {
                    try (Statement st = c.createStatement()) {
                        st.execute("drop table types5_docs");
                    }
                }
            }
        }
    }
}
