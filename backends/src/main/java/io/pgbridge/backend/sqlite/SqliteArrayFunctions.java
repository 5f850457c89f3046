package io.pgbridge.backend.sqlite;

import io.pgbridge.backend.h2.JsonTree;
import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PostgreSQL's array functions for SQLite, which stores arrays as JSON arrays ({@code ["a", null, 3]}): each takes
 * and returns that text, so the translator leaves calls of them under PostgreSQL's names. Unlike the strict scalar
 * functions, a NULL array or element means what it means in PostgreSQL ({@code array_append(NULL, 1)} is
 * {@code {1}}). Elements compare as PostgreSQL compares values of one type: equal text, or equal numbers.
 */
final class SqliteArrayFunctions {
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_NULL = 5;

    private SqliteArrayFunctions() {
    }

    static void register(Connection c) throws SQLException {
        int deterministic = Function.FLAG_DETERMINISTIC;
        Function.create(c, "array_append", array(a -> {
            List<Object> list = a.arrayOrEmpty(0);
            list.add(a.element(1));
            return list;
        }), 2, deterministic);
        Function.create(c, "array_prepend", array(a -> {
            List<Object> list = a.arrayOrEmpty(1);
            list.add(0, a.element(0));
            return list;
        }), 2, deterministic);
        Function.create(c, "array_cat", array(a -> {
            if (a.isNull(0) && a.isNull(1)) {
                return null;
            }
            List<Object> list = a.arrayOrEmpty(0);
            list.addAll(a.arrayOrEmpty(1));
            return list;
        }), 2, deterministic);
        Function.create(c, "array_remove", array(a -> {
            List<Object> list = a.array(0);
            if (list != null) {
                Object removed = a.element(1);
                list.removeIf(e -> same(e, removed));
            }
            return list;
        }), 2, deterministic);
        Function.create(c, "array_position", new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                List<Object> list = array(0);
                Object wanted = element(1);
                for (int i = 0; list != null && i < list.size(); i++) {
                    if (same(list.get(i), wanted)) {
                        return (long) i + 1;
                    }
                }
                return null;
            }
        }, 2, deterministic);
        Function.create(c, "array_length", new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                List<Object> list = array(0);
                // One dimension: its length, or NULL for an empty array, as array_length(a, 1) answers.
                return list == null || isNull(1) || integer(1) != 1 || list.isEmpty() ? null : (long) list.size();
            }
        }, 2, deterministic);
        Function.create(c, "cardinality", new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                List<Object> list = array(0);
                return list == null ? null : (long) list.size();
            }
        }, 1, deterministic);
        Function.create(c, "array_to_string", new ArrayToString(), 2, deterministic);
        Function.create(c, "array_to_string", new ArrayToString(), 3, deterministic);
        Function.create(c, "string_to_array", new StringToArray(), 2, deterministic);
        Function.create(c, "string_to_array", new StringToArray(), 3, deterministic);
        Function.create(c, "pgbridge_array_contains", new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                return contains(array(0), array(1));
            }
        }, 2, deterministic);
        Function.create(c, "pgbridge_array_overlaps", new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                List<Object> a = array(0);
                List<Object> b = array(1);
                if (a == null || b == null) {
                    return null;
                }
                return a.stream().anyMatch(x -> x != JsonTree.NULL && b.stream().anyMatch(y -> same(x, y))) ? 1L : 0L;
            }
        }, 2, deterministic);
    }

    /** {@code a @> b} on arrays: every element of b equals one of a; a NULL element equals nothing. */
    private static Object contains(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return null;
        }
        for (Object wanted : b) {
            if (wanted == JsonTree.NULL || a.stream().noneMatch(have -> same(have, wanted))) {
                return 0L;
            }
        }
        return 1L;
    }

    /** Equal as PostgreSQL's = would find two values of the element type (NULLs equal each other only here). */
    private static boolean same(Object a, Object b) {
        if (a instanceof JsonTree.Numeral x && b instanceof JsonTree.Numeral y) {
            return new java.math.BigDecimal(x.text()).compareTo(new java.math.BigDecimal(y.text())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** An array function: arguments may be NULL; an array result is written back as JSON text. */
    private abstract static class ArrayFunction extends Arguments {
        abstract Object apply() throws SQLException;

        @Override
        protected final void xFunc() throws SQLException {
            Object value = apply();
            switch (value) {
                case null -> setNull();
                case List<?> list -> set(JsonTree.write(list));
                case Long number -> set(number);
                case String text -> set(text);
                default -> throw new IllegalStateException(value.getClass().getName());
            }
        }

        /** The array argument at {@code index}, or null for SQL NULL; 22P02 when it is no JSON array. */
        @SuppressWarnings("unchecked")
        List<Object> array(int index) throws SQLException {
            if (isNull(index)) {
                return null;
            }
            Object value;
            try {
                value = JsonTree.parse(text(index));
            } catch (SQLException e) {
                throw new SQLException("22P02: malformed array literal: \"" + text(index) + "\"");
            }
            if (!(value instanceof List<?>)) {
                throw new SQLException("22P02: malformed array literal: \"" + text(index) + "\"");
            }
            return (List<Object>) value;
        }

        List<Object> arrayOrEmpty(int index) throws SQLException {
            List<Object> list = array(index);
            return list != null ? list : new ArrayList<>();
        }

        /** A scalar argument as an array element: text as a string, numbers as numbers, NULL as null. */
        Object element(int index) throws SQLException {
            return switch (value_type(index)) {
                case SQLITE_NULL -> JsonTree.NULL;
                case SQLITE_INTEGER, SQLITE_FLOAT -> new JsonTree.Numeral(text(index));
                default -> text(index);
            };
        }
    }

    @FunctionalInterface
    private interface ArrayBody {
        List<Object> apply(ArrayFunction arguments) throws SQLException;
    }

    private static Function array(ArrayBody body) {
        return new ArrayFunction() {
            @Override
            Object apply() throws SQLException {
                return body.apply(this);
            }
        };
    }

    /** array_to_string(a, sep[, null_text]): elements as PostgreSQL prints them, NULLs skipped or replaced. */
    private static final class ArrayToString extends ArrayFunction {
        @Override
        Object apply() throws SQLException {
            List<Object> list = array(0);
            if (list == null || isNull(1)) {
                return null;
            }
            String nullText = count() > 2 && !isNull(2) ? text(2) : null;
            StringBuilder out = new StringBuilder();
            boolean first = true;
            for (Object e : list) {
                String text = e == JsonTree.NULL ? nullText : elementText(e);
                if (text == null) {
                    continue;
                }
                out.append(first ? "" : text(1)).append(text);
                first = false;
            }
            return out.toString();
        }

        private static String elementText(Object e) {
            return switch (e) {
                case String s -> s;
                case JsonTree.Numeral n -> n.text();
                case Boolean b -> b ? "t" : "f";
                default -> JsonTree.write(e);
            };
        }
    }

    /** string_to_array(s, sep[, null_text]): a NULL separator splits into characters, an empty one not at all. */
    private static final class StringToArray extends ArrayFunction {
        @Override
        Object apply() throws SQLException {
            if (isNull(0)) {
                return null;
            }
            String s = text(0);
            String nullText = count() > 2 && !isNull(2) ? text(2) : null;
            List<Object> parts = new ArrayList<>();
            if (s.isEmpty()) {
                return parts;
            }
            if (isNull(1)) {
                s.codePoints().forEach(cp -> parts.add(Character.toString(cp)));
            } else if (text(1).isEmpty()) {
                parts.add(s);
            } else {
                String sep = text(1);
                int from = 0;
                for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
                    parts.add(s.substring(from, at));
                    from = at + sep.length();
                }
                parts.add(s.substring(from));
            }
            parts.replaceAll(p -> p.equals(nullText) ? JsonTree.NULL : p);
            return parts;
        }
    }
}
