package io.pgbridge.translation.catalog;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTokens;

import java.util.Set;

/**
 * Whether a statement asks about the catalog: it names a relation of {@code pg_catalog} or {@code
 * information_schema} (qualified, or unqualified as PostgreSQL's search path finds it), or calls a catalog function.
 * Such statements run on the catalog engine instead of a non-PostgreSQL backend.
 */
public final class CatalogQueries {
    /** The relations of the virtual catalog, which unqualified names resolve to as in PostgreSQL (pg_catalog first). */
    static final Set<String> RELATIONS = Set.of("pg_namespace", "pg_class", "pg_attribute", "pg_type", "pg_index",
            "pg_constraint", "pg_attrdef", "pg_description", "pg_database", "pg_roles", "pg_user", "pg_auth_members",
            "pg_am", "pg_tablespace", "pg_collation", "pg_inherits", "pg_enum", "pg_range", "pg_extension",
            "pg_depend", "pg_sequence", "pg_proc", "pg_settings", "pg_policy", "pg_trigger", "pg_statistic_ext",
            "pg_publication", "pg_publication_rel", "pg_publication_namespace", "pg_tables", "pg_views", "pg_language",
            "pg_matviews", "pg_indexes", "pg_shdescription", "pg_stat_gssapi",
            "pg_stat_activity", "pg_stat_user_tables", "pg_operator", "pg_opclass", "pg_opfamily", "pg_conversion",
            "pg_ts_config", "pg_ts_config_map", "pg_ts_parser", "pg_ts_dict", "pg_ts_template", "pg_cast",
            "pg_event_trigger", "pg_db_role_setting", "pg_largeobject_metadata", "pg_subscription",
            "pg_parameter_acl");
    /** Functions that only make sense over the catalog. */
    static final Set<String> FUNCTIONS = Set.of("format_type", "pg_get_expr", "pg_get_indexdef",
            "pg_get_constraintdef", "pg_get_userbyid", "pg_table_is_visible", "pg_type_is_visible",
            "pg_encoding_to_char", "obj_description", "col_description", "shobj_description", "has_table_privilege",
            "has_schema_privilege", "has_database_privilege", "has_column_privilege", "has_function_privilege",
            "has_any_column_privilege", "current_schemas", "pg_relation_size", "pg_total_relation_size",
            "pg_table_size", "pg_indexes_size", "pg_get_partkeydef",
            "pg_postmaster_start_time", "pg_get_function_result", "pg_get_function_arguments",
            "pg_get_function_identity_arguments", "pg_get_viewdef", "pg_show_all_settings", "pg_is_in_recovery",
            "pg_is_wal_replay_paused", "pg_stat_get_numscans", "pg_get_ruledef", "pg_cancel_backend",
            "pg_terminate_backend", "pg_get_keywords", "pg_function_is_visible", "pg_get_statisticsobjdef_columns",
            "pg_get_triggerdef", "pg_relation_is_publishable", "pg_partition_ancestors", "pg_get_function_sqlbody",
            "pg_tablespace_location", "pg_statistics_obj_is_visible", "pg_char_to_encoding",
            "pg_get_functiondef", "pg_operator_is_visible", "pg_opclass_is_visible", "pg_opfamily_is_visible",
            "pg_conversion_is_visible", "pg_ts_config_is_visible", "pg_ts_dict_is_visible", "pg_ts_parser_is_visible",
            "pg_ts_template_is_visible", "pg_collation_is_visible");
    /** The types whose values are catalog objects: a cast to one looks the object up in the catalog. */
    static final Set<String> REG_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure", "regnamespace",
            "regrole");

    private CatalogQueries() {
    }

    /** True when {@code sql} reads the catalog; cheap for statements that do not mention {@code pg_} at all. */
    public static boolean references(String sql) {
        if (!mayReference(sql)) {
            return false;
        }
        SqlTokens t = new SqlTokens(sql);
        for (int i = 0; i < t.size(); i++) {
            String word = name(t, i);
            if (word == null || t.type(i - 1) == SqlLexer.TokenType.DOT) {
                continue;
            }
            if ((word.equals("pg_catalog") || word.equals("information_schema")) && t.type(i + 1) == SqlLexer.TokenType.DOT) {
                return true;
            }
            if (REG_TYPES.contains(word) && t.isOperator(i - 1, "::")) {
                return true;   // 'name'::regclass (::pg_catalog.regclass is caught by its qualifier)
            }
            boolean call = t.type(i + 1) == SqlLexer.TokenType.LEFT_PAREN;
            if (call ? FUNCTIONS.contains(word) : RELATIONS.contains(word) && t.type(i + 1) != SqlLexer.TokenType.DOT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name token {@code i} stands for: an unquoted word in lower case, or a quoted identifier's text
     * ({@code "pg_catalog"}, as query builders that quote every name write it); null for other tokens.
     */
    public static String name(SqlTokens t, int i) {
        if (t.type(i) == SqlLexer.TokenType.IDENTIFIER) {
            return t.word(i);
        }
        String text = t.type(i) == SqlLexer.TokenType.QUOTED_IDENTIFIER ? t.text(i) : null;
        return text == null || !text.startsWith("\"") ? null : text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }

    /**
     * The types parameters are cast to, {@code $1::oid[]} → {@code oid[]} by parameter number: the engine's
     * driver describes no parameter types (H2 says varchar for any), and PostgreSQL gives a cast parameter the
     * cast's type, which clients encode their values in (asyncpg's {@code any($1::oid[])}).
     */
    public static java.util.Map<Integer, String> parameterCasts(String sql) {
        java.util.Map<Integer, String> casts = new java.util.HashMap<>();
        if (sql.indexOf('$') < 0) {
            return casts;
        }
        SqlTokens t = new SqlTokens(sql);
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) != SqlLexer.TokenType.PARAMETER || !t.isOperator(i + 1, "::")) {
                continue;
            }
            int type = t.isWord(i + 2, "pg_catalog") && t.type(i + 3) == SqlLexer.TokenType.DOT ? i + 4 : i + 2;
            if (t.type(type) != SqlLexer.TokenType.IDENTIFIER) {
                continue;
            }
            boolean array = t.type(type + 1) == SqlLexer.TokenType.LEFT_BRACKET
                    && t.type(type + 2) == SqlLexer.TokenType.RIGHT_BRACKET;
            casts.putIfAbsent(Integer.parseInt(t.text(i).substring(1)), t.word(type) + (array ? "[]" : ""));
        }
        return casts;
    }

    private static boolean mayReference(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("pg_") || lower.contains("information_schema") || lower.contains("format_type")
                || lower.contains("obj_description") || lower.contains("col_description") || lower.contains("has_")
                || lower.contains("current_schemas") || lower.contains("::reg") || lower.contains(":: reg")
                || lower.contains("::pg_catalog.reg") || lower.contains("regproc");
    }
}
