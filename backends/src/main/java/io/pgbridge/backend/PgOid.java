package io.pgbridge.backend;

/**
 * OIDs of PostgreSQL's built-in types, as in {@code pg_type}. A test checks each against a real PostgreSQL.
 * Backend dialects map JDBC column types to these; the proxy's type codecs are keyed by them.
 */
public final class PgOid {
    public static final int UNSPECIFIED = 0;
    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int CHAR = 18;
    public static final int NAME = 19;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT4 = 23;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int XID = 28;
    public static final int INT2VECTOR = 22;
    public static final int OIDVECTOR = 30;
    public static final int PG_NODE_TREE = 194;
    public static final int ACLITEM = 1033;
    /**
     * Function references, which only the catalog engine sends as such (a PostgreSQL backend's are read as text:
     * not in {@link #forTypeName}).
     */
    public static final int REGPROC = 24;
    public static final int REGPROCEDURE = 2202;
    public static final int JSON = 114;
    public static final int INET = 869;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int UNKNOWN = 705;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int TIMETZ = 1266;
    public static final int NUMERIC = 1700;
    public static final int UUID = 2950;
    public static final int JSONB = 3802;

    public static final int BOOL_ARRAY = 1000;
    public static final int BYTEA_ARRAY = 1001;
    public static final int CHAR_ARRAY = 1002;
    public static final int NAME_ARRAY = 1003;
    public static final int INT2_ARRAY = 1005;
    public static final int INT4_ARRAY = 1007;
    public static final int TEXT_ARRAY = 1009;
    public static final int BPCHAR_ARRAY = 1014;
    public static final int VARCHAR_ARRAY = 1015;
    public static final int INT8_ARRAY = 1016;
    public static final int FLOAT4_ARRAY = 1021;
    public static final int FLOAT8_ARRAY = 1022;
    public static final int OID_ARRAY = 1028;
    public static final int XID_ARRAY = 1011;
    public static final int REGPROC_ARRAY = 1008;
    public static final int REGPROCEDURE_ARRAY = 2207;
    public static final int INET_ARRAY = 1041;
    public static final int INT2VECTOR_ARRAY = 1006;
    public static final int OIDVECTOR_ARRAY = 1013;
    public static final int ACLITEM_ARRAY = 1034;
    public static final int TIMESTAMP_ARRAY = 1115;
    public static final int DATE_ARRAY = 1182;
    public static final int TIME_ARRAY = 1183;
    public static final int TIMESTAMPTZ_ARRAY = 1185;
    public static final int INTERVAL_ARRAY = 1187;
    public static final int NUMERIC_ARRAY = 1231;
    public static final int TIMETZ_ARRAY = 1270;
    public static final int UUID_ARRAY = 2951;
    public static final int JSON_ARRAY = 199;
    public static final int JSONB_ARRAY = 3807;

    private static final java.util.Map<String, Integer> BY_NAME = byName();
    private static final java.util.Map<Integer, Integer> ARRAY_OF = arrays();

    private PgOid() {
    }

    /** The OID of a built-in type by its {@code pg_type.typname} ({@code int4}, {@code _text}…); 0 when unknown. */
    public static int forTypeName(String typname) {
        return typname == null ? 0 : BY_NAME.getOrDefault(typname, 0);
    }

    /**
     * The name of a built-in type as a cast writes it ({@code boolean}, {@code bytea}, {@code int4[]}), or null when
     * the type is not known here.
     */
    public static String castName(int oid) {
        if (oid == BOOL) {
            return "boolean";
        }
        for (var e : BY_NAME.entrySet()) {
            if (e.getValue() == oid) {
                String name = e.getKey();
                return name.startsWith("_") ? (name.equals("_bool") ? "boolean" : name.substring(1)) + "[]" : name;
            }
        }
        return null;
    }

    /** The OID of a built-in type as {@link #castName} writes it ({@code int4}, {@code boolean}, {@code text[]}); 0 if none. */
    public static int forCastName(String castName) {
        if (castName == null) {
            return 0;
        }
        boolean array = castName.endsWith("[]");
        String element = array ? castName.substring(0, castName.length() - 2) : castName;
        String typname = element.equals("boolean") ? "bool" : element;
        return forTypeName(array ? "_" + typname : typname);
    }

    /** The array type OID of element type {@code elementOid}; 0 when it has none here. */
    public static int arrayOf(int elementOid) {
        return ARRAY_OF.getOrDefault(elementOid, 0);
    }

    private static java.util.Map<String, Integer> byName() {
        var m = new java.util.HashMap<String, Integer>();
        Object[][] names = {
            {"bool", BOOL}, {"bytea", BYTEA}, {"char", CHAR}, {"name", NAME}, {"int8", INT8}, {"int2", INT2},
            {"int4", INT4}, {"text", TEXT}, {"oid", OID}, {"json", JSON}, {"float4", FLOAT4}, {"float8", FLOAT8},
            {"unknown", UNKNOWN}, {"bpchar", BPCHAR}, {"varchar", VARCHAR}, {"date", DATE}, {"time", TIME},
            {"timestamp", TIMESTAMP}, {"timestamptz", TIMESTAMPTZ}, {"interval", INTERVAL}, {"timetz", TIMETZ},
            {"numeric", NUMERIC}, {"uuid", UUID}, {"jsonb", JSONB}, {"xid", XID}, {"inet", INET},
        };
        for (Object[] n : names) {
            m.put((String) n[0], (Integer) n[1]);
        }
        for (var e : arrays().entrySet()) {
            for (Object[] n : names) {
                if (n[1].equals(e.getKey())) {
                    m.put("_" + n[0], e.getValue());
                }
            }
        }
        return java.util.Map.copyOf(m);
    }

    private static java.util.Map<Integer, Integer> arrays() {
        return java.util.Map.ofEntries(
            java.util.Map.entry(BOOL, BOOL_ARRAY), java.util.Map.entry(BYTEA, BYTEA_ARRAY),
            java.util.Map.entry(CHAR, CHAR_ARRAY), java.util.Map.entry(NAME, NAME_ARRAY),
            java.util.Map.entry(INT2, INT2_ARRAY), java.util.Map.entry(INT4, INT4_ARRAY),
            java.util.Map.entry(TEXT, TEXT_ARRAY), java.util.Map.entry(BPCHAR, BPCHAR_ARRAY),
            java.util.Map.entry(VARCHAR, VARCHAR_ARRAY), java.util.Map.entry(INT8, INT8_ARRAY),
            java.util.Map.entry(FLOAT4, FLOAT4_ARRAY), java.util.Map.entry(FLOAT8, FLOAT8_ARRAY),
            java.util.Map.entry(OID, OID_ARRAY), java.util.Map.entry(TIMESTAMP, TIMESTAMP_ARRAY),
            java.util.Map.entry(DATE, DATE_ARRAY), java.util.Map.entry(TIME, TIME_ARRAY),
            java.util.Map.entry(TIMESTAMPTZ, TIMESTAMPTZ_ARRAY), java.util.Map.entry(INTERVAL, INTERVAL_ARRAY),
            java.util.Map.entry(NUMERIC, NUMERIC_ARRAY), java.util.Map.entry(TIMETZ, TIMETZ_ARRAY),
            java.util.Map.entry(UUID, UUID_ARRAY), java.util.Map.entry(JSON, JSON_ARRAY),
            java.util.Map.entry(JSONB, JSONB_ARRAY), java.util.Map.entry(XID, XID_ARRAY),
            java.util.Map.entry(INET, INET_ARRAY));
    }
}
