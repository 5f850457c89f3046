package io.pgbridge.proxy.it;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schema, created on PostgreSQL 15 directly and through pgbridge on H2, MariaDB and SQLite, each in a database
 * of its own ({@value #DATABASE}: PostgreSQL's and MariaDB's shared test databases hold other tests' tables, which
 * would show in catalog listings), so that catalog queries can be compared whole.
 */
final class CatalogFixture implements AutoCloseable {
    static final String DATABASE = "pgb_catalog_it";
    static final List<String> KINDS = List.of("h2", "mariadb", "sqlite");

    /** The schema, in PostgreSQL's SQL. */
    static final String[] SCHEMA = {
            "drop view if exists cat_titles",
            "drop table if exists cat_tags",
            "drop table if exists cat_serial",
            "drop table if exists cat_parts",
            "drop table if exists cat_books",
            "drop table if exists cat_authors",
            // nickname: a varchar without a length, which H2 and MariaDB cannot tell from text but by pgbridge's comment
            "create table cat_authors (id integer primary key, name varchar(100) not null, born date,"
                    + " email varchar(200) constraint cat_authors_email_key unique, nickname varchar)",
            "create table cat_books (id integer primary key, author_id integer not null constraint"
                    + " cat_books_author_id_fkey references cat_authors (id) on delete cascade, title text not null,"
                    + " price numeric(10,2), stock integer default 0, isbn char(13), weight double precision,"
                    + " published timestamp)",
            "create index cat_books_title_idx on cat_books (title)",
            // A descending key: indoption, pg_get_indexdef, psql's \d and pgjdbc's ASC_OR_DESC show it.
            "create index cat_books_stock_price_idx on cat_books (stock desc, price)",
            "create view cat_titles as select a.name, b.title from cat_authors a join cat_books b on b.author_id = a.id",
            // A text key: MariaDB keys a VARCHAR(255), which pgbridge's comment keeps text.
            "create table cat_tags (tag text primary key, label varchar)",
            "create table cat_serial (id serial primary key, code varchar(10) not null, n integer constraint"
                    + " cat_serial_n_check check (n > 0), constraint cat_serial_code_key unique (code))",
            // Unnamed: the backends make up names of their own, PostgreSQL's are shown.
            "create table cat_parts (id integer primary key, serial_no text unique, qty integer check (qty > 0),"
                    + " lo integer, hi integer, author_id integer references cat_authors (id), unique (lo, hi),"
                    + " check (hi > lo))"};
    /**
     * Sequences, on the backends that have them (not SQLite). Cache and maximum given: the backends' defaults differ
     * from PostgreSQL's (H2 caches 32, MariaDB 1000, and MariaDB's largest bigint sequence value is 2^63 - 2).
     */
    static final String[] SEQUENCES = {
            "drop sequence if exists cat_invoice_seq",
            "create sequence cat_invoice_seq start with 100 increment by 5 maxvalue 1000000 cache 1"};
    private final Connection postgres;
    private final Map<String, RunningProxy> proxies = new LinkedHashMap<>();

    /** Creates the databases where missing, starts a proxy per kind and creates the schema everywhere. */
    CatalogFixture() throws Exception {
        try (Connection pg = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
        try (Connection maria = DriverManager.getConnection(TestDatabases.mariadbUrl());
             Statement st = maria.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        postgres = DriverManager.getConnection(inDatabase(TestDatabases.postgresUrl()));
        run(postgres, SCHEMA);
        run(postgres, SEQUENCES);
        for (String kind : KINDS) {
            RunningProxy proxy = kind.equals("mariadb")
                    ? RunningProxy.forUrl(inDatabase(TestDatabases.mariadbUrl()), kind) : RunningProxy.forKind(kind);
            proxies.put(kind, proxy);
            try (Connection c = connect(kind)) {
                run(c, SCHEMA);
                if (hasSequences(kind)) {
                    run(c, SEQUENCES);
                }
            }
        }
    }

    static boolean hasSequences(String kind) {
        return !kind.equals("sqlite");
    }

    /** {@code url} (a JDBC URL of the shared test database) naming {@value #DATABASE} instead. */
    private static String inDatabase(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://" + uri.getAuthority() + "/" + DATABASE
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    Connection postgres() {
        return postgres;
    }

    /** A pgjdbc connection through the proxy of {@code kind}, to a database of the same name as PostgreSQL's. */
    Connection connect(String kind) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(kind) + "/" + DATABASE + "?user=tester");
    }

    int port(String kind) {
        return proxies.get(kind).port();
    }

    /** psql's output of {@code command} with {@code options}, as {@code user} on database {@code database}. */
    static String psql(int port, String user, String database, String command, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", user, "-d", database, "-c", command));
        args.addAll(List.of(options));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** psql's output on PostgreSQL ({@code kind} null) or through pgbridge, in this fixture's database. */
    String psql(String kind, String command, String... options) throws Exception {
        return kind == null ? psql(TestDatabases.postgresPort(), "postgres", DATABASE, command, options)
                : psql(port(kind), "tester", DATABASE, command, options);
    }

    /** The rows of {@code sql} on {@code c}, each value passed through {@code normalise} (given the column label). */
    static List<List<String>> rows(Connection c, String sql, Normaliser normalise) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs, normalise);
        }
    }

    /** Each result column of {@code sql} on {@code c} as label:type, the type as the server names it. */
    static List<String> columnTypes(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
            }
            return types;
        }
    }

    static List<List<String>> rows(ResultSet rs, Normaliser normalise) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        ResultSetMetaData md = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            labels.add(md.getColumnLabel(i));
        }
        rows.add(labels);
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(normalise.value(md.getColumnLabel(i), rs.getString(i)));
            }
            rows.add(row);
        }
        rs.close();
        return rows;
    }

    /** What legitimately differs between PostgreSQL and pgbridge in a column, made alike. */
    interface Normaliser {
        String value(String column, String value);
    }

    static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        postgres.close();
        for (RunningProxy proxy : proxies.values()) {
            proxy.close();
        }
    }
}
