package io.pgbridge.translation;

import io.pgbridge.translation.SqlLexer.TokenType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Classifies one statement by its leading keywords and computes PostgreSQL's command tag for it.
 *
 * <p>The proxy runs statements on databases that report no PostgreSQL tags and keep no PostgreSQL
 * transaction state, so the session must know from the text alone what a statement is. The
 * classifier looks only at keywords (case-insensitively, across comments), never parses
 * expressions, and never throws: text it does not understand, or with an unterminated string or
 * comment, is {@link StatementKind#OTHER}. Tags were checked against PostgreSQL 15.
 */
public final class StatementClassifier {

    private static final int MAX_WORDS = 16;

    private StatementClassifier() {}

    /** Classifies a single statement, such as one returned by {@link StatementSplitter}. */
    public static StatementInfo classify(String statement) {
        Tokens t = Tokens.scan(statement);
        List<String> words = t.leadingWords();
        if (t.unterminated) {
            return other(t, 0, words);
        }
        if (t.size() == 0) {
            return new StatementInfo(StatementKind.EMPTY, null, false, words);
        }
        int i = 0;
        while (t.type(i) == TokenType.LEFT_PAREN) {
            i++; // "(SELECT 1) UNION ..." is still a query
        }
        return classifyAt(t, i, words);
    }

    private static StatementInfo classifyAt(Tokens t, int i, List<String> words) {
        String w = t.word(i);
        if (w == null) {
            return other(t, i, words);
        }
        return switch (w) {
            case "select" -> new StatementInfo(StatementKind.SELECT, "SELECT",
                    t.findWord(i + 1, "into") < 0, words);
            case "values" -> rows(StatementKind.VALUES, "SELECT", words);
            case "table" -> rows(StatementKind.TABLE, "SELECT", words);
            case "show" -> rows(StatementKind.SHOW, "SHOW", words);
            case "explain" -> rows(StatementKind.EXPLAIN, "EXPLAIN", words);
            case "fetch" -> rows(StatementKind.FETCH, "FETCH", words);
            case "with" -> withQuery(t, i, words);
            case "insert", "update", "delete", "merge" -> new StatementInfo(
                    StatementKind.valueOf(w.toUpperCase(Locale.ROOT)), w.toUpperCase(Locale.ROOT),
                    t.findWord(i + 1, "returning") >= 0, words);
            case "copy" -> fixed(StatementKind.COPY, "COPY", words);
            case "move" -> fixed(StatementKind.MOVE, "MOVE", words);
            case "begin" -> fixed(StatementKind.BEGIN, "BEGIN", words);
            case "start" -> t.is(i + 1, "transaction")
                    ? fixed(StatementKind.START_TRANSACTION, "START TRANSACTION", words)
                    : other(t, i, words);
            case "commit", "end" -> t.is(i + 1, "prepared")
                    ? fixed(StatementKind.OTHER, "COMMIT PREPARED", words)
                    : fixed(StatementKind.COMMIT, "COMMIT", words);
            case "rollback", "abort" -> rollback(t, i, words);
            case "savepoint" -> fixed(StatementKind.SAVEPOINT, "SAVEPOINT", words);
            case "release" -> fixed(StatementKind.RELEASE_SAVEPOINT, "RELEASE", words);
            case "prepare" -> t.is(i + 1, "transaction") && t.isString(i + 2)
                    ? fixed(StatementKind.PREPARE_TRANSACTION, "PREPARE TRANSACTION", words)
                    : fixed(StatementKind.PREPARE, "PREPARE", words);
            case "execute" -> fixed(StatementKind.EXECUTE, null, words);
            case "set" -> fixed(StatementKind.SET, t.is(i + 1, "constraints") ? "SET CONSTRAINTS" : "SET",
                    words);
            case "reset" -> fixed(StatementKind.RESET, "RESET", words);
            case "discard" -> fixed(StatementKind.DISCARD, discardTag(t.word(i + 1)), words);
            case "deallocate" -> fixed(StatementKind.DEALLOCATE,
                    t.is(i + 1, "all") || (t.is(i + 1, "prepare") && t.is(i + 2, "all"))
                            ? "DEALLOCATE ALL" : "DEALLOCATE", words);
            case "declare" -> fixed(StatementKind.DECLARE, "DECLARE CURSOR", words);
            case "close" -> fixed(StatementKind.CLOSE,
                    t.is(i + 1, "all") ? "CLOSE CURSOR ALL" : "CLOSE CURSOR", words);
            case "listen" -> fixed(StatementKind.LISTEN, "LISTEN", words);
            case "notify" -> fixed(StatementKind.NOTIFY, "NOTIFY", words);
            case "unlisten" -> fixed(StatementKind.UNLISTEN, "UNLISTEN", words);
            case "lock" -> fixed(StatementKind.LOCK, "LOCK TABLE", words);
            case "truncate" -> fixed(StatementKind.TRUNCATE, "TRUNCATE TABLE", words);
            case "call" -> fixed(StatementKind.CALL, "CALL", words);
            case "do" -> fixed(StatementKind.DO, "DO", words);
            case "vacuum" -> fixed(StatementKind.VACUUM, "VACUUM", words);
            case "analyze", "analyse" -> fixed(StatementKind.ANALYZE, "ANALYZE", words);
            case "checkpoint" -> fixed(StatementKind.CHECKPOINT, "CHECKPOINT", words);
            case "comment" -> fixed(StatementKind.COMMENT, "COMMENT", words);
            case "grant" -> fixed(StatementKind.GRANT, t.findWord(i + 1, "on") >= 0 ? "GRANT" : "GRANT ROLE",
                    words);
            case "revoke" -> fixed(StatementKind.REVOKE,
                    t.findWord(i + 1, "on") >= 0 ? "REVOKE" : "REVOKE ROLE", words);
            case "create", "alter", "drop" -> DdlTags.classify(t, i, words);
            case "refresh" -> fixed(StatementKind.OTHER, "REFRESH MATERIALIZED VIEW", words);
            case "security" -> fixed(StatementKind.OTHER, "SECURITY LABEL", words);
            case "reassign" -> fixed(StatementKind.OTHER, "REASSIGN OWNED", words);
            case "import" -> fixed(StatementKind.OTHER, "IMPORT FOREIGN SCHEMA", words);
            default -> other(t, i, words);
        };
    }

    /** {@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (...) [, ...] main}. */
    private static StatementInfo withQuery(Tokens t, int i, List<String> words) {
        i++;
        if (t.is(i, "recursive")) {
            i++;
        }
        while (i < t.size()) {
            i++; // the CTE's name
            if (t.type(i) == TokenType.LEFT_PAREN) {
                i = t.afterParens(i);
            }
            if (!t.is(i, "as")) {
                return other(t, i, words);
            }
            i++;
            if (t.is(i, "not")) {
                i++;
            }
            if (t.is(i, "materialized")) {
                i++;
            }
            if (t.type(i) != TokenType.LEFT_PAREN) {
                return other(t, i, words);
            }
            i = t.afterParens(i);
            i = skipSearchAndCycle(t, i);
            if (t.type(i) != TokenType.COMMA) {
                break;
            }
            i++;
        }
        while (t.type(i) == TokenType.LEFT_PAREN) {
            i++;
        }
        String main = t.word(i);
        if (main == null || main.equals("with")) {
            return other(t, i, words);
        }
        return classifyAt(t, i, words);
    }

    /** PostgreSQL 14's {@code SEARCH ... SET col} and {@code CYCLE ... SET col [TO v DEFAULT v] [USING col]}. */
    private static int skipSearchAndCycle(Tokens t, int i) {
        while (t.is(i, "search") || t.is(i, "cycle")) {
            int set = t.findWord(i + 1, "set");
            if (set < 0) {
                return t.size();
            }
            i = set + 2;
            if (t.is(i, "to")) {
                i += 4;
            }
            if (t.is(i, "using")) {
                i += 2;
            }
        }
        return i;
    }

    private static StatementInfo rollback(Tokens t, int i, List<String> words) {
        int j = i + 1;
        if (t.is(j, "prepared")) {
            return fixed(StatementKind.OTHER, "ROLLBACK PREPARED", words);
        }
        if (t.is(j, "work") || t.is(j, "transaction")) {
            j++;
        }
        return t.is(j, "to")
                ? fixed(StatementKind.ROLLBACK_TO_SAVEPOINT, "ROLLBACK", words)
                : fixed(StatementKind.ROLLBACK, "ROLLBACK", words);
    }

    private static String discardTag(String what) {
        if (what == null) {
            return "DISCARD";
        }
        return what.equals("temporary") ? "DISCARD TEMP" : "DISCARD " + what.toUpperCase(Locale.ROOT);
    }

    private static StatementInfo rows(StatementKind kind, String tag, List<String> words) {
        return new StatementInfo(kind, tag, true, words);
    }

    static StatementInfo fixed(StatementKind kind, String tag, List<String> words) {
        return new StatementInfo(kind, tag, false, words);
    }

    /** Unknown statements: the first word, uppercased, is PostgreSQL's tag for most (REINDEX, LOAD). */
    private static StatementInfo other(Tokens t, int i, List<String> words) {
        String w = t.word(i);
        return fixed(StatementKind.OTHER, w == null ? null : w.toUpperCase(Locale.ROOT), words);
    }

    /** The significant tokens of a statement, with keyword helpers that tolerate any index. */
    static final class Tokens {
        private final String sql;
        private TokenType[] types = new TokenType[32];
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private int size;
        boolean unterminated;

        private Tokens(String sql) {
            this.sql = sql;
        }

        static Tokens scan(String sql) {
            Tokens t = new Tokens(sql);
            SqlLexer lexer = new SqlLexer(sql);
            TokenType type;
            while ((type = lexer.next()) != TokenType.EOF) {
                if (type.isTrivia() && !lexer.unterminated()) {
                    continue;
                }
                t.unterminated |= lexer.unterminated();
                if (t.size == t.types.length) {
                    t.types = Arrays.copyOf(t.types, t.size * 2);
                    t.starts = Arrays.copyOf(t.starts, t.size * 2);
                    t.ends = Arrays.copyOf(t.ends, t.size * 2);
                }
                t.types[t.size] = type;
                t.starts[t.size] = lexer.start();
                t.ends[t.size] = lexer.end();
                t.size++;
            }
            while (t.size > 0 && t.types[t.size - 1] == TokenType.SEMICOLON) {
                t.size--; // a statement passed with its terminator
            }
            return t;
        }

        int size() {
            return size;
        }

        TokenType type(int i) {
            return i >= 0 && i < size ? types[i] : TokenType.EOF;
        }

        /** The lowercased unquoted word at {@code i}, or null if that token is no word. */
        String word(int i) {
            return type(i) == TokenType.IDENTIFIER
                    ? sql.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT) : null;
        }

        boolean is(int i, String lowerCaseWord) {
            return type(i) == TokenType.IDENTIFIER
                    && ends[i] - starts[i] == lowerCaseWord.length()
                    && sql.regionMatches(true, starts[i], lowerCaseWord, 0, lowerCaseWord.length());
        }

        boolean isString(int i) {
            return type(i).isStringLiteral();
        }

        /** Index of the first {@code word} at or after {@code from} outside parentheses, or -1. */
        int findWord(int from, String lowerCaseWord) {
            int depth = 0;
            for (int i = Math.max(from, 0); i < size; i++) {
                switch (types[i]) {
                    case LEFT_PAREN, LEFT_BRACKET -> depth++;
                    case RIGHT_PAREN, RIGHT_BRACKET -> depth--;
                    case IDENTIFIER -> {
                        if (depth == 0 && is(i, lowerCaseWord)) {
                            return i;
                        }
                    }
                    default -> { }
                }
            }
            return -1;
        }

        /** Given an opening parenthesis at {@code i}, the index after its match (or the end). */
        int afterParens(int i) {
            int depth = 0;
            for (; i < size; i++) {
                if (types[i] == TokenType.LEFT_PAREN) {
                    depth++;
                } else if (types[i] == TokenType.RIGHT_PAREN && --depth == 0) {
                    return i + 1;
                }
            }
            return size;
        }

        List<String> leadingWords() {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < size && words.size() < MAX_WORDS; i++) {
                String w = word(i);
                if (w == null) {
                    break;
                }
                words.add(w);
            }
            return words;
        }
    }
}
