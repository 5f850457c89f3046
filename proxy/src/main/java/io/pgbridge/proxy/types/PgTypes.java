package io.pgbridge.proxy.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry: every type pgbridge speaks, found by OID or by any name a client or a catalog query may use
 * (typnames, SQL spellings with or without modifiers, {@code int4[]} and {@code _int4} for arrays).
 */
public final class PgTypes {
    private static final List<PgType<?>> ELEMENTS = List.of(
            BoolType.INSTANCE, ByteaType.INSTANCE, CharType.INSTANCE, NameType.INSTANCE, Int8Type.INSTANCE,
            Int2Type.INSTANCE, Int4Type.INSTANCE, TextType.INSTANCE, OidType.INSTANCE, JsonType.INSTANCE,
            Float4Type.INSTANCE, Float8Type.INSTANCE, UnknownType.INSTANCE, BpcharType.INSTANCE,
            VarcharType.INSTANCE, DateType.INSTANCE, TimeType.INSTANCE, TimestampType.INSTANCE,
            TimestampTzType.INSTANCE, IntervalType.INSTANCE, TimeTzType.INSTANCE, NumericType.INSTANCE,
            UuidType.INSTANCE, JsonbType.INSTANCE, XidType.INSTANCE, InetType.INSTANCE, Int2VectorType.INSTANCE,
            OidVectorType.INSTANCE, AclItemType.INSTANCE, PgNodeTreeType.INSTANCE, RegprocType.INSTANCE,
            RegprocedureType.INSTANCE);

    private static final Map<Integer, PgType<?>> BY_OID = new HashMap<>();
    private static final Map<Integer, ArrayType<?>> ARRAY_BY_ELEMENT = new HashMap<>();
    private static final Map<String, PgType<?>> BY_NAME = new HashMap<>();
    private static final List<PgType<?>> ALL;

    static {
        List<PgType<?>> all = new ArrayList<>(ELEMENTS);
        for (PgType<?> e : ELEMENTS) {
            register(e);
            if (e.arrayOid() != 0) {
                ArrayType<?> a = array(e);
                ARRAY_BY_ELEMENT.put(e.oid(), a);
                register(a);
                all.add(a);
            }
        }
        ALL = Collections.unmodifiableList(all);
        alias("integer", "int4");
        alias("int", "int4");
        alias("serial", "int4");
        alias("serial4", "int4");
        alias("bigint", "int8");
        alias("bigserial", "int8");
        alias("serial8", "int8");
        alias("smallint", "int2");
        alias("smallserial", "int2");
        alias("serial2", "int2");
        alias("boolean", "bool");
        alias("double precision", "float8");
        alias("float", "float8");
        alias("real", "float4");
        alias("decimal", "numeric");
        alias("character varying", "varchar");
        alias("char varying", "varchar");
        alias("character", "bpchar");
        alias("\"char\"", "char");
        alias("timestamp without time zone", "timestamp");
        alias("timestamp with time zone", "timestamptz");
        alias("time without time zone", "time");
        alias("time with time zone", "timetz");
    }

    private PgTypes() {
    }

    private static <E> ArrayType<E> array(PgType<E> element) {
        return new ArrayType<>(element, element.arrayOid());
    }

    private static void register(PgType<?> t) {
        BY_OID.put(t.oid(), t);
        BY_NAME.put(t.name(), t);
    }

    private static void alias(String alias, String typname) {
        BY_NAME.put(alias, BY_NAME.get(typname));
    }

    /** The type with this OID, or null when pgbridge does not know it. */
    public static PgType<?> byOid(int oid) {
        return BY_OID.get(oid);
    }

    /**
     * The type for a name as written in SQL or in pg_type: {@code int4}, {@code integer}, {@code varchar(20)},
     * {@code timestamp(3) with time zone}, {@code pg_catalog.text}, {@code int4[]}, {@code _int4}; case and extra
     * spaces do not matter. Null when unknown. {@code char} alone is the 1-byte {@code "char"} (its typname);
     * {@code char(n)} and {@code character} are bpchar, as in SQL.
     */
    public static PgType<?> byName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        int arrayDims = 0;
        while (n.endsWith("]")) {
            int open = n.lastIndexOf('[');
            if (open < 0) {
                return null;
            }
            n = n.substring(0, open).strip();
            arrayDims++;
        }
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        boolean modifier = n.indexOf('(') >= 0;
        String precision = null;
        if (modifier) {
            int open = n.indexOf('(');
            int close = n.indexOf(')', open);
            if (close < 0) {
                return null;
            }
            precision = n.substring(open + 1, close).strip();
            n = n.substring(0, open) + " " + n.substring(close + 1);
        }
        n = String.join(" ", n.strip().split("\\s+"));
        PgType<?> t;
        if (modifier && (n.equals("char") || n.equals("character"))) {
            t = BpcharType.INSTANCE;
        } else if (modifier && n.equals("float")) {
            // float(p): real up to 24 bits of precision, double precision above
            t = precision.matches("\\d+") && Integer.parseInt(precision) <= 24 ? Float4Type.INSTANCE
                    : Float8Type.INSTANCE;
        } else {
            t = BY_NAME.get(n);
        }
        if (t == null || arrayDims == 0) {
            return t;
        }
        return t instanceof ArrayType<?> ? t : arrayOf(t.oid());
    }

    /** The one-dimensional array type of this element type, or null (unknown has none). */
    public static ArrayType<?> arrayOf(int elementOid) {
        return ARRAY_BY_ELEMENT.get(elementOid);
    }

    /** text: what pgbridge reports for values of no better type. */
    public static PgType<String> text() {
        return TextType.INSTANCE;
    }

    /** Every registered type, element types first, then their arrays. */
    public static List<PgType<?>> all() {
        return ALL;
    }
}
