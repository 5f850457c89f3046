package io.pgbridge.proxy.catalog;

import java.util.Map;

/** PostgreSQL's {@code format_type}: a type's SQL name with its modifier, arrays as {@code element[]}. */
final class TypeNames {
    private static final Map<String, String> SQL_NAMES = Map.ofEntries(
            Map.entry("bool", "boolean"), Map.entry("int2", "smallint"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("varchar", "character varying"), Map.entry("bpchar", "character"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("varbit", "bit varying"));

    /** SQL's names and spellings of built-in types back to their typname: the reverse of {@link #SQL_NAMES}, and more. */
    private static final Map<String, String> TYPNAMES = typnames();

    private TypeNames() {
    }

    private static Map<String, String> typnames() {
        Map<String, String> names = new java.util.HashMap<>();
        SQL_NAMES.forEach((typname, sqlName) -> names.put(sqlName, typname));
        names.putAll(Map.of("int", "int4", "decimal", "numeric", "char", "bpchar"));
        return Map.copyOf(names);
    }

    /**
     * The typname of a type as SQL writes it, as PostgreSQL's regtype input reads it: {@code integer[]} is
     * {@code _int4}, {@code "char"} (quoted) the one-byte type, a name it does not know unchanged.
     */
    static String typname(String sqlName) {
        String written = sqlName.strip();
        if (written.length() > 1 && written.startsWith("\"") && written.endsWith("\"")) {
            return written.substring(1, written.length() - 1);
        }
        String name = written.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        if (name.endsWith("[]")) {
            return "_" + typname(name.substring(0, name.length() - 2));
        }
        return TYPNAMES.getOrDefault(name, name);
    }

    /** A type of a schema not on the search path as format_type names it: qualified, quoted where needed. */
    static String qualified(String schema, String typname) {
        return QuotedNames.quoteIfNeeded(schema) + "." + QuotedNames.quoteIfNeeded(typname);
    }

    static String format(int oid, String typname, int typmod) {
        if (typname.startsWith("_")) {
            return format(0, typname.substring(1), typmod) + "[]";
        }
        String name = SQL_NAMES.getOrDefault(typname, typname);
        if (typmod < 0) {
            return typname.equals("char") ? "\"char\"" : name;
        }
        return switch (typname) {
            case "varchar", "bpchar", "bit", "varbit" -> name + "(" + (typmod - 4) + ")";
            case "numeric" -> "numeric(" + ((typmod - 4) >> 16 & 0xffff) + "," + ((typmod - 4) & 0xffff) + ")";
            case "timestamp", "timestamptz", "time", "timetz" -> {
                int space = name.indexOf(' ');
                yield name.substring(0, space) + "(" + typmod + ")" + name.substring(space);
            }
            default -> name;
        };
    }
}
