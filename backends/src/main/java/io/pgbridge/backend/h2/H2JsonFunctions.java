package io.pgbridge.backend.h2;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's JSON functions and operators for H2, which stores json and jsonb as text. The H2 translator writes
 * calls of these for the functions (under PostgreSQL's names) and operators ({@code ?}, {@code @>}, {@code <@}),
 * and wraps H2's own {@code JSON_OBJECT}/{@code JSON_ARRAYAGG} in {@link #jsonb} or the {@code json} formatters so
 * that the text is what PostgreSQL prints. Errors carry PostgreSQL's SQLSTATE.
 */
public final class H2JsonFunctions {
    private H2JsonFunctions() {
    }

    /** The aliases to create: SQL name, then method and parameter types. */
    static final String[][] ALIASES = {
            {"pgbridge_jsonb", "jsonb(java.lang.String)"},
            {"pgbridge_json", "json(java.lang.String)"},
            {"pgbridge_json_object_text", "jsonObjectText(java.lang.String)"},
            {"pgbridge_json_array_text", "jsonArrayText(java.lang.String)"},
            {"pgbridge_jsonb_exists", "exists(java.lang.String, java.lang.String)"},
            {"pgbridge_jsonb_contains", "contains(java.lang.String, java.lang.String)"},
            {"pgbridge_array_contains", "arrayContains(java.lang.String[], java.lang.String[])"},
            {"jsonb_typeof", "typeOf(java.lang.String)"},
            {"json_typeof", "typeOf(java.lang.String)"},
            {"jsonb_array_length", "arrayLength(java.lang.String)"},
            {"json_array_length", "arrayLength(java.lang.String)"},
            {"jsonb_set", "set"},
            {"pgbridge_jsonb_concat", "concat(java.lang.String, java.lang.String)"},
            {"pgbridge_jsonb_delete", "delete(java.lang.String, java.lang.String)"},
    };

    /** {@code text::jsonb}: validated and printed as jsonb prints. */
    public static String jsonb(String json) throws SQLException {
        return json == null ? null : JsonTree.write(JsonTree.parse(json));
    }

    /** {@code text::json}: validated, the text kept as written. */
    public static String json(String json) throws SQLException {
        if (json != null) {
            JsonTree.parse(json);
        }
        return json;
    }

    /** {@code json_build_object}'s text: {@code {"a" : 1, "b" : "x"}}. */
    public static String jsonObjectText(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<?, ?> e : ((Map<?, ?>) JsonTree.parse(json)).entrySet()) {
            out.append(out.length() == 1 ? "" : ", ");
            JsonTree.quote((String) e.getKey(), out);
            out.append(" : ").append(JsonTree.write(e.getValue()));
        }
        return out.append('}').toString();
    }

    /** {@code json_agg}'s text: {@code ["a", "b"]}. */
    public static String jsonArrayText(String json) throws SQLException {
        return json == null ? null : JsonTree.write(JsonTree.parse(json));
    }

    /** {@code jsonb ? key}: a top-level key of an object, or a string element of an array. */
    public static Boolean exists(String json, String key) throws SQLException {
        if (json == null || key == null) {
            return null;
        }
        Object value = JsonTree.parse(json);
        if (value instanceof Map<?, ?> map) {
            return map.containsKey(key);
        }
        if (value instanceof List<?> list) {
            return list.contains(key);
        }
        return value.equals(key);
    }

    /**
     * {@code jsonb || jsonb}: objects merge (the right side's keys win), arrays concatenate, and any other pair is
     * concatenated as arrays, a non-array side becoming a one-element array.
     */
    public static String concat(String left, String right) throws SQLException {
        if (left == null || right == null) {
            return null;
        }
        Object a = JsonTree.parse(left);
        Object b = JsonTree.parse(right);
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            Map<Object, Object> merged = new java.util.LinkedHashMap<>(x);
            merged.putAll(y);
            return JsonTree.write(merged);
        }
        List<Object> joined = new ArrayList<>();
        for (Object side : new Object[] {a, b}) {
            if (side instanceof List<?> list) {
                joined.addAll(list);
            } else {
                joined.add(side);
            }
        }
        return JsonTree.write(joined);
    }

    /** {@code jsonb - text}: an object without that key, or an array without the string elements equal to it. */
    public static String delete(String json, String key) throws SQLException {
        if (json == null || key == null) {
            return null;
        }
        Object value = JsonTree.parse(json);
        if (value instanceof Map<?, ?> map) {
            map.remove(key);
        } else if (value instanceof List<?> list) {
            list.removeIf(key::equals);
        } else {
            throw new SQLException("cannot delete from scalar", "22023");
        }
        return JsonTree.write(value);
    }

    /** {@code jsonb @> jsonb}: PostgreSQL's containment, recursively. */
    public static Boolean contains(String json, String other) throws SQLException {
        if (json == null || other == null) {
            return null;
        }
        return contains(JsonTree.parse(json), JsonTree.parse(other), true);
    }

    private static boolean contains(Object a, Object b, boolean top) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            for (Map.Entry<?, ?> e : y.entrySet()) {
                if (!x.containsKey(e.getKey()) || !contains(x.get(e.getKey()), e.getValue(), false)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x) {
            if (b instanceof List<?> y) {
                for (Object wanted : y) {
                    if (x.stream().noneMatch(have -> contains(have, wanted, false))) {
                        return false;
                    }
                }
                return true;
            }
            // An array contains a primitive value only at the top level.
            return top && !(b instanceof Map) && x.stream().anyMatch(have -> contains(have, b, false));
        }
        if (a instanceof JsonTree.Numeral x && b instanceof JsonTree.Numeral y) {
            return new java.math.BigDecimal(x.text()).compareTo(new java.math.BigDecimal(y.text())) == 0;
        }
        return a.equals(b);
    }

    /** {@code anyarray @> anyarray}: every element of {@code b} is in {@code a} (compared as text). */
    public static Boolean arrayContains(String[] a, String[] b) {
        if (a == null || b == null) {
            return null;
        }
        List<String> have = Arrays.asList(a);
        for (String wanted : b) {
            if (wanted == null || !have.contains(wanted)) {
                return false;
            }
        }
        return true;
    }

    public static String typeOf(String json) throws SQLException {
        return json == null ? null : JsonTree.typeOf(JsonTree.parse(json));
    }

    public static Integer arrayLength(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        Object value = JsonTree.parse(json);
        if (value instanceof List<?> list) {
            return list.size();
        }
        throw new SQLException(JsonTree.typeOf(value).equals("object") ? "cannot get array length of a non-array"
                : "cannot get array length of a scalar", "22023");
    }

    /** {@code jsonb_set(target, path, value)}: creates a missing last key, as with create_missing = true. */
    public static String set(String target, String path, String value) throws SQLException {
        return set(target, path, value, true);
    }

    /** {@code jsonb_set(target, path, value, create_missing)}. */
    public static String set(String target, String path, String value, Boolean createMissing) throws SQLException {
        if (target == null || path == null || value == null || createMissing == null) {
            return null;
        }
        Object root = JsonTree.parse(target);
        List<String> steps = pathSteps(path);
        if (steps.isEmpty()) {
            return JsonTree.write(root);
        }
        Object replacement = JsonTree.parse(value);
        Object parent = root;
        for (int i = 0; i < steps.size() - 1 && parent != null; i++) {
            parent = child(parent, steps.get(i));
        }
        String last = steps.get(steps.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            if (members.containsKey(last) || createMissing) {
                members.put(last, replacement);
            }
        } else if (parent instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> elements = (List<Object>) list;
            int index = arrayIndex(last, path);
            int at = index < 0 ? elements.size() + index : index;
            if (at >= 0 && at < elements.size()) {
                elements.set(at, replacement);
            } else if (createMissing) {
                elements.add(at < 0 ? 0 : elements.size(), replacement);
            }
        }
        return JsonTree.write(root);
    }

    private static Object child(Object parent, String step) throws SQLException {
        if (parent instanceof Map<?, ?> map) {
            return map.get(step);
        }
        if (parent instanceof List<?> list) {
            int index = arrayIndex(step, step);
            int at = index < 0 ? list.size() + index : index;
            return at >= 0 && at < list.size() ? list.get(at) : null;
        }
        return null;
    }

    private static int arrayIndex(String step, String path) throws SQLException {
        try {
            return Integer.parseInt(step.strip());
        } catch (NumberFormatException e) {
            throw new SQLException("path element is not an integer: " + step + " in " + path, "22P02");
        }
    }

    /** The elements of a text[] literal such as {@code {a,"b c",0}}. */
    public static List<String> pathSteps(String path) throws SQLException {
        String p = path.strip();
        if (p.startsWith("[") && JsonTree.parse(p) instanceof List<?> json) {
            // a text[] as the backends without arrays store it
            List<String> steps = new ArrayList<>();
            for (Object step : json) {
                steps.add(step instanceof JsonTree.Numeral n ? n.text() : String.valueOf(step));
            }
            return steps;
        }
        if (!p.startsWith("{") || !p.endsWith("}")) {
            throw new SQLException("malformed array literal: \"" + path + "\"", "22P02");
        }
        List<String> steps = new ArrayList<>();
        String inner = p.substring(1, p.length() - 1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && i + 1 < inner.length()) {
                current.append(inner.charAt(++i));
            } else if (c == ',' && !quoted) {
                steps.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!inner.isBlank()) {
            steps.add(current.toString().strip());
        }
        return steps;
    }
}
