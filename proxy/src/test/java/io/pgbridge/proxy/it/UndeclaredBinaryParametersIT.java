package io.pgbridge.proxy.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What asyncpg does with every statement: Parse without parameter types, Describe the statement, then Bind the
 * parameters in binary as the types the ParameterDescription gave. PostgreSQL fixes those types at Parse, so the
 * binary values must be read as them; the rows that come back must be PostgreSQL's.
 */
class UndeclaredBinaryParametersIT {
    private static final int INT4 = 23;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void binaryParametersTakeTheDescribedTypes(String kind) throws Exception {
        String table = "pgb_ubp_" + kind;
        List<String> direct;
        try (RawPgClient pg = new RawPgClient(TestDatabases.postgresHost(), TestDatabases.postgresPort())) {
            pg.startup("postgres", "test");
            direct = script(pg, table);
        }
        try (RunningProxy proxy = RunningProxy.forKind(kind);
             RawPgClient px = new RawPgClient("127.0.0.1", proxy.port())) {
            px.startup("tester", "test");
            assertThat(script(px, table)).isEqualTo(direct);
        }
    }

    /** Inserts two rows and reads one back, binding as asyncpg does; returns the rows and tags as text. */
    private static List<String> script(RawPgClient c, String table) throws IOException {
        assertThat(types(c.query("drop table if exists " + table))).doesNotContain('E');
        assertThat(types(c.query("create table " + table + " (id int primary key, name text)"))).doesNotContain('E');
        List<String> seen = new ArrayList<>();
        c.parse("ins", "insert into " + table + " (id, name) values ($1, $2)");
        c.describe('S', "ins");
        int[] insertTypes = parameterTypes(c.sync());
        for (int id : new int[]{1, 2}) {
            c.bindBinary("", "ins", encode(insertTypes[0], id), encode(insertTypes[1], "name " + id));
            c.execute("");
            seen.addAll(texts(c.sync()));
        }
        c.parse("sel", "select id, name from " + table + " where id = $1");
        c.describe('S', "sel");
        int[] selectTypes = parameterTypes(c.sync());
        c.bindBinary("", "sel", encode(selectTypes[0], 2));
        c.execute("");
        seen.addAll(texts(c.sync()));
        c.query("drop table " + table);
        return seen;
    }

    private static List<Character> types(List<RawPgClient.Message> messages) {
        return messages.stream().map(RawPgClient.Message::type).toList();
    }

    private static int[] parameterTypes(List<RawPgClient.Message> messages) {
        RawPgClient.Message description = messages.stream().filter(m -> m.type() == 't').findFirst().orElseThrow(
                () -> new AssertionError("no ParameterDescription in " + types(messages)));
        ByteBuffer body = ByteBuffer.wrap(description.body());
        int[] oids = new int[body.getShort()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = body.getInt();
        }
        return oids;
    }

    /** The value in the binary form of the described type: int4 or, for the text-like types, UTF-8. */
    private static byte[] encode(int oid, Object value) {
        if (oid == INT4) {
            return ByteBuffer.allocate(4).putInt((Integer) value).array();
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** DataRow values and CommandComplete tags, as text; an ErrorResponse fails the test with its message. */
    private static List<String> texts(List<RawPgClient.Message> messages) {
        List<String> out = new ArrayList<>();
        for (RawPgClient.Message m : messages) {
            switch (m.type()) {
                case 'E' -> throw new AssertionError("error: " + m.fields());
                case 'C' -> out.add("tag " + m.bodyText());
                case 'D' -> {
                    ByteBuffer row = ByteBuffer.wrap(m.body());
                    StringBuilder values = new StringBuilder("row");
                    for (int i = row.getShort(); i > 0; i--) {
                        int length = row.getInt();
                        byte[] bytes = new byte[Math.max(length, 0)];
                        row.get(bytes);
                        values.append(' ').append(length < 0 ? "NULL" : new String(bytes, StandardCharsets.UTF_8));
                    }
                    out.add(values.toString());
                }
                default -> { }
            }
        }
        return out;
    }
}
