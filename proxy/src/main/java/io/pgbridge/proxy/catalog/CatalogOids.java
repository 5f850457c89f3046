package io.pgbridge.proxy.catalog;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL's fixed oids for what every database has, and oids for the backend's own objects: derived from the
 * object's kind, schema and name, and kept for the life of the proxy, so they stay the same across refreshes.
 */
final class CatalogOids {
    static final int PG_CATALOG = 11;
    static final int PUBLIC = 2200;
    /** As PostgreSQL 15's initdb assigns it. */
    static final int INFORMATION_SCHEMA = 13207;
    static final int BOOTSTRAP_SUPERUSER = 10;
    static final int PG_CLASS = 1259;
    static final int PG_CONSTRAINT = 2606;
    static final int BTREE = 403;
    static final int HEAP = 2;
    static final int DEFAULT_COLLATION = 100;
    /** PostgreSQL's first oid for user objects. */
    private static final int FIRST_USER_OID = 16384;

    private final Map<String, Integer> assigned = new ConcurrentHashMap<>();
    private final Set<Integer> used = new HashSet<>();

    /** The oid of {@code kind} (e.g. "table", "index", "constraint") {@code name} in {@code schema}. */
    synchronized int of(String kind, String schema, String name) {
        String key = kind + '\u0000' + schema + '\u0000' + name;
        Integer known = assigned.get(key);
        if (known != null) {
            return known;
        }
        int span = Integer.MAX_VALUE - FIRST_USER_OID;
        int oid = FIRST_USER_OID + Math.floorMod(key.hashCode(), span);
        while (!used.add(oid)) {
            oid = oid == Integer.MAX_VALUE ? FIRST_USER_OID : oid + 1;
        }
        assigned.put(key, oid);
        return oid;
    }
}
