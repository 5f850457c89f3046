package io.pgbridge.translation.calcite;

import io.pgbridge.translation.JdbcSql;
import io.pgbridge.translation.ParameterRewriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * One real database of the differential tests, with the same small schema and rows as the others: PostgreSQL 15
 * (the reference, in its own schema), MariaDB with the session settings pgbridge's connections use (in its own
 * database), and SQLite in a temporary file with case-sensitive LIKE as pgbridge sets it. Results are read into a
 * normal form in which equal values of the three look the same.
 */
final class BackendFixture implements AutoCloseable {
    /** As backends' Dialects.MariaDb.SQL_MODE: the mode the translator writes for. */
    private static final String MARIADB_SESSION = "sql_mode='ANSI,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES,"
            + "NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',time_zone='+00:00',"
            + "collation_connection='utf8mb4_bin',@pgbridge_skip=0";

    private static final String[] ROWS = {
        "(1, 'Apple', 'fruit', 1.50, 10, '2024-01-31 10:15:30', true, '{\"name\": \"red\", \"tags\": [\"a\", \"b\"], \"n\": 1}')",
        "(2, 'apple pie', 'dessert', 4.25, 3, '2024-02-29 23:59:59', false, '{\"name\": \"pie\", \"tags\": [], \"n\": null}')",
        "(3, 'Banana', 'fruit', 0.75, 25, '2023-12-31 00:00:00', true, '{\"name\": \"yellow\", \"n\": 3}')",
        "(4, 'cherry', 'fruit', NULL, 7, '2024-03-15 08:00:00', NULL, NULL)",
        "(5, 'Carrot', 'veg', 0.40, NULL, '2024-01-01 12:30:00', true, '{\"name\": \"orange\", \"n\": 5}')",
        "(6, NULL, 'veg', 2.00, 0, NULL, false, '{}')",
        "(7, 'Date_%', NULL, 3.10, 12, '2024-06-30 18:45:00', true, '{\"name\": \"o''k\"}')",
        "(8, 'eggplant', 'veg', 1.99, 4, '2024-02-01 00:00:00', false, '{\"name\": \"purple\", \"n\": 8}')",
    };
    private static final String[] ORDERS = {"(1, 1, 3)", "(2, 1, 2)", "(3, 3, 10)", "(4, 5, 1)", "(5, 8, 6)"};

    final String name;
    private final Connection connection;
    private final String[] schema;

    private BackendFixture(String name, Connection connection, String... schema) {
        this.name = name;
        this.connection = connection;
        this.schema = schema;
    }

    static BackendFixture postgres() throws SQLException {
        String url = env("PGBRIDGE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS pgbridge_calcite_it");
            s.execute("SET search_path = pgbridge_calcite_it");
            s.execute("SET TimeZone = 'UTC'");
        }
        return new BackendFixture("postgresql", c,
                "CREATE TABLE items (id int PRIMARY KEY, name text, category text, price numeric(10,2), qty int,"
                        + " created timestamp, active boolean, data json)",
                "CREATE TABLE orders (id int PRIMARY KEY, item_id int, amount int)");
    }

    static BackendFixture mariadb() throws SQLException {
        String url = env("PGBRIDGE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        Properties properties = new Properties();
        properties.setProperty("sessionVariables", MARIADB_SESSION);
        Connection c = DriverManager.getConnection(url, properties);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS pgbridge_calcite_it");
            s.execute("USE pgbridge_calcite_it");
        }
        return new BackendFixture("mariadb", c,
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50), category VARCHAR(20), price DECIMAL(10,2),"
                        + " qty INT, created DATETIME(6), active BOOLEAN, data JSON)",
                "CREATE TABLE orders (id INT PRIMARY KEY, item_id INT, amount INT)");
    }

    static BackendFixture sqlite() throws Exception {
        Path file = Files.createTempFile("pgbridge-calcite-it", ".db");
        file.toFile().deleteOnExit();
        Properties properties = new Properties();
        properties.setProperty("case_sensitive_like", "true");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        // The translator sends divisors through this function, which pgbridge's SQLite connections have
        // (backends' SqliteFunctions); the translation module cannot depend on backends, so it is defined here.
        org.sqlite.Function.create(c, "pgbridge_divisor", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
                if (value_type(0) == 5) {   // SQLITE_NULL
                    result();
                } else if (value_double(0) == 0) {
                    error("22012: division by zero");
                } else if (value_type(0) == 1) {   // SQLITE_INTEGER
                    result(value_long(0));
                } else {
                    result(value_double(0));
                }
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
        // The checked casts of backends' SqliteCheckedCasts, for the valid values these tests cast.
        for (String cast : List.of("pgbridge_int2", "pgbridge_int4", "pgbridge_int8")) {
            org.sqlite.Function.create(c, cast, new org.sqlite.Function() {
                @Override
                protected void xFunc() throws java.sql.SQLException {
                    if (value_type(0) == 5) {   // SQLITE_NULL
                        result();
                    } else {
                        result(new java.math.BigDecimal(value_text(0).strip())
                                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
                    }
                }
            }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
        }
        org.sqlite.Function.create(c, "pgbridge_datetime", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
                if (value_type(0) == 5) {
                    result();
                } else {
                    result(value_text(0));
                }
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
        return new BackendFixture("sqlite", c,
                "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, category TEXT, price NUMERIC, qty INTEGER,"
                        + " created TEXT, active INTEGER, data TEXT)",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER, amount INTEGER)");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Drops and re-creates the tables with their rows, so every statement starts from the same data. */
    void reset() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS items");
            s.execute("DROP TABLE IF EXISTS orders");
            for (String ddl : schema) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO items VALUES " + String.join(", ", ROWS));
            s.execute("INSERT INTO orders VALUES " + String.join(", ", ORDERS));
        }
    }

    /** Runs {@code sql} (with {@code $n} parameters) and returns its labels and rows in normal form. */
    Result run(String sql, Object... parameters) throws SQLException {
        JdbcSql jdbc = ParameterRewriter.rewrite(sql);
        try (PreparedStatement statement = connection.prepareStatement(jdbc.sql())) {
            for (int i = 0; i < jdbc.markerCount(); i++) {
                statement.setObject(i + 1, parameters[jdbc.parameterAt(i)]);
            }
            if (!statement.execute()) {
                return new Result(List.of(), List.of(List.of("count " + statement.getUpdateCount())));
            }
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    labels.add(md.getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.add(normal(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new Result(labels, rows);
            }
        }
    }

    /** Column labels and rows of one result. */
    record Result(List<String> labels, List<List<String>> rows) {
    }

    /** Equal values of the three databases written alike: numbers by value, times as text, booleans as 1/0. */
    static String normal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return time(ts.toLocalDateTime());
        }
        if (value instanceof LocalDateTime ldt) {
            return time(ldt);
        }
        if (value instanceof OffsetDateTime odt) {
            return time(odt.toLocalDateTime());
        }
        String text = value.toString();
        if (value instanceof Number || text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            BigDecimal number = new BigDecimal(text);
            return number.setScale(Math.min(Math.max(number.scale(), 0), 6), RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
        }
        if (text.matches("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
            return time(LocalDateTime.parse(text.replace(' ', 'T')));
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return text.replaceAll("\\s", "");
        }
        return text;
    }

    private static String time(LocalDateTime time) {
        String text = time.toString().replace('T', ' ');
        if (text.length() == 16) {
            text += ":00";
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
