package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.ColumnType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills the engine's tables of user objects (schemas, tables, views, columns, defaults, keys, indexes) from the
 * backend's {@link DatabaseMetaData}. The backend's current schema is {@code public} (on MariaDB, the current
 * database; SQLite has no schemas); other schemas keep their names.
 */
final class CatalogLoader {
    /** The tables holding user objects, each with the column of the object's oid (user objects' are 16384 and up). */
    private static final String[][] USER_TABLES = {{"pg_class", "oid"}, {"pg_attribute", "attrelid"},
            {"pg_index", "indexrelid"}, {"pg_constraint", "oid"}, {"pg_attrdef", "oid"}, {"pg_description", "objoid"},
            {"pg_sequence", "seqrelid"}, {"pg_depend", "objid"}, {"pg_rewrite", "oid"},
            {"pg_enum", "oid"}};

    record Relation(String backendSchema, String schema, int namespace, String name, int oid, char kind) {
    }

    private final Connection backend;
    private final Connection engine;
    private final BackendDialect dialect;
    private final CatalogOids oids;
    private final DatabaseMetaData md;
    private final boolean schemasAreCatalogs;
    private final BackendConstraints constraints;
    private final CatalogSequences sequences;
    private final RowTypes rowTypes;
    private final EnumTypes enumTypes;
    /** SQLite's declared types and index key order, which its JDBC metadata lacks; null on other backends. */
    private final SqliteMetadata sqlite;

    CatalogLoader(Connection backend, Connection engine, BackendDialect dialect, CatalogOids oids) throws SQLException {
        this.backend = backend;
        this.engine = engine;
        this.dialect = dialect;
        this.oids = oids;
        this.md = backend.getMetaData();
        this.schemasAreCatalogs = "mariadb".equals(dialect.name());
        this.constraints = new BackendConstraints(backend, dialect.name());
        this.sequences = new CatalogSequences(backend, dialect.name(), this::insert);
        this.rowTypes = new RowTypes(oids, this::insert);
        this.enumTypes = new EnumTypes(backend, dialect.name(), oids, this::insert);
        this.sqlite = "sqlite".equals(dialect.name()) ? new SqliteMetadata(backend, constraints) : null;
    }

    /** Replaces every user object in the engine with what the backend has now. */
    void load() throws SQLException {
        try (Statement st = engine.createStatement()) {
            for (String[] table : USER_TABLES) {
                st.execute("DELETE FROM " + table[0] + " WHERE " + table[1] + " >= 16384");
            }
            st.execute("DELETE FROM pg_namespace WHERE oid >= 16384");
            st.execute("DELETE FROM pg_type WHERE oid >= 16384");
        }
        List<Relation> relations = relations();
        for (Relation relation : relations) {
            insert("INSERT INTO pg_class (oid, relname, relnamespace, reltype, relowner, relam, relhasindex, relkind,"
                            + " relnatts) VALUES (?, ?, ?, 0, ?, ?, false, ?, 0)", relation.oid, relation.name,
                    relation.namespace, CatalogOids.BOOTSTRAP_SUPERUSER, relation.kind == 'r' ? CatalogOids.HEAP : 0,
                    String.valueOf(relation.kind));
            rowTypes.insert(relation.oid, relation.schema, relation.name, relation.namespace);
            Map<String, Integer> attnums = columns(relation);
            if (relation.kind == 'r') {
                keysAndIndexes(relation, attnums);
            } else {
                // A view is a table with a rule in PostgreSQL; pg_get_viewdef reads the rule's query.
                insert("INSERT INTO pg_rewrite (oid, rulename, ev_class, ev_type, is_instead, ev_action)"
                                + " VALUES (?, '_RETURN', ?, '1', true, ?)", oids.of("rule", relation.schema, relation.name),
                        relation.oid, ViewDefinitions.read(backend, dialect.name(), relation.backendSchema, relation.name));
            }
        }
        for (Relation relation : relations) {
            if (relation.kind == 'r') {
                foreignKeys(relation, relations);
            }
        }
        insert("UPDATE pg_class SET relhasrules = true WHERE oid IN (SELECT ev_class FROM pg_rewrite)");   // views
        // PostgreSQL's keys are never inherited by child tables; only checks may be.
        insert("UPDATE pg_constraint SET connoinherit = true WHERE contype <> 'c'");
        // The index of a key or unique constraint depends on it, internally.
        insert("INSERT INTO pg_depend SELECT " + CatalogOids.PG_CLASS + ", conindid, 0, " + CatalogOids.PG_CONSTRAINT
                + ", oid, 0, 'i' FROM pg_constraint WHERE contype IN ('p', 'u') AND conindid <> 0 AND oid >= 16384");
        String current = schemasAreCatalogs ? backend.getCatalog() : currentSchema();
        for (CatalogSequences.Sequence sequence : sequences.backendSequences(current)) {
            String schema = sequence.schema() == null || sequence.schema().equals(current) ? "public" : sequence.schema();
            int oid = oids.of("relation", schema, sequence.name());
            if (!exists(oid)) {   // a serial column's, already there
                sequences.insert(oid, sequence.name(), schema.equals("public") ? CatalogOids.PUBLIC
                        : oids.of("schema", "", schema), sequence.parameters());
            }
        }
        IndexClasses.fill(engine);
        StorageRows.fill(engine, oids);
    }

