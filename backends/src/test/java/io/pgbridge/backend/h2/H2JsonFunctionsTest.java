package io.pgbridge.backend.h2;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's answers for the same functions and operators. */
class H2JsonFunctionsTest {

    @Test
    void jsonbIsPrintedWithSortedKeysAndPostgresSpacing() throws SQLException {
        // SELECT '{"b": 1, "a": [1, 2, {"c": null}], "bb":2, "a":"last"}'::jsonb
        assertThat(H2JsonFunctions.jsonb("{\"b\": 1, \"a\": [1, 2, {\"c\": null}], \"bb\":2, \"a\":\"last\"}"))
                .isEqualTo("{\"a\": \"last\", \"b\": 1, \"bb\": 2}");
        assertThat(H2JsonFunctions.jsonb(" [1.50,true,\"x\\\"y\"] ")).isEqualTo("[1.50, true, \"x\\\"y\"]");
        assertThat(H2JsonFunctions.json("{\"b\":1,  \"a\":2}")).isEqualTo("{\"b\":1,  \"a\":2}");
    }

    @Test
    void malformedJsonIsInvalidTextRepresentation() {
        for (String bad : new String[] {"{\"broken\": }", "[1,", "tru", "{\"a\" 1}", "01", "{} x"}) {
            assertThatThrownBy(() -> H2JsonFunctions.jsonb(bad)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
        }
    }

    @Test
    void typeofAndArrayLength() throws SQLException {
        assertThat(H2JsonFunctions.typeOf("1")).isEqualTo("number");
        assertThat(H2JsonFunctions.typeOf("[]")).isEqualTo("array");
        assertThat(H2JsonFunctions.typeOf("{\"a\": 1}")).isEqualTo("object");
        assertThat(H2JsonFunctions.typeOf("null")).isEqualTo("null");
        assertThat(H2JsonFunctions.arrayLength("[\"admin\", \"beta\"]")).isEqualTo(2);
        assertThatThrownBy(() -> H2JsonFunctions.arrayLength("{}")).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    }

    @Test
    void existenceAndContainment() throws SQLException {
        String doc = "{\"theme\": \"light\", \"tags\": [\"a\", \"b\"], \"n\": {\"x\": 1.0}}";
        assertThat(H2JsonFunctions.exists(doc, "tags")).isTrue();
        assertThat(H2JsonFunctions.exists(doc, "x")).isFalse();
        assertThat(H2JsonFunctions.exists("[\"a\", 1]", "a")).isTrue();
        assertThat(H2JsonFunctions.contains(doc, "{\"theme\": \"light\"}")).isTrue();
        assertThat(H2JsonFunctions.contains(doc, "{\"tags\": [\"b\"], \"n\": {\"x\": 1}}")).isTrue();
        assertThat(H2JsonFunctions.contains(doc, "{\"theme\": \"dark\"}")).isFalse();
        assertThat(H2JsonFunctions.contains("[1, [2, 3]]", "[[3]]")).isTrue();
        assertThat(H2JsonFunctions.contains("[1, 2]", "1")).isTrue();
        assertThat(H2JsonFunctions.arrayContains(new String[] {"sql", "beginner"}, new String[] {"sql"})).isTrue();
        assertThat(H2JsonFunctions.arrayContains(new String[] {"sql"}, new String[] {"sql", "x"})).isFalse();
    }

    @Test
    void concatenationAndKeyRemoval() throws SQLException {
        // SELECT '{"b": 1, "a": 2}'::jsonb || '{"a": 3, "c": 4}', '[1]'::jsonb || '2', '{"a": 1}'::jsonb || '[2]'
        assertThat(H2JsonFunctions.concat("{\"b\": 1, \"a\": 2}", "{\"a\": 3, \"c\": 4}"))
                .isEqualTo("{\"a\": 3, \"b\": 1, \"c\": 4}");
        assertThat(H2JsonFunctions.concat("[1]", "2")).isEqualTo("[1, 2]");
        assertThat(H2JsonFunctions.concat("{\"a\": 1}", "[2]")).isEqualTo("[{\"a\": 1}, 2]");
        assertThat(H2JsonFunctions.delete("{\"limit\": 10, \"theme\": \"dark\"}", "limit"))
                .isEqualTo("{\"theme\": \"dark\"}");
        assertThat(H2JsonFunctions.delete("[\"a\", \"b\", \"a\"]", "a")).isEqualTo("[\"b\"]");
        assertThatThrownBy(() -> H2JsonFunctions.delete("1", "a")).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    }

    @Test
    void jsonbSetReplacesOrCreatesTheLastStep() throws SQLException {
        String doc = "{\"theme\": \"light\", \"tags\": [\"a\"], \"limit\": 5}";
        assertThat(H2JsonFunctions.set(doc, "{theme}", "\"solarized\""))
                .isEqualTo("{\"tags\": [\"a\"], \"limit\": 5, \"theme\": \"solarized\"}");
        assertThat(H2JsonFunctions.set(doc, "{tags,0}", "\"z\"", true))
                .isEqualTo("{\"tags\": [\"z\"], \"limit\": 5, \"theme\": \"light\"}");
        assertThat(H2JsonFunctions.set(doc, "{new}", "1", false)).isEqualTo(H2JsonFunctions.jsonb(doc));
        assertThat(H2JsonFunctions.set(doc, "{tags,9}", "\"end\"")).contains("[\"a\", \"end\"]");
    }

    @Test
    void byteaEncodingsAndFormat() throws SQLException {
        byte[] bytes = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
        assertThat(H2Functions.encode(bytes, "hex")).isEqualTo("deadbeef");
        assertThat(H2Functions.encode(bytes, "base64")).isEqualTo("3q2+7w==");
        assertThat(H2Functions.encode(new byte[] {'a', '\\', 0}, "escape")).isEqualTo("a\\\\\\000");
        assertThat(H2Functions.convertFrom(H2Functions.decode("48656c6c6f", "hex"), "UTF8")).isEqualTo("Hello");
        assertThat(H2Functions.decode("3q2+7w==", "base64")).isEqualTo(bytes);
        // SELECT format('%s has %s seats, %I %L %L %%', 'Hall', 10, 'Odd Name', 'it''s', NULL)
        assertThat(H2Functions.format("%s has %s seats, %I %L %L %%", "Hall", "10", "Odd Name", "it's", null))
                .isEqualTo("Hall has 10 seats, \"Odd Name\" 'it''s' NULL %");
        assertThat(H2Functions.format("%2$s %1$s", "a", "b")).isEqualTo("b a");
        assertThat(H2Functions.upper("straße")).isEqualTo("STRAßE");
        assertThatThrownBy(() -> H2Functions.format("%s %s", "a")).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    }
}
