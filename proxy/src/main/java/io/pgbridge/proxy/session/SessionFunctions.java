package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.StatementKind;
import io.pgbridge.translation.catalog.CatalogQueries;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's session functions answered by the proxy, whatever the backend: version(), current_database(),
 * current_schema, current_user and its synonyms, pg_backend_pid(), set_config(), current_setting(),
 * getdatabaseencoding() and pg_client_encoding(). Their values live in the session (its settings, its process id,
 * the database the client named), so each call is replaced by a literal before the statement is translated and sent.
 * The result depends on the session and the moment, so statements rewritten here are never cached.
 */
final class SessionFunctions {
    /** Words that must occur in a statement for this class to look at it closely: a cheap first filter. */
    private static final Pattern HINTS = Pattern.compile(
            "version|current_|user|pg_backend_pid|txid_current|set_config|encoding", Pattern.CASE_INSENSITIVE);
    /** Words that are function calls without parentheses, as in the SQL standard. */
    private static final Set<String> KEYWORD_FUNCTIONS = Set.of("current_user", "session_user", "user", "current_role",
            "current_schema", "current_catalog");
    /** Words after which a select-list item ends, so that an alias may follow the replaced call. */
    private static final Set<String> ITEM_END = Set.of("from", "into", "where", "group", "having", "order", "limit",
            "offset", "union", "except", "intersect", "window", "fetch", "for");

    /** What the session tells the replacement: who, where, and its settings. */
    interface Context {
        String user();

        String database();

        int processId();

        String version();

        boolean postgresBackend();

        /** The value of a setting; null when unknown (current_setting(name, true)). */
        String setting(String name);

        /** set_config(): sets it with SET's rules and returns the value as shown. */
        String setConfig(String name, String value, boolean local) throws SQLException;

        /** Whether the proxy answers for this setting; on PostgreSQL backends the others are PostgreSQL's. */
        boolean ownsSetting(String name);
    }

    private SessionFunctions() {
    }

    /**
     * True when a statement of this kind and text may call a session function: only then is {@link #substitute}
     * worth its scan. Queries and DML only; DDL keeps its calls (a column DEFAULT current_user means each insert's).
     */
    static boolean mayCall(StatementKind kind, String sql) {
        return switch (kind) {
            case SELECT, VALUES, INSERT, UPDATE, DELETE, MERGE -> HINTS.matcher(sql).find();
            default -> false;
        };
    }

    /**
     * A statement with its session function calls replaced by their values, and the PostgreSQL type of each 0-based
     * result column that is such a call ({@code name} for current_user, {@code text} for version()…): a literal
     * alone would be the backend's varchar.
     */
    record Substituted(String sql, Map<Integer, String> columnTypes) {
    }