    private boolean exists(int relation) throws SQLException {
        try (PreparedStatement ps = engine.prepareStatement("SELECT 1 FROM pg_class WHERE oid = ?")) {
            ps.setInt(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<Relation> relations() throws SQLException {
        String current = schemasAreCatalogs ? backend.getCatalog() : currentSchema();
        List<Relation> relations = new ArrayList<>();
        Map<String, Integer> namespaces = new HashMap<>();
        try (ResultSet rs = md.getTables(schemasAreCatalogs ? current : null, schemasAreCatalogs ? null : null, "%",
                new String[] {"TABLE", "BASE TABLE", "VIEW"})) {
            while (rs.next()) {
                String backendSchema = schemasAreCatalogs ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (isSystem(backendSchema, name)) {
                    continue;
                }
                String schema = backendSchema == null || backendSchema.equals(current) ? "public" : backendSchema;
                int namespace = namespaces.computeIfAbsent(schema, this::namespace);
                char kind = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("VIEW") ? 'v' : 'r';
                int oid = oids.of("relation", schema, name);
                relations.add(new Relation(backendSchema, schema, namespace, name, oid, kind));
                String comment = rs.getString("REMARKS");
                // MariaDB's views have no comments: their REMARKS say 'VIEW'.
                if (comment != null && !comment.isEmpty() && !(schemasAreCatalogs && kind == 'v')) {
                    insert("INSERT INTO pg_description VALUES (?, ?, 0, ?)", oid, CatalogOids.PG_CLASS, comment);
                }
            }
        }
        return relations;
    }

    private int namespace(String schema) {
        if (schema.equals("public")) {
            return CatalogOids.PUBLIC;
        }
        int oid = oids.of("schema", "", schema);
        try {
            insert("INSERT INTO pg_namespace (oid, nspname, nspowner) VALUES (?, ?, ?)", oid, schema,
                    CatalogOids.BOOTSTRAP_SUPERUSER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return oid;
    }

    private boolean isSystem(String schema, String name) {
        return name.startsWith("sqlite_") || schema != null
                && (schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("pg_catalog"));
    }

    /** pg_attribute and pg_attrdef rows; returns the attnum of each column name. */
    private Map<String, Integer> columns(Relation relation) throws SQLException {
        Map<String, Integer> attnums = new LinkedHashMap<>();
        TreeMap<Integer, Object[]> byPosition = new TreeMap<>();
        Map<String, ColumnType> declaredTypes = sqlite != null ? sqlite.columnTypes(relation.backendSchema, relation.name)
                : Map.of();
        try (ResultSet rs = md.getColumns(catalog(relation), schemaPattern(relation), escape(relation.name), "%")) {
            while (rs.next()) {
                if (!relation.name.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                ColumnType type = ColumnDefaults.withDeclaredModifier(dialect.tableColumnType(rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")),
                        rs.getString("TYPE_NAME"));
                int declared = TableShapes.declaredOid(dialect, TableShapes.declaredType(rs.getString("REMARKS")));
                int enumType = declared != 0 ? 0 : enumTypes.typeOf(relation.backendSchema(), relation.schema(),
                        relation.namespace(), relation.name(), rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                if (declared != 0) {
                    type = ColumnType.of(declared);   // pgbridge's DDL declared it: MariaDB's arrays, H2's jsonb…
                } else if (enumType != 0) {
                    type = ColumnType.of(enumType);
                } else {
                    type = declaredTypes.getOrDefault(rs.getString("COLUMN_NAME"), type);
                }
                String def = rs.getString("COLUMN_DEF");
                boolean autoIncrement = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new Object[] {rs.getString("COLUMN_NAME"), type,
                        // PostgreSQL's views have no NOT NULL columns; MariaDB's inherit their tables'.
                        relation.kind == 'r' && rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls,
                        autoIncrement ? "nextval('" + relation.name + "_" + rs.getString("COLUMN_NAME") + "_seq'::regclass)"
                                : ColumnDefaults.normalise(def),
                        rs.getString("REMARKS")});
            }
        }
        int attnum = 0;
        for (Object[] column : byPosition.values()) {
            attnum++;
            String name = (String) column[0];
            ColumnType type = (ColumnType) column[1];
            String def = (String) column[3];
            attnums.put(name, attnum);
            insert("INSERT INTO pg_attribute (attrelid, attname, atttypid, attlen, attnum, atttypmod, attnotnull,"
                            + " atthasdef, attcollation) VALUES (?, ?, ?, -1, ?, ?, ?, ?, ?)", relation.oid, name,
                    type.oid(), attnum, type.typeModifier(), column[2], def != null,
                    isText(type.oid()) ? CatalogOids.DEFAULT_COLLATION : 0);
            if (def != null && def.startsWith("nextval('" + relation.name + "_" + name + "_seq'")) {
                sequences.insertSerial(oids.of("relation", relation.schema, relation.name + "_" + name + "_seq"),
                        relation.name + "_" + name + "_seq", relation.namespace, relation.oid, attnum, type.oid());
            }
            if (def != null) {
                insert("INSERT INTO pg_attrdef (oid, adrelid, adnum, adbin) VALUES (?, ?, ?, ?)",
                        oids.of("default", relation.schema, relation.name + "." + name), relation.oid, attnum, def);
            }
            String comment = TableShapes.userComment((String) column[4]);
            if (comment != null) {
                insert("INSERT INTO pg_description VALUES (?, ?, ?, ?)", relation.oid, CatalogOids.PG_CLASS, attnum, comment);
            }
        }
        insert("UPDATE pg_class SET relnatts = ? WHERE oid = ?", attnum, relation.oid);
        insert("UPDATE pg_attribute a SET (attlen, attbyval, attalign, attstorage) = (SELECT t.typlen, t.typbyval,"
                + " t.typalign, t.typstorage FROM pg_type t WHERE t.oid = a.atttypid) WHERE attrelid = ?", relation.oid);
        if (relation.kind == 'r') {
            // A table's system columns, as PostgreSQL lists them (a view has none).
            insert("INSERT INTO pg_attribute (attrelid, attname, atttypid, attstattarget, attlen, attnum, atttypmod,"
                    + " attbyval, attalign, attnotnull, atthasdef) SELECT ?, name, type, 0, len, num, -1, len <> 6,"
                    + " CASE WHEN len = 6 THEN 's' ELSE 'i' END, true, false FROM (VALUES ('ctid', 27, 6, -1),"
                    + " ('xmin', 28, 4, -2), ('cmin', 29, 4, -3), ('xmax', 28, 4, -4), ('cmax', 29, 4, -5),"
                    + " ('tableoid', 26, 4, -6)) AS s(name, type, len, num)", relation.oid);
        }
        return attnums;
    }

    private static boolean isText(int oid) {
        return oid == 25 || oid == 1043 || oid == 1042;
    }

    /** The primary key (as PostgreSQL has it: a constraint and its index of the same name) and the other indexes. */
    private void keysAndIndexes(Relation relation, Map<String, Integer> attnums) throws SQLException {
        TreeMap<Integer, String> pkColumns = new TreeMap<>();
        String pkName = null;
        try (ResultSet rs = md.getPrimaryKeys(catalog(relation), relation.backendSchema, relation.name)) {
            while (rs.next()) {
                pkColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                pkName = rs.getString("PK_NAME");
            }
        }
        Map<String, IndexShape> indexes = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog(relation), relation.backendSchema, relation.name, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                IndexShape shape = indexes.computeIfAbsent(index, k -> new IndexShape(new TreeMap<>(), new TreeMap<>(), false));
                int position = rs.getShort("ORDINAL_POSITION");
                shape.columns().put(position, column == null ? "" : column);
                // PostgreSQL's indoption: DESC (1) with its default NULLS FIRST (2), which the backends' defaults match.
                boolean descending = sqlite != null ? sqlite.isDescending(index, position)
                        : "D".equals(rs.getString("ASC_OR_DESC"));
                shape.options().put(position, descending ? (short) 3 : (short) 0);
                indexes.put(index, new IndexShape(shape.columns(), shape.options(), !rs.getBoolean("NON_UNIQUE")));
            }
        }
        if (!pkColumns.isEmpty()) {
            List<String> pk = List.copyOf(pkColumns.values());
            // The backend's own index behind the key (MariaDB's PRIMARY, H2's PRIMARY_KEY_…) becomes PostgreSQL's.
            indexes.entrySet().removeIf(e -> e.getValue().unique() && List.copyOf(e.getValue().columns().values()).equals(pk)
                    && (e.getKey().equals("PRIMARY") || e.getKey().toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY")
                    || e.getKey().startsWith("sqlite_autoindex")));
            boolean named = pkName != null && !pkName.isEmpty() && !"PRIMARY".equals(pkName)
                    && !pkName.toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY") && !pkName.startsWith("CONSTRAINT_");
            String name = named ? pkName : relation.name + "_pkey";
            int indexOid = index(relation, name, pk, java.util.Collections.nCopies(pk.size(), (short) 0), attnums, true, true);
            for (String column : pk) {   // SQLite's metadata says an INTEGER PRIMARY KEY may be null
                insert("UPDATE pg_attribute SET attnotnull = true WHERE attrelid = ? AND attname = ?", relation.oid, column);
            }
            insert("INSERT INTO pg_constraint (oid, conname, connamespace, contype, conrelid, conindid, conkey)"
                            + " VALUES (?, ?, ?, 'p', ?, ?, ?)", oids.of("constraint", relation.schema, name), name,
                    relation.namespace, relation.oid, indexOid, attnumArray(pk, attnums));
        }
        Map<String, String> uniqueConstraints = constraints.uniqueConstraintIndexes(relation.backendSchema, relation.name);
        for (var e : indexes.entrySet()) {
            List<String> columns = List.copyOf(e.getValue().columns().values());
            // PostgreSQL names a UNIQUE constraint's index after the constraint, an unnamed one <table>_<columns>_key.
            String constraint = e.getKey().startsWith("sqlite_autoindex") ? ConstraintNames.unique(relation.name, columns)
                    : uniqueConstraints.get(e.getKey());
            if (constraint != null && ConstraintNames.isGenerated(constraint, relation.name, columns)) {
                constraint = ConstraintNames.unique(relation.name, columns);
            }
            int indexOid = index(relation, constraint != null ? constraint : e.getKey(), columns,
                    List.copyOf(e.getValue().options().values()), attnums, e.getValue().unique(), false);
            if (constraint != null && e.getValue().unique()) {
                insert("INSERT INTO pg_constraint (oid, conname, connamespace, contype, conrelid, conindid, conkey)"
                                + " VALUES (?, ?, ?, 'u', ?, ?, ?)", oids.of("constraint", relation.schema, constraint),
                        constraint, relation.namespace, relation.oid, indexOid, attnumArray(columns, attnums));
            }
        }
        checks(relation, attnums);
    }

    /** CHECK constraints, with the columns their condition names as conkey, and their number in relchecks. */
    private void checks(Relation relation, Map<String, Integer> attnums) throws SQLException {
        List<BackendConstraints.Check> checks = constraints.checks(relation.backendSchema, relation.name);
        for (BackendConstraints.Check check : checks) {
            // conkey: the columns the condition names, in the order it names them first
            Map<Integer, String> named = new TreeMap<>();
            for (String column : attnums.keySet()) {
                var m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(column) + "\\b")
                        .matcher(check.clause());
                if (m.find()) {
                    named.put(m.start(), column);
                }
            }
            List<String> columns = List.copyOf(named.values());
            String name = ConstraintNames.isGenerated(check.name(), relation.name, List.of())
                    ? ConstraintNames.check(relation.name, columns) : check.name();
            insert("INSERT INTO pg_constraint (oid, conname, connamespace, contype, conrelid, conkey, conbin)"
                            + " VALUES (?, ?, ?, 'c', ?, ?, ?)", oids.of("constraint", relation.schema, name),
                    name, relation.namespace, relation.oid, attnumArray(columns, attnums), "(" + check.clause() + ")");
        }
        insert("UPDATE pg_class SET relchecks = ? WHERE oid = ?", checks.size(), relation.oid);
    }

    private record IndexShape(TreeMap<Integer, String> columns, TreeMap<Integer, Short> options, boolean unique) {
    }

    private int index(Relation relation, String name, List<String> columns, List<Short> options,
                      Map<String, Integer> attnums, boolean unique, boolean primary) throws SQLException {
        int oid = oids.of("relation", relation.schema, name);
        insert("INSERT INTO pg_class (oid, relname, relnamespace, reltype, relowner, relam, relhasindex, relkind, relnatts)"
                        + " VALUES (?, ?, ?, 0, ?, ?, false, 'i', ?)", oid, name, relation.namespace,
                CatalogOids.BOOTSTRAP_SUPERUSER, CatalogOids.BTREE, columns.size());
        insert("INSERT INTO pg_index (indexrelid, indrelid, indnatts, indnkeyatts, indisunique, indisprimary, indkey,"
                        + " indoption) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", oid, relation.oid, columns.size(), columns.size(),
                unique, primary, attnumArray(columns, attnums), options.toArray(Short[]::new));
        insert("UPDATE pg_class SET relhasindex = true WHERE oid = ?", relation.oid);
        return oid;
    }

    private void foreignKeys(Relation relation, List<Relation> relations) throws SQLException {
        Map<String, List<String[]>> keys = new LinkedHashMap<>();
        Map<String, String[]> targets = new HashMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog(relation), relation.backendSchema, relation.name)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String fkColumn = rs.getString("FKCOLUMN_NAME");
                if (name == null || name.isEmpty()) {
                    name = relation.name + "_" + fkColumn + "_fkey";
                }
                keys.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[] {fkColumn, rs.getString("PKCOLUMN_NAME")});
                targets.put(name, new String[] {rs.getString(schemasAreCatalogs ? "PKTABLE_CAT" : "PKTABLE_SCHEM"),
                        rs.getString("PKTABLE_NAME"), action(rs.getShort("UPDATE_RULE")),
                        action(rs.getShort("DELETE_RULE"))});
            }
        }
        for (var e : keys.entrySet()) {
            String[] target = targets.get(e.getKey());
            Relation referenced = relations.stream().filter(r -> r.name.equals(target[1])
                    && (target[0] == null || target[0].equals(r.backendSchema))).findFirst().orElse(null);
            if (referenced == null) {
                continue;
            }
            List<String> fkColumns = e.getValue().stream().map(c -> c[0]).toList();
            List<String> pkColumns = e.getValue().stream().map(c -> c[1]).toList();
            Integer[] conkey = attnumArray(fkColumns, attnumsOf(relation));
            Integer[] confkey = attnumArray(pkColumns, attnumsOf(referenced));
            String name = ConstraintNames.isGenerated(e.getKey(), relation.name, List.of())
                    ? ConstraintNames.foreignKey(relation.name, fkColumns) : e.getKey();
            Integer[] operators = EqualityOperators.of(engine, relation.oid, conkey, referenced.oid, confkey);
            insert("INSERT INTO pg_constraint (oid, conname, connamespace, contype, conrelid, conindid, confrelid,"
                            + " confupdtype, confdeltype, confmatchtype, conkey, confkey, conpfeqop, conppeqop, conffeqop)"
                            + " VALUES (?, ?, ?, 'f', ?, ?, ?, ?, ?, 's', ?, ?, ?, ?, ?)",
                    oids.of("constraint", relation.schema, name), name, relation.namespace, relation.oid,
                    referencedIndex(referenced.oid, confkey), referenced.oid, target[2], target[3], conkey, confkey,
                    operators, operators, operators);
            // psql lists foreign keys (and "Referenced by") only for tables with triggers, which FKs are in PostgreSQL.
            insert("UPDATE pg_class SET relhastriggers = true WHERE oid IN (?, ?)", relation.oid, referenced.oid);
            // MariaDB and H2 index the referencing columns by themselves, which PostgreSQL does not.
            dropIndexBehind(relation, conkey, e.getKey(), fkColumns.getFirst());
        }
    }

