package io.pgbridge.proxy.catalog;

import io.pgbridge.translation.catalog.CatalogSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's catalog functions as Java methods the catalog engine's H2 calls ({@code CREATE ALIAS}); those that look
 * things up read the virtual tables through the calling connection. Definitions: {@link CatalogDefinitions}.
 */
public final class CatalogFunctions {
    private static final String[][] ALIASES = {
            {"format_type", "formatType"}, {"pg_get_userbyid", "userById"}, {"pg_table_is_visible", "tableIsVisible"},
            {"pg_type_is_visible", "typeIsVisible"}, {"pg_function_is_visible", "alwaysTrue"},
            {"pg_encoding_to_char", "encodingName"}, {"pg_get_expr", "expression"},
            {"pg_get_indexdef", "indexDefinition"}, {"pg_get_constraintdef", "constraintDefinition"},
            {"obj_description", "objectDescription"}, {"col_description", "columnDescription"},
            {"shobj_description", "sharedObjectDescription"}, {"has_table_privilege", "hasPrivilege"},
            {"has_schema_privilege", "hasPrivilege"}, {"has_database_privilege", "hasPrivilege"},
            {"has_column_privilege", "hasPrivilege"}, {"has_function_privilege", "hasPrivilege"},
            {"has_any_column_privilege", "hasPrivilege"},
            {"current_schemas", "currentSchemas"}, {"array_to_string", "arrayToString"},
            {"pg_relation_size", "relationSize"}, {"pg_total_relation_size", "relationSize"},
            {"pg_table_size", "relationSize"}, {"pg_indexes_size", "relationSize"}, {"pg_size_pretty", "sizePretty"},
            {"pg_get_partkeydef", "noText"}, {"pg_get_statisticsobjdef_columns", "noText"},
            {"pg_get_triggerdef", "noText"}, {"pg_relation_is_publishable", "alwaysFalse"},
            {"pgbridge_regclass_oid", "regclassOid"}, {"pgbridge_regclass_name", "regclassName"},
            {"pgbridge_regtype_oid", "regtypeOid"}, {"pgbridge_regtype_name", "regtypeName"},
            {"pgbridge_regproc_oid", "regprocOid"}, {"pgbridge_regprocedure_oid", "regprocedureOid"},
            {"pgbridge_regnamespace_oid", "regnamespaceOid"},
            {"pgbridge_regnamespace_name", "regnamespaceName"}, {"pgbridge_regrole_oid", "regroleOid"},
            {"pgbridge_regrole_name", "userById"}, {"array_upper", "arrayUpper"},
            {"pg_partition_ancestors", "partitionAncestors"}, {"pg_get_function_result", "functionResult"},
            {"pg_get_function_arguments", "functionArguments"},
            {"pg_get_function_identity_arguments", "functionIdentityArguments"},
            {"pg_get_function_sqlbody", "functionSqlBody"},
            {"pg_get_viewdef", "viewDefinition"}, {"pgbridge_array_map", "arrayMap"},
            {"pgbridge_scalar_query", "scalarQuery"}, {"pgbridge_array_query", "arrayQuery"},
            {"pg_show_all_settings", "allSettings"}, {"pg_is_in_recovery", "notInRecovery"},
            {"pg_is_wal_replay_paused", "notInRecovery"}, {"pg_stat_get_numscans", "noScans"},
            {"pg_get_ruledef", "noText"}, {"pg_tablespace_location", "defaultLocation"},
            {"pg_char_to_encoding", "encodingNumber"}, {"current_setting", "currentSetting"},
            {"pg_get_functiondef", "functionDefinition"}, {"pg_statistics_obj_is_visible", "alwaysTrue"},
            // PostgreSQL's built-in operators, operator classes… are all in pg_catalog, always on the search path
            {"pg_operator_is_visible", "alwaysTrue"}, {"pg_opclass_is_visible", "alwaysTrue"},
            {"pg_opfamily_is_visible", "alwaysTrue"}, {"pg_conversion_is_visible", "alwaysTrue"},
            {"pg_ts_config_is_visible", "alwaysTrue"}, {"pg_ts_dict_is_visible", "alwaysTrue"},
            {"pg_ts_parser_is_visible", "alwaysTrue"}, {"pg_ts_template_is_visible", "alwaysTrue"},
            {"pg_collation_is_visible", "alwaysTrue"}};

    private CatalogFunctions() {
    }

