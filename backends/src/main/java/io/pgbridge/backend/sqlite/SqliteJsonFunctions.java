package io.pgbridge.backend.sqlite;

import io.pgbridge.backend.h2.H2JsonFunctions;
import org.sqlite.Function;

import static io.pgbridge.backend.sqlite.SqliteFunctions.scalar;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL's jsonb functions and operators for SQLite, whose JSON1 functions differ in their answers (its
 * json_array_length of an object is 0, PostgreSQL's an error) or are missing. These are the same Java functions H2
 * gets ({@link H2JsonFunctions}), registered per connection; the translator writes calls of them for
 * {@code ?}, {@code ?|}, {@code ?&}, {@code @>}, {@code <@}, {@code ||} and {@code -} on jsonb, and casts to json and
 * jsonb, and leaves jsonb_typeof, jsonb_array_length and jsonb_set under their own names.
 */
final class SqliteJsonFunctions {
    private SqliteJsonFunctions() {
    }

    static void register(Connection c) throws SQLException {
        int deterministic = Function.FLAG_DETERMINISTIC;
        Function.create(c, "pgbridge_jsonb", scalar(a -> H2JsonFunctions.jsonb(a.text(0))), 1, deterministic);
        Function.create(c, "pgbridge_json", scalar(a -> H2JsonFunctions.json(a.text(0))), 1, deterministic);
        Function.create(c, "pgbridge_json_object_text", scalar(a -> H2JsonFunctions.jsonObjectText(a.text(0))), 1,
                deterministic);
        Function.create(c, "pgbridge_json_array_text", scalar(a -> H2JsonFunctions.jsonArrayText(a.text(0))), 1,
                deterministic);
        Function.create(c, "pgbridge_jsonb_exists", scalar(a -> H2JsonFunctions.exists(a.text(0), a.text(1))), 2,
                deterministic);
        Function.create(c, "pgbridge_jsonb_exists_any", scalar(a -> existsKeys(a.text(0), a.text(1), true)), 2,
                deterministic);
        Function.create(c, "pgbridge_jsonb_exists_all", scalar(a -> existsKeys(a.text(0), a.text(1), false)), 2,
                deterministic);
        Function.create(c, "pgbridge_jsonb_contains", scalar(a -> H2JsonFunctions.contains(a.text(0), a.text(1))), 2,
                deterministic);
        Function.create(c, "pgbridge_jsonb_concat", scalar(a -> H2JsonFunctions.concat(a.text(0), a.text(1))), 2,
                deterministic);
        Function.create(c, "pgbridge_jsonb_delete", scalar(a -> H2JsonFunctions.delete(a.text(0), a.text(1))), 2,
                deterministic);
        Function.create(c, "jsonb_typeof", scalar(a -> H2JsonFunctions.typeOf(a.text(0))), 1, deterministic);
        Function.create(c, "json_typeof", scalar(a -> H2JsonFunctions.typeOf(a.text(0))), 1, deterministic);
        Function.create(c, "jsonb_array_length", scalar(a -> H2JsonFunctions.arrayLength(a.text(0))), 1,
                deterministic);
        Function.create(c, "jsonb_set", scalar(a -> H2JsonFunctions.set(a.text(0), a.text(1), a.text(2))), 3,
                deterministic);
        Function.create(c, "jsonb_set", scalar(a -> H2JsonFunctions.set(a.text(0), a.text(1), a.text(2),
                a.integer(3) != 0)), 4, deterministic);
    }

    /** {@code jsonb ?| keys} and {@code ?&}: the keys are a text[], stored as a JSON array. */
    private static Boolean existsKeys(String json, String keys, boolean any) throws SQLException {
        List<String> wanted = H2JsonFunctions.pathSteps(keys);
        for (String key : wanted) {
            if (H2JsonFunctions.exists(json, key) == any) {
                return any;
            }
        }
        return !any;
    }
}
