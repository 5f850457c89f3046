package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each backend's own column types, created natively, must reach PostgreSQL clients as the PostgreSQL type they
 * mean (RowDescription OIDs, seen through pgjdbc's type names) with the right values.
 */
class ColumnTypeMappingIT {

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("mariadb",
                        "create table pgb_types (id int primary key, flag tinyint(1), small tinyint, j json,"
                                + " u uuid, d datetime(6), n decimal(10,2), big bigint unsigned, v varchar(10), b blob, dt date,"
                                + " m mediumtext, a mediumtext comment 'pgbridge:text[]')",
                        "insert into pgb_types values (1, 1, 5, '{\"b\":1,\"a\":2}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                                + " '2024-01-02 03:04:05.5', 12.5, 18446744073709551615, 'x', x'00ff', '2024-02-29',"
                                + " '[\"x\", \"y z\", null]', '{x,\"y z\",NULL}')",
                        // MariaDB's JSON is pgbridge's jsonb (canonical text); arrays are stored as JSON in a
                        // MEDIUMTEXT whose comment declares the array type; a plain MEDIUMTEXT is text.
                        expected("id", "int4", "1", "flag", "bool", "t", "small", "int2", "5", "j", "jsonb",
                                "{\"a\": 2, \"b\": 1}",
                                "u", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "d", "timestamp", "2024-01-02 03:04:05.5",
                                "n", "numeric", "12.50", "big", "numeric", "18446744073709551615", "v", "varchar", "x",
                                "b", "bytea", "\\x00ff", "dt", "date", "2024-02-29", "m", "text", "[\"x\", \"y z\", null]",
                                "a", "_text", "{x,\"y z\",NULL}")),
                Arguments.of("h2",
                        "create table pgb_types (id int primary key, j json, u uuid, ts timestamp with time zone,"
                                + " a integer array, iv interval day to second, f double precision, bo boolean, t time)",
                        "insert into pgb_types values (1, json '{\"a\":1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                                + " timestamp with time zone '2024-01-02 03:04:05+00', array[1, 2], interval '1 02:00:00' day to second,"
                                + " 1.5, true, time '12:34:56')",
                        expected("id", "int4", "1", "j", "json", "{\"a\":1}", "u", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                                "ts", "timestamptz", "2024-01-02 03:04:05+00", "a", "_int4", "{1,2}",
                                "iv", "interval", "1 day 02:00:00", "f", "float8", "1.5", "bo", "bool", "t",
                                "t", "time", "12:34:56")),
                Arguments.of("sqlite",
                        "create table pgb_types (id integer primary key, name text, amount real, flag boolean, data blob)",
                        "insert into pgb_types values (1, 'a', 1.5, 1, x'00ff')",
                        // Through pgbridge this is PostgreSQL DDL, where integer is int4 and real float4 (DdlTranslator).
                        expected("id", "int4", "1", "name", "text", "a", "amount", "float4", "1.5", "flag", "bool", "t",
                                "data", "bytea", "\\x00ff")));
    }

    private static Map<String, String[]> expected(String... triples) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            m.put(triples[i], new String[]{triples[i + 1], triples[i + 2]});
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void nativeColumnTypesArriveAsPostgresTypes(String kind, String ddl, String insert, Map<String, String[]> expected)
            throws Exception {
        RunningProxy started;
        if (kind.equals("h2")) {
            // Created natively, before pgbridge opens the file: through pgbridge, json is stored as text on H2.
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pgbridge-h2types");
            var config = io.pgbridge.config.PgbridgeConfig.defaults().withDataDir(dir);
            try (Connection h2 = java.sql.DriverManager.getConnection(config.defaultBackendConfig().url(), "sa", "");
                 Statement st = h2.createStatement()) {
                st.execute(ddl);
                st.execute(insert);
            }
            started = RunningProxy.start(config, "h2");
        } else {
            started = RunningProxy.forKind(kind);
        }
        try (RunningProxy proxy = started;
             Connection c = proxy.connect("preferQueryMode=extended&binaryTransfer=false");
             Statement st = c.createStatement()) {
            if (!kind.equals("h2")) {
                st.execute("drop table if exists pgb_types");
                st.execute(ddl);
                st.execute(insert);
            }
            // Raw bytes rather than pgjdbc's metadata: pgjdbc looks unknown OIDs up in pg_catalog (issue 5).
            List<String> actual = new ArrayList<>();
            List<String> wanted = new ArrayList<>();
            try (RawPgClient raw = new RawPgClient("127.0.0.1", proxy.port())) {
                raw.startup("tester", "test");
                List<RawPgClient.Message> messages = raw.query("select * from pgb_types");
                java.nio.ByteBuffer desc = java.nio.ByteBuffer.wrap(messages.get(0).body());
                java.nio.ByteBuffer row = java.nio.ByteBuffer.wrap(messages.get(1).body());
                int columns = desc.getShort();
                row.getShort();
                for (int i = 0; i < columns; i++) {
                    StringBuilder name = new StringBuilder();
                    for (byte b = desc.get(); b != 0; b = desc.get()) {
                        name.append((char) b);
                    }
                    desc.getInt();
                    desc.getShort();
                    int oid = desc.getInt();
                    desc.position(desc.position() + 8);
                    byte[] value = new byte[row.getInt()];
                    row.get(value);
                    actual.add(name + " " + oid + " " + new String(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            expected.forEach((column, typeAndValue) -> wanted.add(column + " "
                    + io.pgbridge.backend.PgOid.forTypeName(typeAndValue[0]) + " " + typeAndValue[1]));
            assertThat(actual).isEqualTo(wanted);
            st.execute("drop table pgb_types");
        }
    }
}