    /**
     * The statement with each session function call replaced by its value, or null when it calls none.
     * {@code apply} false computes set_config() without setting anything (for Describe).
     */
    static Substituted substitute(String sql, Context context, boolean apply) throws SQLException {
        List<Token> tokens = SqlLexer.tokenize(sql).stream().filter(t -> !t.type().isTrivia()).toList();
        StringBuilder out = new StringBuilder();
        Map<Integer, String> columnTypes = new HashMap<>();
        int copied = 0;
        // Per parenthesis level: whether its tokens are now a select list (an alias is allowed after an item).
        Deque<Boolean> selectList = new ArrayDeque<>();
        selectList.push(false);
        // The item of the outermost select list, -1 before it starts and after it ends.
        int item = -1;
        boolean outerListSeen = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == TokenType.LEFT_PAREN) {
                selectList.push(false);
                continue;
            }
            if (t.type() == TokenType.RIGHT_PAREN && selectList.size() > 1) {
                selectList.pop();
                continue;
            }
            if (t.type() == TokenType.COMMA && item >= 0 && selectList.size() == 1) {
                item++;
                continue;
            }
            if (t.type() != TokenType.IDENTIFIER) {
                continue;
            }
            String word = t.text(sql).toLowerCase(Locale.ROOT);
            if (word.equals("select") || word.equals("distinct")) {
                selectList.pop();
                selectList.push(true);
                if (selectList.size() == 1 && !outerListSeen) {
                    outerListSeen = true;
                    item = 0;
                }
                continue;
            }
            if (ITEM_END.contains(word)) {
                selectList.pop();
                selectList.push(false);
                item = selectList.size() == 1 ? -1 : item;
            }
            boolean inSelectList = selectList.peek();
            Call call = call(sql, tokens, i, word);
            if (call == null) {
                continue;
            }
            String value = value(call, context, apply);
            if (value == null) {
                continue;   // PostgreSQL's own, on a PostgreSQL backend
            }
            int first = i;
            if (i >= 2 && tokens.get(i - 1).type() == TokenType.DOT
                    && tokens.get(i - 2).text(sql).equalsIgnoreCase("pg_catalog")) {
                first = i - 2;
            }
            out.append(sql, copied, tokens.get(first).start()).append(value);
            if (inSelectList && isWholeItem(sql, tokens, first, call.end())) {
                out.append(" AS \"").append(call.name()).append('"');
            }
            if (item >= 0 && selectList.size() == 1 && isItem(sql, tokens, first, call.end())) {
                columnTypes.put(item, resultType(call.name()));
            }
            copied = tokens.get(call.end()).end();
            i = call.end();
        }
        if (copied == 0) {
            return null;
        }
        return new Substituted(out.append(sql, copied, sql.length()).toString(), columnTypes);
    }

    /** The PostgreSQL type a session function returns. */
    private static String resultType(String function) {
        return switch (function) {
            case "version", "current_setting", "set_config" -> "text";
            case "pg_backend_pid" -> "int4";
            case "txid_current" -> "int8";
            default -> "name";   // current_database(), current_schema, current_user and its synonyms
        };
    }

    /** A call: the function's name, its constant arguments, and the index of its last token. */
    private record Call(String name, List<String> arguments, int end) {
    }

    private static Call call(String sql, List<Token> tokens, int i, String word) {
        if (i > 0 && tokens.get(i - 1).type() == TokenType.DOT
                && !(i >= 2 && tokens.get(i - 2).text(sql).equalsIgnoreCase("pg_catalog"))) {
            return null;   // a column or function of some other schema, t.user
        }
        boolean parenthesised = type(tokens, i + 1) == TokenType.LEFT_PAREN;
        if (!parenthesised) {
            return KEYWORD_FUNCTIONS.contains(word) && type(tokens, i + 1) != TokenType.DOT
                    ? new Call(word, List.of(), i) : null;
        }
        switch (word) {
            case "version", "current_database", "current_schema", "pg_backend_pid", "txid_current", "set_config",
                 "current_setting", "getdatabaseencoding", "pg_client_encoding" -> {
            }
            default -> {
                return null;
            }
        }
        List<String> arguments = new ArrayList<>();
        int j = i + 2;
        while (type(tokens, j) != TokenType.RIGHT_PAREN) {
            Token arg = j < tokens.size() ? tokens.get(j) : null;
            if (arg == null || !(arg.type() == TokenType.STRING || arg.type() == TokenType.IDENTIFIER
                    && (arg.text(sql).equalsIgnoreCase("true") || arg.text(sql).equalsIgnoreCase("false")))) {
                if (word.equals("current_setting") && CatalogQueries.references(sql)) {
                    return null;   // the catalog engine reads each row's setting (psql's \dconfig): CatalogSettings
                }
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "pgbridge supports " + word + "() only with constant arguments");
            }
            arguments.add(SqlWords.unquote(arg.text(sql)));
            j++;
            if (type(tokens, j) == TokenType.COMMA) {
                j++;
            }
        }
        return new Call(word, arguments, j);
    }

    /** The literal that replaces the call, or null to leave it to a PostgreSQL backend. */
    private static String value(Call call, Context context, boolean apply) throws SQLException {
        List<String> args = call.arguments();
        return switch (call.name()) {
            case "version" -> quote("PostgreSQL " + context.version() + " on " + System.getProperty("os.arch")
                    + "-pc-linux-gnu, served by pgbridge, 64-bit");
            case "current_database", "current_catalog" -> quote(context.database());
            case "current_schema" -> context.postgresBackend() ? null : quote("public");
            // pgbridge speaks UTF8 only (server_encoding and client_encoding)
            case "getdatabaseencoding", "pg_client_encoding" -> context.postgresBackend() ? null : quote("UTF8");
            case "current_user", "session_user", "user", "current_role" -> quote(context.user());
            case "pg_backend_pid" -> Integer.toString(context.processId());
            case "txid_current" -> {
                if (context.postgresBackend()) {
                    yield null;
                }
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "txid_current() is not available on this pgbridge backend");
            }
            case "current_setting" -> {
                arity(call, args.size() == 1 || args.size() == 2);
                if (context.postgresBackend() && !context.ownsSetting(args.get(0))) {
                    yield null;
                }
                boolean missingOk = args.size() == 2 && BuiltinSettings.bool("missing_ok", args.get(1)).equals("on");
                String value = context.setting(args.get(0));
                if (value == null && !missingOk) {
                    throw SessionSettings.unknown(args.get(0));
                }
                yield value == null ? "NULL" : quote(value);
            }
            case "set_config" -> {
                arity(call, args.size() == 3);
                if (context.postgresBackend() && !context.ownsSetting(args.get(0))) {
                    yield null;
                }
                boolean local = BuiltinSettings.bool("is_local", args.get(2)).equals("on");
                yield quote(apply ? context.setConfig(args.get(0), args.get(1), local) : args.get(1));
            }
            default -> throw new IllegalStateException(call.name());
        };
    }

    private static void arity(Call call, boolean ok) {
        if (!ok) {
            throw new PgException("ERROR", "42883", "function " + call.name() + " with " + call.arguments().size()
                    + " arguments does not exist", null, null, 0, null);
        }
    }

    /** The call is a select-list item of its own (no alias, no operator), so PostgreSQL names the column after it. */
    private static boolean isWholeItem(String sql, List<Token> tokens, int first, int last) {
        return startsItem(sql, tokens, first) && endsItem(sql, tokens, last);
    }

    /** The call is a select-list item of its own, perhaps with an alias: the column has the function's type. */
    private static boolean isItem(String sql, List<Token> tokens, int first, int last) {
        return startsItem(sql, tokens, first) && (endsItem(sql, tokens, last)
                || last + 1 < tokens.size() && tokens.get(last + 1).text(sql).equalsIgnoreCase("as")
                || type(tokens, last + 1) == TokenType.IDENTIFIER && endsItem(sql, tokens, last + 1));
    }

    private static boolean startsItem(String sql, List<Token> tokens, int first) {
        TokenType before = type(tokens, first - 1);
        return before == TokenType.COMMA || before == TokenType.IDENTIFIER
                && (tokens.get(first - 1).text(sql).equalsIgnoreCase("select")
                || tokens.get(first - 1).text(sql).equalsIgnoreCase("distinct"));
    }

    private static boolean endsItem(String sql, List<Token> tokens, int last) {
        TokenType after = type(tokens, last + 1);
        return after == TokenType.COMMA || after == TokenType.EOF || after == TokenType.SEMICOLON
                || after == TokenType.RIGHT_PAREN
                || after == TokenType.IDENTIFIER
                && ITEM_END.contains(tokens.get(last + 1).text(sql).toLowerCase(Locale.ROOT));
    }

    private static TokenType type(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).type() : TokenType.EOF;
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