    static void register(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] alias : ALIASES) {
                String name = alias[0].startsWith(CatalogSql.PREFIX) ? alias[0] : CatalogSql.PREFIX + alias[0];
                st.execute("CREATE ALIAS " + name + " FOR '" + CatalogFunctions.class.getName() + "." + alias[1] + "'");
            }
        }
    }

    /** {@code format_type(type_oid, typemod)}: the type's SQL name with its modifier, as psql shows column types. */
    public static String formatType(Connection c, Integer oid, Integer typmod) throws SQLException {
        if (oid == null) {
            return null;
        }
        String name = lookup(c, "SELECT typname FROM pg_type WHERE oid = ?", oid);
        if (name == null) {
            return "???";
        }
        String schema = lookup(c, "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.oid = ? AND n.oid NOT IN (" + CatalogOids.PG_CATALOG + ", " + CatalogOids.PUBLIC + ")", oid);
        if (schema == null) {
            return TypeNames.format(oid, name, typmod == null ? -1 : typmod);
        }
        String element = lookup(c, "SELECT typelem FROM pg_type WHERE oid = ? AND typcategory = 'A'", oid);
        return element != null ? formatType(c, Integer.valueOf(element), null) + "[]" : TypeNames.qualified(schema, name);
    }

    /** Visible when its schema is on the search path: pg_catalog and public (information_schema's domains are not). */
    public static Boolean typeIsVisible(Connection c, Integer oid) throws SQLException {
        String nsp = lookup(c, "SELECT typnamespace FROM pg_type WHERE oid = ?", oid);
        return nsp == null ? null : nsp.equals(String.valueOf(CatalogOids.PG_CATALOG))
                || nsp.equals(String.valueOf(CatalogOids.PUBLIC));
    }

    public static String userById(Connection c, Integer oid) throws SQLException {
        if (oid == null) {
            return null;
        }
        String name = lookup(c, "SELECT rolname FROM pg_roles WHERE oid = ?", oid);
        return name != null ? name : "unknown (OID=" + oid + ")";
    }

    /** Visible when its schema is on the search path: pg_catalog and public, which the engine's sessions have. */
    public static Boolean tableIsVisible(Connection c, Integer oid) throws SQLException {
        String nsp = lookup(c, "SELECT relnamespace FROM pg_class WHERE oid = ?", oid);
        return nsp == null ? null : nsp.equals(String.valueOf(CatalogOids.PG_CATALOG))
                || nsp.equals(String.valueOf(CatalogOids.PUBLIC));
    }

    public static Boolean alwaysTrue(Integer oid) {
        return oid == null ? null : true;
    }

    public static Boolean alwaysFalse(Integer oid) {
        return oid == null ? null : false;
    }

    /** PostgreSQL 15's encodings by number (pg_wchar.h's order), as pg_encoding_to_char names them. */
    private static final List<String> ENCODINGS = List.of("SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW",
            "EUC_JIS_2004", "UTF8", "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7",
            "LATIN8", "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252",
            "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255",
            "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "SHIFT_JIS_2004");

    public static String encodingName(Integer encoding) {
        if (encoding == null) {
            return null;
        }
        return encoding >= 0 && encoding < ENCODINGS.size() ? ENCODINGS.get(encoding) : "";
    }

    /** pg_char_to_encoding: the number of an encoding's name (any case), -1 for a name PostgreSQL does not know. */
    public static Integer encodingNumber(String name) {
        return name == null ? null : ENCODINGS.indexOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code pg_get_expr}: the engine keeps expressions (defaults, predicates) as their text. */
    public static String expression(String text, Integer relation) {
        return text;
    }

    public static String expression(String text, Integer relation, Boolean pretty) {
        return text;
    }

    public static String indexDefinition(Connection c, Integer index) throws SQLException {
        return CatalogDefinitions.index(c, index, 0);
    }

    public static String indexDefinition(Connection c, Integer index, Integer column, Boolean pretty) throws SQLException {
        return CatalogDefinitions.index(c, index, column == null ? 0 : column);
    }

    public static String constraintDefinition(Connection c, Integer constraint) throws SQLException {
        return CatalogDefinitions.constraint(c, constraint, false);
    }

    public static String constraintDefinition(Connection c, Integer constraint, Boolean pretty) throws SQLException {
        return CatalogDefinitions.constraint(c, constraint, Boolean.TRUE.equals(pretty));
    }

    public static String objectDescription(Connection c, Integer oid) throws SQLException {
        return lookup(c, "SELECT description FROM pg_description WHERE objoid = ? AND objsubid = 0", oid);
    }

    /** The description of object {@code oid} of catalog {@code catalog} (type and function oids overlap). */
    public static String objectDescription(Connection c, Integer oid, String catalog) throws SQLException {
        if (oid == null || catalog == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT description FROM pg_description WHERE objoid = ?"
                + " AND objsubid = 0 AND classoid = (SELECT oid FROM pg_class WHERE relname = ? AND relnamespace = "
                + CatalogOids.PG_CATALOG + ")")) {
            ps.setInt(1, oid);
            ps.setString(2, QuotedNames.lastPart(catalog));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static String sharedObjectDescription(Connection c, Integer oid, String catalog) throws SQLException {
        return objectDescription(c, oid);
    }

    public static String columnDescription(Connection c, Integer oid, Integer column) throws SQLException {
        if (oid == null || column == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT description FROM pg_description WHERE objoid = ? AND objsubid = ?")) {
            ps.setInt(1, oid);
            ps.setInt(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Privileges are the backend's business; the catalog answers as PostgreSQL does for an object's owner. */
    public static Boolean hasPrivilege(String object, String privilege) {
        return true;
    }

    public static Boolean hasPrivilege(String user, String object, String privilege) {
        return true;
    }

    public static Boolean hasPrivilege(String user, String object, String column, String privilege) {
        return true;
    }

    public static String[] currentSchemas(Boolean includeImplicit) {
        return Boolean.TRUE.equals(includeImplicit) ? new String[] {"pg_catalog", "public"} : new String[] {"public"};
    }

    /** Arrays come as {@link java.sql.Array}: H2 converts no typed array (smallint, varchar) to {@code Object[]}. */
    public static String arrayToString(java.sql.Array array, String separator) throws SQLException {
        if (array == null || separator == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Object element : (Object[]) array.getArray()) {
            if (element != null) {
                out.append(out.isEmpty() ? "" : separator).append(element);
            }
        }
        return out.toString();
    }

    /** The text array of {@code query} (one parameter, one result column) run for each element of {@code array}. */
    public static String[] arrayMap(Connection c, java.sql.Array array, String query) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] elements = (Object[]) array.getArray();
        String[] mapped = new String[elements.length];
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < elements.length; i++) {
                ps.setObject(1, elements[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    mapped[i] = rs.next() ? rs.getString(1) : null;
                }
            }
        }
        return mapped;
    }

    /**
     * A scalar subquery H2 cannot correlate (a WITH that refers to the outer query, {@code CorrelatedWithQueries}):
     * run with the outer values as its parameters; its first value as text, null when it has no row.
     */
    public static String scalarQuery(Connection c, String query, String... outer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < outer.length; i++) {
                ps.setString(i + 1, outer[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * {@code ARRAY(WITH …)} H2 cannot correlate ({@code CorrelatedWithQueries}): run with the outer values as its
     * parameters; the first column of its rows, in order, as text.
     */
    public static String[] arrayQuery(Connection c, String query, String... outer) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < outer.length; i++) {
                ps.setString(i + 1, outer[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values.toArray(String[]::new);
    }

    /** The view's query as the backend keeps it (PostgreSQL prints its own deparse; pgbridge has the backend's). */
    public static String viewDefinition(Connection c, Integer view) throws SQLException {
        return lookup(c, "SELECT ev_action FROM pg_rewrite WHERE ev_class = ? AND rulename = '_RETURN'", view);
    }

    public static String viewDefinition(Connection c, Integer view, Boolean pretty) throws SQLException {
        return viewDefinition(c, view);
    }

    public static Integer arrayUpper(java.sql.Array array, Integer dimension) throws SQLException {
        if (array == null || dimension == null || dimension != 1) {
            return null;
        }
        int length = ((Object[]) array.getArray()).length;
        return length == 0 ? null : length;
    }

    /** Without partitions, a relation's only ancestor is itself. */
    public static Integer partitionAncestors(Integer oid) {
        return oid;
    }

    /**
     * pg_relation_size and pg_total_relation_size: 0 bytes, pgbridge knowing no sizes. Their argument is a regclass, so
     * a name in quotes is looked up ({@code pg_relation_size('t')}, 42P01 when there is no such relation), as
     * PostgreSQL reads an untyped literal; an oid is taken as it is.
     */
    public static Long relationSize(Connection c, String relation) throws SQLException {
        return regclassOid(c, relation) == null ? null : 0L;
    }

    /**
     * {@code pg_size_pretty(bigint)} as PostgreSQL 15 writes it: bytes below 10 kB, then kB, MB, GB, TB and PB, each
     * used below 20 of itself, half-rounded.
     */
    public static String sizePretty(Long size) {
        if (size == null) {
            return null;
        }
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        long value = size;
        for (int i = 0; ; i++) {
            long limit = i == 0 ? 10 * 1024 : 20 * 1024 - 1;
            if (i == units.length - 1 || Math.abs(value) < limit) {
                return (i == 0 ? value : (value + (value < 0 ? -1 : 1)) / 2) + " " + units[i];
            }
            // kB and larger keep one bit more for the half-rounding; bytes round nothing
            value /= 1L << (i == 0 ? 9 : 10);
        }
    }

    /** pgbridge keeps no index statistics: no scans counted. */
    public static Long noScans(Integer oid) {
        return oid == null ? null : 0L;
    }

    /** A pgbridge backend is never a standby replaying WAL. */
    public static Boolean notInRecovery() {
        return false;
    }

    /** {@code pg_show_all_settings()}, the function behind pg_settings, in FROM. */
    public static ResultSet allSettings(Connection c) throws SQLException {
        return c.createStatement().executeQuery("SELECT * FROM pg_settings");
    }

    /** pg_tablespace_location: the data directory's own tablespaces (the only ones) have none, the empty string. */
    public static String defaultLocation(Integer oid) {
        return oid == null ? null : "";
    }

    public static String noText(Integer oid) {
        return null;
    }

    public static String noText(Integer oid, Boolean pretty) {
        return null;
    }

    /** {@code 'name'::regclass}: the oid of the relation (a number in quotes is taken as the oid itself). */
    public static Integer regclassOid(Connection c, String name) throws SQLException {
        return regOid(c, name, "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ?"
                + " ORDER BY n.oid = " + CatalogOids.PG_CATALOG + " DESC, n.nspname = 'public' DESC", "relation");
    }

    public static String regclassName(Connection c, Integer oid) throws SQLException {
        if (oid != null && oid == 0) {
            return "-";
        }
        String name = lookup(c, "SELECT relname FROM pg_class WHERE oid = ?", oid);
        return name != null ? QuotedNames.quoteIfNeeded(name) : oid == null ? null : String.valueOf(oid);
    }

    /** {@code 'name'::regtype}, where the name may be SQL's ({@code integer}, {@code double precision}, {@code text[]}). */
    public static Integer regtypeOid(Connection c, String name) throws SQLException {
        return regOid(c, name == null ? null : TypeNames.typname(name), "SELECT oid FROM pg_type WHERE typname = ?",
                "type");
    }

    public static String regtypeName(Connection c, Integer oid) throws SQLException {
        return oid == null ? null : oid == 0 ? "-" : formatType(c, oid, null);
    }

    /** {@code 'int4in'::regproc}: the oid of the one built-in function of that name. */
    public static Long regprocOid(String name) throws SQLException {
        return name == null ? null : BuiltinFunctions.regprocOid(name);
    }

    /** {@code 'int4pl(integer,integer)'::regprocedure}: the oid of the built-in function with those arguments. */
    public static Long regprocedureOid(String signature) throws SQLException {
        return signature == null ? null : BuiltinFunctions.regprocedureOid(signature);
    }

    public static String functionArguments(Integer oid) {
        return FunctionSignatures.arguments(oid, true);
    }

    public static String functionIdentityArguments(Integer oid) {
        return FunctionSignatures.arguments(oid, false);
    }

    public static String currentSetting(Connection c, String name) throws SQLException {
        return CatalogSettings.currentSetting(c, name, false);
    }

    public static String currentSetting(Connection c, String name, Boolean missingOk) throws SQLException {
        return CatalogSettings.currentSetting(c, name, missingOk);
    }

    public static String functionDefinition(Integer oid) throws SQLException {
        return FunctionDefinitions.definition(oid);
    }

    public static String functionResult(Integer oid) {
        return FunctionSignatures.result(oid);
    }

    /** A built-in SQL function's body as PostgreSQL deparses it (kept so in pg_proc.prosqlbody). */
    public static String functionSqlBody(Connection c, Integer oid) throws SQLException {
        return lookup(c, "SELECT prosqlbody FROM pg_proc WHERE oid = ?", oid);
    }

    public static Integer regnamespaceOid(Connection c, String name) throws SQLException {
        return regOid(c, name, "SELECT oid FROM pg_namespace WHERE nspname = ?", "schema");
    }

    public static String regnamespaceName(Connection c, Integer oid) throws SQLException {
        return lookup(c, "SELECT nspname FROM pg_namespace WHERE oid = ?", oid);
    }

    public static Integer regroleOid(Connection c, String name) throws SQLException {
        return regOid(c, name, "SELECT oid FROM pg_roles WHERE rolname = ?", "role");
    }

    private static Integer regOid(Connection c, String name, String query, String kind) throws SQLException {
        if (name == null) {
            return null;
        }
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(name);
        }
        String unqualified = QuotedNames.lastPart(name);
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, unqualified);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        throw new SQLException(kind + " \"" + name + "\" does not exist",
                kind.equals("relation") ? "42P01" : kind.equals("type") ? "42704" : kind.equals("schema") ? "3F000" : "42704");
    }

    private static String lookup(Connection c, String query, Integer key) throws SQLException {
        if (key == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setInt(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