    /**
     * The index a backend made for foreign key {@code key}: MariaDB's is named after it or its first column, H2's
     * {@code key_INDEX_n}, or {@code CONSTRAINT_INDEX_n} for a key it named itself.
     */
    private void dropIndexBehind(Relation relation, Integer[] columns, String key, String firstColumn) throws SQLException {
        for (String pattern : new String[] {literalPattern(key), literalPattern(firstColumn),
                literalPattern(key) + "\\_INDEX\\_%", "CONSTRAINT\\_INDEX\\_%"}) {
            try (PreparedStatement ps = engine.prepareStatement("SELECT i.indexrelid FROM pg_index i JOIN pg_class c"
                    + " ON c.oid = i.indexrelid WHERE i.indrelid = ? AND NOT i.indisunique AND i.indkey = ?"
                    + " AND c.relname LIKE ? ESCAPE '\\'")) {
                ps.setInt(1, relation.oid);
                ps.setObject(2, columns);
                ps.setString(3, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        int index = rs.getInt(1);
                        insert("DELETE FROM pg_index WHERE indexrelid = ?", index);
                        insert("DELETE FROM pg_class WHERE oid = ?", index);
                        return;
                    }
                }
            }
        }
    }

    private static String literalPattern(String name) {
        return name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    private Map<String, Integer> attnumsOf(Relation relation) throws SQLException {
        Map<String, Integer> attnums = new HashMap<>();
        try (PreparedStatement ps = engine.prepareStatement("SELECT attname, attnum FROM pg_attribute WHERE attrelid = ? AND attnum > 0")) {
            ps.setInt(1, relation.oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attnums.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return attnums;
    }

    /** The unique index on the referenced columns, which PostgreSQL records as the key's conindid. */
    private int referencedIndex(int table, Integer[] columns) throws SQLException {
        try (PreparedStatement ps = engine.prepareStatement(
                "SELECT indexrelid FROM pg_index WHERE indrelid = ? AND indisunique AND indkey = ? ORDER BY indisprimary DESC")) {
            ps.setInt(1, table);
            ps.setObject(2, columns);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** pg_constraint's action code; MariaDB reports its default (NO ACTION, the same as its RESTRICT) as RESTRICT. */
    private String action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "c";
            case DatabaseMetaData.importedKeySetNull -> "n";
            case DatabaseMetaData.importedKeySetDefault -> "d";
            case DatabaseMetaData.importedKeyRestrict -> schemasAreCatalogs ? "a" : "r";
            default -> "a";
        };
    }

    private static Integer[] attnumArray(List<String> columns, Map<String, Integer> attnums) {
        return columns.stream().map(c -> attnums.getOrDefault(c, 0)).toArray(Integer[]::new);
    }

    private String catalog(Relation relation) {
        return schemasAreCatalogs ? relation.backendSchema : null;
    }

    private String schemaPattern(Relation relation) throws SQLException {
        return schemasAreCatalogs ? null : escape(relation.backendSchema);
    }

    private String currentSchema() {
        return TableShapes.currentSchema(backend);
    }

    private String escape(String name) throws SQLException {
        return TableShapes.escape(md, name);
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = engine.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
