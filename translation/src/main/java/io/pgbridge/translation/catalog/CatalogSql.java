package io.pgbridge.translation.catalog;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.h2.H2Translator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog query as the catalog engine (H2 in PostgreSQL mode, the virtual tables first on its search path) runs
 * it: {@code pg_catalog.} qualifiers dropped (H2 has a {@code pg_catalog} of its own, which describes H2's tables),
 * {@code OPERATOR(pg_catalog.~)} as {@code ~}, {@code COLLATE …} dropped (the engine has one collation), and the
 * {@code reg*} casts as calls of the engine's functions: a literal cast to {@code regclass} becomes the oid it names,
 * an oid column cast to it the name it has. The rest is the H2 translator's work.
 */
public final class CatalogSql {
    /** The engine's function for {@code 'name'::regX} (an oid) and for {@code column::regX} (a name). */
    private static final Map<String, String[]> REG_TYPES = Map.of(
            "regclass", new String[] {"pgbridge_regclass_oid", "pgbridge_regclass_name"},
            "regtype", new String[] {"pgbridge_regtype_oid", "pgbridge_regtype_name"},
            "regnamespace", new String[] {"pgbridge_regnamespace_oid", "pgbridge_regnamespace_name"},
            "regrole", new String[] {"pgbridge_regrole_oid", "pgbridge_regrole_name"});
    /**
     * The engine keeps regproc and regprocedure values as the function's oid, in a numeric of a precision of its own
     * that the proxy sends as that type (its text: the function's name): {@code 'int4in'::regproc} is the oid
     * {@code 'int4in'} names, {@code typinput::regproc} the column itself, both typed so.
     */
    private static final Map<String, String[]> FUNCTION_TYPES = Map.of(
            "regproc", new String[] {"pgbridge_regproc_oid", "numeric(12)"},
            "regprocedure", new String[] {"pgbridge_regprocedure_oid", "numeric(13)"});
    /**
     * The catalog functions the engine has, each as {@code pgbridge_} + its name: H2's PostgreSQL mode has built-in
     * functions of some of these names, which describe H2's own tables and would win over an alias.
     */
    public static final Set<String> ENGINE_FUNCTIONS = Set.of("format_type", "pg_get_userbyid", "pg_table_is_visible",
            "pg_type_is_visible", "pg_function_is_visible", "pg_encoding_to_char", "pg_get_expr", "pg_get_indexdef",
            "pg_get_constraintdef", "obj_description", "col_description", "shobj_description", "has_table_privilege",
            "has_schema_privilege", "has_database_privilege", "has_column_privilege", "has_function_privilege",
            "current_schemas", "array_to_string", "pg_relation_size", "pg_total_relation_size", "pg_table_size",
            "pg_indexes_size", "pg_size_pretty", "pg_get_partkeydef",
            "pg_get_statisticsobjdef_columns", "pg_get_triggerdef", "pg_relation_is_publishable", "array_upper",
            "pg_partition_ancestors", "pg_get_function_result", "pg_get_function_arguments",
            "pg_get_function_identity_arguments", "pg_get_viewdef", "pg_show_all_settings", "pg_is_in_recovery",
            "pg_is_wal_replay_paused", "pg_stat_get_numscans", "pg_get_ruledef", "pg_cancel_backend",
            "pg_terminate_backend", "pg_get_function_sqlbody", "has_any_column_privilege", "string_to_array",
            "array_lower", "array_length", "parse_ident", "quote_ident", "format", "pg_tablespace_location",
            "pg_statistics_obj_is_visible", "pg_char_to_encoding", "pg_get_functiondef", "current_setting",
            "pg_operator_is_visible", "pg_opclass_is_visible", "pg_opfamily_is_visible", "pg_conversion_is_visible",
            "pg_ts_config_is_visible", "pg_ts_dict_is_visible", "pg_ts_parser_is_visible", "pg_ts_template_is_visible",
            "pg_collation_is_visible");
    /** The engine functions whose PostgreSQL counterparts return {@code name}. */
    private static final Set<String> NAME_RESULTS = Set.of("pg_encoding_to_char", "pg_get_userbyid");
    /** The engine's schema of PostgreSQL's information_schema views: H2 keeps {@code information_schema} for its own. */
    public static final String INFORMATION_SCHEMA = "pgbridge_information_schema";
    /** Words before a parenthesis that do not name a function: {@code SELECT (a)[1]}, {@code AND (x) & 1}. */
    private static final Set<String> KEYWORDS_BEFORE_PARENTHESES = Set.of("select", "where", "and", "or", "not", "on",
            "when", "then", "else", "in", "any", "all", "some", "exists", "as", "from", "by", "case", "having", "distinct",
            "returning", "values", "join", "using", "is", "like", "between");
    /** Words that start a clause other than a select list. */
    private static final Set<String> CLAUSES = Set.of("from", "where", "on", "having", "by", "set", "values",
            "returning", "join", "when", "then", "else", "limit", "offset");
    /** The engine's table of {@code pg_get_keywords()}'s rows. */
    static final String KEYWORDS_TABLE = "pgbridge_keywords";
    /** Words that may follow a FROM item without being its alias. */
    private static final Set<String> FOLLOWS_FROM_ITEM = Set.of("where", "group", "having", "order", "limit", "offset",
            "fetch", "for", "window", "union", "except", "intersect", "join", "inner", "left", "right", "full", "cross",
            "natural", "on", "using", "with");
    /** The prefix of the engine's functions. */
    public static final String PREFIX = "pgbridge_";
    private static final H2Translator H2 = new H2Translator();

    private CatalogSql() {
    }

    /** The engine's SQL for the catalog query {@code sql}. */
    public static Translation translate(String sql) {
        Translation h2 = H2.translate(EngineExpressions.rewrite(rewrite(PostgresSyntaxForH2.rewrite(sql))));
        String engineSql = renameFunctions(regCasts(EngineExpressions.safeSubscripts(h2.sql())));
        return engineSql.equals(h2.sql()) ? h2 : h2.withSql(engineSql);
    }

    /**
     * A subquery the engine runs on its own ({@link CorrelatedWithQueries}), already through {@link #rewrite}: the
     * rest of the translation, as the query around it has.
     */
    static String subquery(String rewritten) {
        return renameFunctions(regCasts(H2.translate(EngineExpressions.rewrite(rewritten)).sql()));
    }

    /**
     * Calls of catalog functions as calls of the engine's {@code pgbridge_} ones; done after the H2 translator has
     * named the result columns, which keep PostgreSQL's names ({@code format_type}).
     */
    static String renameFunctions(String sql) {
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) == TokenType.IDENTIFIER && t.type(i + 1) == TokenType.LEFT_PAREN && t.type(i - 1) != TokenType.DOT
                    && ENGINE_FUNCTIONS.contains(t.word(i))) {
                int close = t.partner(i + 1);
                if (NAME_RESULTS.contains(t.word(i)) && close > 0) {
                    // a name, as PostgreSQL's function returns: the engine's name columns are varchar(63)
                    edits.insert(t.start(i), "CAST(" + PREFIX);
                    edits.insert(t.end(close), " AS varchar(63))");
                } else {
                    edits.insert(t.start(i), PREFIX);
                }
            }
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    static String rewrite(String sql) {
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i - 1) == TokenType.DOT && !"pg_catalog".equals(CatalogQueries.name(t, i - 2))) {
                continue;
            }
            String name = CatalogQueries.name(t, i);
            if ("information_schema".equals(name) && t.type(i + 1) == TokenType.DOT) {
                edits.replace(t.start(i), t.end(i), INFORMATION_SCHEMA);
            } else if ("pg_catalog".equals(name) && t.type(i + 1) == TokenType.DOT) {
                edits.replace(t.start(i), t.start(i + 2), "");
            } else if (t.isWord(i, "operator") && t.type(i + 1) == TokenType.LEFT_PAREN && t.partner(i + 1) > 0) {
                int close = t.partner(i + 1);
                edits.replace(t.start(i), t.end(close), " " + t.text(close - 1) + " ");
                i = close;
            } else if (t.isWord(i, "collate")) {
                int last = t.type(i + 2) == TokenType.DOT ? i + 3 : i + 1;
                edits.replace(t.start(i), t.end(last), "");
                i = last;
            } else if (t.isWord(i, "pg_partition_ancestors") && t.type(i + 1) == TokenType.LEFT_PAREN
                    && t.isWord(t.partner(i + 1) + 1, "with")) {
                i = ancestorsInFrom(t, i, edits);
            } else if (t.type(i) == TokenType.STRING && isComparison(t, i - 1) && t.text(i).startsWith("'{")
                    && t.text(i).endsWith("}'")) {
                edits.replace(t.start(i), t.end(i), arrayConstructor(t.text(i)));
            } else if (t.isWord(i, "pg_get_keywords") && t.type(i + 1) == TokenType.LEFT_PAREN
                    && t.type(i + 2) == TokenType.RIGHT_PAREN) {
                // the set-returning function as the engine's table of its rows, named as PostgreSQL names the call
                boolean aliased = t.isWord(i + 3, "as") || t.type(i + 3) == TokenType.IDENTIFIER
                        && !FOLLOWS_FROM_ITEM.contains(t.word(i + 3));
                edits.replace(t.start(i), t.end(i + 2), KEYWORDS_TABLE + (aliased ? "" : " AS pg_get_keywords"));
                i += 2;
            } else if (t.isWord(i, "null") && t.isOperator(i + 1, "::") && followsSetOperator(t, i)) {
                int type = t.isWord(i + 2, "pg_catalog") && t.type(i + 3) == TokenType.DOT ? i + 4 : i + 2;
                edits.replace(t.end(i), t.end(type), "");
                i = type;
            } else if (t.isOperator(i, "::")) {
                i = rewriteCast(t, i, edits);
            }
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /**
     * {@code pg_partition_ancestors(rel) WITH ORDINALITY AS a(relid, depth)} in FROM: the engine has no partitions,
     * so each relation's only ancestor is itself, at depth 1. H2 lets no FROM item refer to the outer query, so the
     * item lists every relation as its own ancestor, and {@code rel} is lost: exact only where the rest of the query
     * joins it to a relation (psql joins it to pg_trigger, which the engine keeps empty). Known limit.
     */
    private static int ancestorsInFrom(SqlTokens t, int call, TextEdits edits) {
        int close = t.partner(call + 1);
        int i = close + 1;
        if (!t.isWord(i + 1, "ordinality")) {
            return call;
        }
        i += 2;
        if (t.isWord(i, "as")) {
            i++;
        }
        int alias = i;
        if (t.type(alias) != TokenType.IDENTIFIER || t.type(alias + 1) != TokenType.LEFT_PAREN) {
            return call;
        }
        int columnsEnd = t.partner(alias + 1);
        List<int[]> columns = t.splitByCommas(alias + 2, columnsEnd);
        if (columns.size() != 2) {
            return call;
        }
        edits.replace(t.start(call), t.end(columnsEnd), "(SELECT oid AS "
                + t.span(columns.get(0)[0], columns.get(0)[1] - 1) + ", 1 AS "
                + t.span(columns.get(1)[0], columns.get(1)[1] - 1) + " FROM pg_class) AS " + t.text(alias));
        return columnsEnd;
    }

    /**
     * Whether token {@code i} is in a branch after the first of a UNION, INTERSECT or EXCEPT. There a typed NULL
     * ({@code NULL::text}, psql's tab completion) loses its type: PostgreSQL gives such a column the first branch's
     * type where each converts implicitly to the other (name and text), H2 the wider one.
     */
    static boolean followsSetOperator(SqlTokens t, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (t.type(j) == TokenType.RIGHT_PAREN && t.partner(j) >= 0) {
                j = t.partner(j);
            } else if (t.type(j) == TokenType.LEFT_PAREN) {
                return false;
            } else if (t.isWord(j, "union") || t.isWord(j, "intersect") || t.isWord(j, "except")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComparison(SqlTokens t, int i) {
        return t.isOperator(i, "=") || t.isOperator(i, "<>") || t.isOperator(i, "!=");
    }

    /**
     * {@code '{0}'} compared with an array column ({@code pol.polroles = '{0}'}): H2 reads no array literal in a
     * string, so it becomes {@code ARRAY['0']}, whose elements H2 converts to the column's element type.
     */
    private static String arrayConstructor(String literal) {
        String body = literal.substring(2, literal.length() - 2).trim();
        if (body.isEmpty()) {
            return "ARRAY[]";
        }
        StringBuilder out = new StringBuilder("ARRAY[");
        for (String element : body.split(",")) {
            out.append(out.length() > 6 ? ", " : "").append('\'').append(element.trim().replace("\"", "")).append('\'');
        }
        return out.append(']').toString();
    }

    /**
     * {@code operand::regX} as a call of the engine's function, {@code ::oid} and {@code ::name} as the engine's
     * types of such columns; done after the H2 translator has named the result columns, which keep PostgreSQL's
     * names ({@code conrelid::regclass} is {@code conrelid}, {@code 'f'::regproc::oid} is {@code oid}).
     */
    static String regCasts(String sql) {
        SqlTokens t = new SqlTokens(sql);
        TextEdits edits = new TextEdits();
        for (int i = 0; i < t.size(); i++) {
            if (t.isOperator(i, "::")) {
                i = regCast(t, i, edits);
            } else if (t.isWord(i, "cast") && t.type(i + 1) == TokenType.LEFT_PAREN) {
                castToReg(t, i, edits);
            }
        }
        return edits.isEmpty() ? sql : edits.applyTo(sql);
    }

    /**
     * {@code CAST(operand AS regX)} likewise, the operand a name where it is a literal or a parameter, or where the
     * result is cast to oid in turn ({@code CAST(CAST(format('%I.%I', s, t) AS regclass) AS oid)}, Metabase's).
     */
    private static void castToReg(SqlTokens t, int cast, TextEdits edits) {
        int close = t.partner(cast + 1);
        String[] functions = close < 0 || !t.isWord(close - 2, "as") || t.word(close - 1) == null ? null
                : REG_TYPES.get(t.word(close - 1));
        if (functions == null) {
            return;
        }
        boolean literal = close - 3 == cast + 2 && (t.type(cast + 2) == TokenType.STRING
                || t.type(cast + 2) == TokenType.PARAMETER);
        boolean toOid = t.isWord(cast - 2, "cast") && t.type(cast - 1) == TokenType.LEFT_PAREN
                && t.isWord(close + 1, "as") && (t.isWord(close + 2, "oid") || t.isWord(close + 2, "int"));
        edits.replace(t.start(cast), t.end(cast + 1), (literal || toOid ? functions[0] : functions[1]) + "(");
        edits.replace(t.end(close - 3), t.end(close), ")");
    }

    private static int regCast(SqlTokens t, int cast, TextEdits edits) {
        int type = t.isWord(cast + 1, "pg_catalog") && t.type(cast + 2) == TokenType.DOT ? cast + 3 : cast + 1;
        String word = t.word(type);
        if (("oid".equals(word) || "name".equals(word)) && t.type(type + 1) != TokenType.LEFT_BRACKET) {
            // the engine's oid and name columns, which the proxy sends as oid and name
            edits.replace(t.start(cast + 1), t.end(type), word.equals("oid") ? "numeric(10)" : "varchar(63)");
            return type;
        }
        String[] functions = word == null ? null : REG_TYPES.get(word);
        String[] functionType = word == null ? null : FUNCTION_TYPES.get(word);
        if (functions == null && functionType == null) {
            return cast;
        }
        int start = operandStart(t, cast - 1);
        // a literal or a parameter holds the name (psycopg's TypeInfo binds 'jsonb' to $1::regtype); anything else an oid
        boolean literal = (t.type(cast - 1) == TokenType.STRING || t.type(cast - 1) == TokenType.PARAMETER)
                && start == cast - 1;
        if (functionType != null) {
            edits.insert(t.start(start), literal ? "CAST(" + functionType[0] + "(" : "CAST(");
            edits.replace(t.end(cast - 1), t.end(type), (literal ? ")" : "") + " AS " + functionType[1] + ")");
            return type;
        }
        if (literal && isSelectItem(t, start, type)) {
            // shown, not compared: the value prints as PostgreSQL prints it, the object's name ('int4'::regtype is integer)
            edits.insert(t.start(start), functions[1] + "(" + functions[0] + "(");
            edits.replace(t.end(cast - 1), t.end(type), "))");
            return type;
        }
        edits.insert(t.start(start), (literal ? functions[0] : functions[1]) + "(");
        edits.replace(t.end(cast - 1), t.end(type), ")");
        return type;
    }

    /** Whether tokens {@code first..last} are a whole item of a select list, not part of an expression. */
    private static boolean isSelectItem(SqlTokens t, int first, int last) {
        TokenType after = t.type(last + 1);
        // not before ')': the item of a subquery may be compared with an oid (oid IN (SELECT 'x'::regclass))
        boolean endsItem = after == TokenType.EOF || after == TokenType.COMMA || after == TokenType.SEMICOLON
                || after == TokenType.IDENTIFIER;
        if (!endsItem || !(t.type(first - 1) == TokenType.COMMA || t.isWord(first - 1, "select")
                || t.isWord(first - 1, "distinct"))) {
            return false;
        }
        for (int i = first - 1; i >= 0; i--) {   // back to this list's SELECT, over the items before, not out of a (
            if (t.type(i) == TokenType.RIGHT_PAREN) {
                i = Math.max(0, t.partner(i));
            } else if (t.type(i) == TokenType.LEFT_PAREN) {
                return false;
            } else if (t.isWord(i, "select")) {
                return t.type(i - 1) != TokenType.LEFT_PAREN;   // the outermost query's list only
            } else if (t.type(i) == TokenType.IDENTIFIER && CLAUSES.contains(t.word(i))) {
                return false;
            }
        }
        return false;
    }


    /** {@code t[]} in a cast as {@code t array}, which H2 reads. */
    private static int rewriteCast(SqlTokens t, int cast, TextEdits edits) {
        int type = t.isWord(cast + 1, "pg_catalog") && t.type(cast + 2) == TokenType.DOT ? cast + 3 : cast + 1;
        String name = t.word(type);
        if (name == null) {
            return cast;
        }
        if (t.type(type + 1) == TokenType.LEFT_BRACKET && t.type(type + 2) == TokenType.RIGHT_BRACKET) {
            // H2 reads no type[] in casts: smallint array
            edits.replace(t.start(cast + 1), t.end(type + 2), t.text(type) + " array");
            return type + 2;
        }
        return cast;
    }

    /** The first token of the operand that ends at {@code end}: a literal, a dotted name or a parenthesised call. */
    static int operandStart(SqlTokens t, int end) {
        int i = end;
        if (t.type(i) == TokenType.RIGHT_PAREN || t.type(i) == TokenType.RIGHT_BRACKET) {
            i = Math.max(0, t.partner(i));
            if (t.type(i - 1) == TokenType.IDENTIFIER && !KEYWORDS_BEFORE_PARENTHESES.contains(t.word(i - 1))) {
                i--;   // a call's name, a subscripted column's name
            }
        }
        while (t.type(i - 1) == TokenType.DOT && t.type(i - 2) == TokenType.IDENTIFIER) {
            i -= 2;
        }
        return i;
    }
}
