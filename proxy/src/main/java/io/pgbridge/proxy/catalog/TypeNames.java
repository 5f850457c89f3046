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

    private TypeNames() {
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
