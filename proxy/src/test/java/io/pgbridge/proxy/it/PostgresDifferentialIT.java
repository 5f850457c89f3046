package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bytes to PostgreSQL directly and through pgbridge → PostgreSQL: RowDescription, DataRow and
 * CommandComplete must be identical, in text and in binary format. This is what proves the type codecs and the
 * message layer against the reference.
 */
class PostgresDifferentialIT {
    private static RunningProxy jdbc;
    private static RunningProxy passthrough;

    @BeforeAll
    static void start() throws Exception {
        jdbc = RunningProxy.postgres();
        passthrough = RunningProxy.postgresPassthrough();
    }

    @AfterAll
    static void stop() {
        jdbc.close();
        passthrough.close();
    }

    /** Both ways pgbridge can front PostgreSQL must answer as PostgreSQL does. */
    private static List<RunningProxy> proxies() {
        return List.of(jdbc, passthrough);
    }

    static Stream<String> queries() {
        return Stream.of(
                "select true, false, null::bool",
                "select 1::int2, (-32768)::int2, 2147483647::int4, (-9223372036854775808)::int8, 0::int2",
                "select 1.5::float4, 0.1::float8, 1e16::float8, 1e-5::float8, 'NaN'::float8, '-Infinity'::float4, -0.0::float8",
                "select 123.4500::numeric, -0.001::numeric, 'NaN'::numeric, 1e30::numeric, 0::numeric, 12345678901234567890.123456789::numeric",
                "select 'hello'::text, ''::text, 'ünïcødé ✓'::varchar, 'ab'::char(4), 'name'::name, 'x'::\"char\"",
                "select '\\x00ff10'::bytea, ''::bytea",
                "select '2024-02-29'::date, '0044-03-15 BC'::date, 'infinity'::date, '-infinity'::date",
                "select '13:45:06.123456'::time, '00:00:00'::time, '24:00:00'::time",
                "select '13:45:06+05:30'::timetz, '01:02:03.5-08'::timetz",
                "select '2024-01-02 03:04:05.678'::timestamp, '1999-12-31 23:59:59.999999'::timestamp, 'infinity'::timestamp",
                "select '2024-06-01 12:00:00+02'::timestamptz, '2000-01-01 00:00:00 UTC'::timestamptz",
                "select '1 year 2 mons 3 days 04:05:06.5'::interval, '-1 day'::interval, '00:00:00'::interval, '-00:00:01.25'::interval",
                "select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid",
                "select '{\"a\": [1, 2]}'::json, '{\"b\": null, \"a\": 1}'::jsonb",
                "select 42::oid",
                "select array[1, null, 3]::int4[], array['a', 'b c', '', null, 'NULL', 'q\"x']::text[], '{}'::int8[]",
                "select array[true, false]::bool[], array[1.5, null]::numeric[], array['2024-01-01'::date]",
                "select array['\\x01'::bytea], array['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid], array[1.25::float8]",
                "select array['1 day'::interval], array['2024-01-02 03:04:05'::timestamp], array['12:00'::time]",
                "select x, x * 2 as doubled from generate_series(1, 5) x",
                "select 1 where false");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void textAndBinaryResultsAreIdentical(String sql) throws Exception {
        for (RunningProxy proxy : proxies()) {
            textAndBinaryResultsAreIdentical(sql, proxy);
        }
    }

    private void textAndBinaryResultsAreIdentical(String sql, RunningProxy proxy) throws Exception {
        for (short format : new short[]{0, 1}) {
            List<String> direct;
            List<String> proxied;
            try (RawPgClient pg = new RawPgClient(TestDatabases.postgresHost(), TestDatabases.postgresPort());
                 RawPgClient px = new RawPgClient("127.0.0.1", proxy.port())) {
                pg.startup("postgres", "test");
                px.startup("postgres", "test");
                pg.query("set timezone = 'UTC'");
                px.query("set timezone = 'UTC'");
                direct = describe(pg.extended(sql, format));
                proxied = describe(px.extended(sql, format));
            }
            assertThat(proxied).as("%s in %s format via %s", sql, format == 0 ? "text" : "binary",
                    proxy.backendKind()).isEqualTo(direct);
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void simpleQueryResultsAreIdentical(String sql) throws Exception {
        for (RunningProxy proxy : proxies()) {
            simpleQueryResultsAreIdentical(sql, proxy);
        }
    }

    private void simpleQueryResultsAreIdentical(String sql, RunningProxy proxy) throws Exception {
        try (RawPgClient pg = new RawPgClient(TestDatabases.postgresHost(), TestDatabases.postgresPort());
             RawPgClient px = new RawPgClient("127.0.0.1", proxy.port())) {
            pg.startup("postgres", "test");
            px.startup("postgres", "test");
            pg.query("set timezone = 'Asia/Kolkata'");
            px.query("set timezone = 'Asia/Kolkata'");
            assertThat(describe(px.query(sql))).as("%s via %s", sql, proxy.backendKind()).isEqualTo(describe(pg.query(sql)));
        }
    }

    /** The messages that carry results, as type + hex body; ParseComplete etc. are compared by type. */
    private static List<String> describe(List<RawPgClient.Message> messages) {
        List<String> out = new ArrayList<>();
        for (RawPgClient.Message m : messages) {
            switch (m.type()) {
                case 'T', 'D', 'C', 'Z', 'I', 'n', 's' -> out.add(m.type() + " " + HexFormat.of().formatHex(m.body()));
                case 'E' -> out.add("E " + m.fields().get('C') + " " + m.fields().get('M'));
                default -> out.add(String.valueOf(m.type()));
            }
        }
        return out;
    }
}
