package io.pgbridge.translation;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The name PostgreSQL gives a select-list item that has no alias (the rules of its parser's FigureColname): a column
 * reference is named after the column, a function call after the function, a cast after its operand if that has a
 * name and otherwise after the type, {@code CASE} is {@code case}, and anything else is {@code ?column?}. Backends
 * name such columns their own way ({@code COUNT(*)}, {@code EXPR$0}, {@code ?column?} for everything); clients read
 * columns by these names, so translators give every item its PostgreSQL name as an explicit alias.
 */
public final class PgColumnNames {
    public static final String UNNAMED = "?column?";

    /** Words that begin a clause or an expression keyword, never an implicit alias. */
    private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false", "from", "as", "and", "or",
            "not", "is", "in", "like", "ilike", "between", "then", "else", "when", "case", "distinct", "all", "zone",
            "asc", "desc", "nulls", "first", "last", "isnull", "notnull", "unknown", "similar", "escape", "over",
            "day", "hour", "minute", "second", "month", "year", "precision", "varying", "collate");
    /** SQL value functions written without parentheses; each is its own name. */
    private static final Set<String> VALUE_FUNCTIONS = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_user", "current_role", "session_user", "user", "current_catalog",
            "current_schema");
    /** Type names as PostgreSQL reports them, by the spellings a statement may use. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("int4", "int4"),
            Map.entry("bigint", "int8"), Map.entry("int8", "int8"), Map.entry("smallint", "int2"),
            Map.entry("int2", "int2"), Map.entry("real", "float4"), Map.entry("float4", "float4"),
            Map.entry("double precision", "float8"), Map.entry("float8", "float8"), Map.entry("float", "float8"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"),
            Map.entry("bool", "bool"), Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
            Map.entry("char", "bpchar"), Map.entry("character", "bpchar"), Map.entry("bpchar", "bpchar"),
            Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
            Map.entry("time without time zone", "time"), Map.entry("timestamptz", "timestamptz"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("timestamp without time zone", "timestamp"));
    /** Words that start a typed literal, {@code DATE '2024-01-01'}. */
    private static final Set<String> TYPED_LITERALS = Set.of("date", "time", "timestamp", "timestamptz", "interval",
            "int", "integer", "bigint", "smallint", "numeric", "decimal", "real", "float", "boolean", "bool", "text",
            "varchar", "char", "json", "jsonb", "uuid", "bytea", "inet", "money", "point", "timetz", "int4", "int8",
            "int2", "float4", "float8", "double");

    private PgColumnNames() {
    }

    /** Whether the item {@code [from, to)} ends in an alias ({@code expr AS name} or {@code expr name}). */
    public static boolean hasAlias(SqlTokens t, int from, int to) {
        int last = to - 1;
        if (last <= from) {
            return false;
        }
        if (t.isWord(last - 1, "as")) {
            return true;
        }
        SqlLexer.TokenType lastType = t.type(last);
        if (lastType != SqlLexer.TokenType.IDENTIFIER && lastType != SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            return false;
        }
        if (lastType == SqlLexer.TokenType.IDENTIFIER && NOT_ALIASES.contains(t.word(last))) {
            return false;
        }
        SqlLexer.TokenType before = t.type(last - 1);
        if (t.isWord(last - 1, "collate") || t.isWord(last - 1, "over") || before == SqlLexer.TokenType.DOT || before == SqlLexer.TokenType.OPERATOR
                || before == SqlLexer.TokenType.LEFT_PAREN || before == SqlLexer.TokenType.COMMA) {
            return false;
        }
        // "x::double precision", "timestamp with time zone": type words are not aliases.
        return !endsInCastType(t, from, last);
    }

    /** Whether the item is {@code *} or {@code qualifier.*}. */
    public static boolean isStar(SqlTokens t, int from, int to) {
        return to - 1 >= from && t.isOperator(to - 1, "*") && (to - 1 == from || t.type(to - 2) == SqlLexer.TokenType.DOT);
    }

    /** Whether the item is a plain (possibly qualified) column reference, which every backend names alike. */
    public static boolean isColumnReference(SqlTokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean name = (i - from) % 2 == 0;
            SqlLexer.TokenType type = t.type(i);
            if (name ? !(type == SqlLexer.TokenType.IDENTIFIER && !VALUE_FUNCTIONS.contains(t.word(i))
                    && !NOT_ALIASES.contains(t.word(i)) || type == SqlLexer.TokenType.QUOTED_IDENTIFIER)
                    : type != SqlLexer.TokenType.DOT) {
                return false;
            }
        }
        return to > from && (to - from) % 2 == 1;
    }

    /** PostgreSQL's name for the unaliased item {@code [from, to)}. */
    public static String nameOf(SqlTokens t, int from, int to) {
        // Strip enclosing parentheses: they are not in the parse tree.
        while (to - from >= 2 && t.type(from) == SqlLexer.TokenType.LEFT_PAREN && t.partner(from) == to - 1
                && !t.isWord(from + 1, "select") && !t.isWord(from + 1, "values") && !t.isWord(from + 1, "with")) {
            from++;
            to--;
        }
        int end = primaryEnd(t, from, to);
        if (end < 0) {
            return UNNAMED;
        }
        String name = primaryName(t, from, end);
        boolean namedByCast = false;
        int i = end;
        while (i < to) {
            if (t.isOperator(i, "::")) {
                int typeEnd = castTypeEnd(t, i + 1, to);
                if (name == null || name.equals(UNNAMED) || namedByCast) {
                    name = typeName(t, i + 1, typeEnd);   // 'f'::regproc::oid is named oid, as PostgreSQL names it
                    namedByCast = true;
                }
                i = typeEnd;
            } else if (t.type(i) == SqlLexer.TokenType.LEFT_BRACKET && t.partner(i) > i) {
                i = t.partner(i) + 1;
            } else if (t.isWord(i, "collate") && i + 1 < to) {
                i += 2;
            } else {
                return UNNAMED;   // an operator follows: an expression
            }
        }
        return name == null ? UNNAMED : name;
    }

    /** The end (exclusive) of the primary expression starting at {@code from}, or -1 if none is recognised. */
    private static int primaryEnd(SqlTokens t, int from, int to) {
        SqlLexer.TokenType type = t.type(from);
        String word = t.word(from);
        if (word != null && (word.equals("case"))) {
            int depth = 0;
            for (int i = from; i < to; i++) {
                if (t.partner(i) > i) {
                    i = t.partner(i);
                } else if (t.isWord(i, "case")) {
                    depth++;
                } else if (t.isWord(i, "end") && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }
        if ((word != null && (word.equals("array") || word.equals("row") || word.equals("exists")))
                && t.partner(from + 1) > from + 1) {
            return t.partner(from + 1) + 1;
        }
        if (word != null && TYPED_LITERALS.contains(word)) {
            int i = from + 1;
            if (word.equals("double") && t.isWord(i, "precision")) {
                i++;
            }
            if (t.type(i) == SqlLexer.TokenType.STRING) {
                int end = i + 1;
                while (end < to && t.type(end) == SqlLexer.TokenType.IDENTIFIER && !t.isWord(end, "collate")) {
                    end++;   // interval '1' day to second
                }
                return end;
            }
        }
        if (type.isStringLiteral() || type == SqlLexer.TokenType.NUMBER || type == SqlLexer.TokenType.PARAMETER) {
            return from + 1;
        }
        if (type == SqlLexer.TokenType.LEFT_PAREN && t.partner(from) > from) {
            return t.partner(from) + 1;
        }
        if (type == SqlLexer.TokenType.IDENTIFIER || type == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            int i = from + 1;
            while (t.type(i) == SqlLexer.TokenType.DOT && i + 1 < to) {
                i += 2;
            }
            if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN && t.partner(i) > i) {
                i = t.partner(i) + 1;
                while (i < to && (t.isWord(i, "filter") || t.isWord(i, "over") || t.isWord(i, "within"))) {
                    if (t.isWord(i, "within")) {
                        i++;   // WITHIN GROUP (…)
                    }
                    i++;
                    if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN && t.partner(i) > i) {
                        i = t.partner(i) + 1;
                    } else if (i < to) {
                        i++;   // OVER window_name
                    }
                }
            }
            return i;
        }
        return -1;
    }

    private static String primaryName(SqlTokens t, int from, int end) {
        SqlLexer.TokenType type = t.type(from);
        String word = t.word(from);
        if (word != null) {
            switch (word) {
                case "case", "array", "row", "exists" -> {
                    return word;
                }
                case "true", "false" -> {
                    return "bool";
                }
                case "null" -> {
                    return UNNAMED;
                }
                case "trim" -> {
                    return "btrim";
                }
                default -> {
                }
            }
            if (TYPED_LITERALS.contains(word) && end > from + 1 && t.type(from + 1).isStringLiteral()
                    || word.equals("double") && t.isWord(from + 1, "precision")) {
                int typeEnd = from + 1;
                while (typeEnd < end && !t.type(typeEnd).isStringLiteral()) {
                    typeEnd++;
                }
                return typeName(t, from, typeEnd);
            }
        }
        if (type == SqlLexer.TokenType.LEFT_PAREN) {
            return UNNAMED;
        }
        if (type == SqlLexer.TokenType.IDENTIFIER || type == SqlLexer.TokenType.QUOTED_IDENTIFIER) {
            int last = from;
            while (last + 2 < end && t.type(last + 1) == SqlLexer.TokenType.DOT) {
                last += 2;
            }
            if (word != null && word.equals("cast") && t.type(from + 1) == SqlLexer.TokenType.LEFT_PAREN) {
                int close = t.partner(from + 1);
                int as = t.findWord(from + 2, close, "as");
                if (as > 0) {
                    String inner = nameOf(t, from + 2, as);
                    return inner.equals(UNNAMED) ? typeName(t, as + 1, close) : inner;
                }
            }
            return identifier(t, last);
        }
        return UNNAMED;
    }

    /** An identifier's name: unquoted ones fold to lower case, quoted ones lose their quotes. */
    public static String identifier(SqlTokens t, int i) {
        String text = t.text(i);
        if (t.type(i) == SqlLexer.TokenType.QUOTED_IDENTIFIER && text.startsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static int castTypeEnd(SqlTokens t, int from, int to) {
        int i = from;
        while (i < to && (t.type(i) == SqlLexer.TokenType.IDENTIFIER || t.type(i) == SqlLexer.TokenType.QUOTED_IDENTIFIER
                || t.type(i) == SqlLexer.TokenType.DOT)) {
            i++;
            if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN && t.partner(i) > i) {
                i = t.partner(i) + 1;
            }
        }
        while (t.type(i) == SqlLexer.TokenType.LEFT_BRACKET && t.partner(i) > i) {
            i = t.partner(i) + 1;
        }
        return Math.max(i, from + 1);
    }

    private static boolean endsInCastType(SqlTokens t, int from, int last) {
        for (int i = from; i < last; i++) {
            if (t.partner(i) > i) {
                i = t.partner(i);
            } else if (t.isOperator(i, "::") && castTypeEnd(t, i + 1, last + 1) == last + 1) {
                return true;
            }
        }
        return false;
    }

    /** A type's name as PostgreSQL reports it, from the tokens of its spelling (modifiers and [] ignored). */
    private static String typeName(SqlTokens t, int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (t.type(i) == SqlLexer.TokenType.LEFT_PAREN || t.type(i) == SqlLexer.TokenType.LEFT_BRACKET) {
                break;
            }
            if (t.type(i) == SqlLexer.TokenType.DOT) {
                words.setLength(0);   // pg_catalog.int4
                continue;
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(identifier(t, i));
        }
        String name = words.toString();
        return TYPE_NAMES.getOrDefault(name, name);
    }
}
