package io.pgbridge.translation.calcite;

import io.pgbridge.translation.PgStrings;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lexer pass before Calcite: rewrites the PostgreSQL tokens Babel cannot read, or reads wrongly, into text it
 * parses faithfully. {@code $n} become dynamic parameters (their numbers are kept so the output can say {@code $n}
 * again); {@code E''} and dollar-quoted strings become standard strings; {@code ->}/{@code ->>},
 * {@code interval '…'}, {@code extract(f from x)} and {@code DISTINCT ON (…)} become calls of marker functions that
 * {@link PgRewriter} translates; {@code ONLY} is dropped (there is no inheritance on the backends). Operators the
 * backends have no equivalent for are refused here, by name, before Calcite would call them a syntax error.
 */
final class StatementNormalizer {
    static final String JSON_GET = "pgbridge_json_get";
    static final String JSON_GET_TEXT = "pgbridge_json_get_text";
    static final String JSON_PATH = "pgbridge_json_path";
    static final String JSON_PATH_TEXT = "pgbridge_json_path_text";
    static final String INTERVAL = "pgbridge_interval";
    static final String EXTRACT = "pgbridge_extract";
    static final String DISTINCT_ON = "pgbridge_distinct_on";

    private static final Set<String> INTERVAL_UNITS = Set.of("year", "years", "month", "months", "day", "days",
            "hour", "hours", "minute", "minutes", "second", "seconds", "week", "weeks");
    /** Words that continue a type name after its first word: double precision, timestamp with time zone… */
    /** Words a parenthesis follows without making a call of them: {@code select (a - b)::text}. */
    private static final Set<String> NOT_CALLS = Set.of("select", "where", "and", "or", "not", "when", "then",
            "else", "on", "having", "by", "distinct", "all", "from", "case", "between", "is", "like", "return");
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone");
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("~", "~*", "!~*", "@>", "<@", "?", "?|",
            "?&", "&&", "@@", "#", "#-", "<->", "@?", "~~", "~~*", "!~~", "!~~*", "|/", "||/", "^", "@", "&<", "&>",
            "<<|", "|>>", "-|-", "<<", ">>");

    /** The normalised statement and, for each {@code ?} in it in order, the client's parameter number. */
    record Result(MappedText text, List<Integer> parameterNumbers) {
    }

    private final String sql;
    private final SqlTarget target;
    private final List<Token> tokens;
    private final MappedText out = new MappedText();
    private final List<Integer> parameters = new ArrayList<>();
    private final Deque<int[]> parens = new ArrayDeque<>(); // {operand start, 1 if DISTINCT ON list, 1 if CAST}
    /** Open {@code power(} calls of {@code ^}: {the exponent's last token, the output start of the call}. */
    private final Deque<int[]> powers = new ArrayDeque<>();
    private int operandStart = -1;
    /** Where the function call before an OVER starts, while the OVER is the last word read; -1 otherwise. */
    private int windowedStart = -1;
    private int identifierStart = -1;
    private boolean afterDot;
    private String previousWord = "";
    private int significantSeen;
    /** Set by {@link #word} when it wrote (or dropped) the word itself. */
    private boolean wordHandled;

    private StatementNormalizer(String sql, SqlTarget target) {
        this.sql = sql;
        this.target = target;
        this.tokens = SqlLexer.tokenize(sql);
    }

    static Result normalize(String sql, SqlTarget target) {
        StatementNormalizer normalizer = new StatementNormalizer(sql, target);
        normalizer.run();
        return new Result(normalizer.out, List.copyOf(normalizer.parameters));
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.unterminated()) {
                throw new TranslationException(TranslationException.SYNTAX_ERROR,
                        "unterminated " + describe(token.type()), token.start() + 1);
            }
            if (token.type().isTrivia()) {
                out.append(" ", token.start());
                continue;
            }
            i = significant(i, token);
            significantSeen++;
            while (!powers.isEmpty() && powers.peek()[0] <= i) {
                out.append(")", token.start());
                resetOperand();
                operandStart = powers.pop()[1];
            }
        }
    }

    /** Handles the significant token at {@code i}; returns the index of the last token it consumed. */
    private int significant(int i, Token token) {
        int at = out.length();
        String text = token.text(sql);
        boolean identifier = false;
        switch (token.type()) {
            case PARAMETER -> {
                parameters.add(Integer.parseInt(text.substring(1)));
                if (out.length() > 0 && "+-*/<>=~!@#%^&|`?".indexOf(out.lastChar()) >= 0) {
                    out.append(" ", token.start()); // "=?" would lex as one operator
                    at++;
                }
                out.append("?", token.start());
                operandStart = at;
            }
            case ESCAPE_STRING -> {
                out.append(quote(PgStrings.decodeEscapeBody(text.substring(2, text.length() - 1), token.start())),
                        token.start());
                operandStart = at;
            }
            case DOLLAR_STRING -> {
                int tagEnd = text.indexOf('$', 1) + 1;
                out.append(quote(text.substring(tagEnd, text.length() - tagEnd)), token.start());
                operandStart = at;
            }
            case UNICODE_STRING -> throw TranslationException.unsupported("U&'…' string constants", target);
            case BIT_STRING -> {
                if (Character.toLowerCase(text.charAt(0)) == 'b') {
                    throw TranslationException.unsupported("bit-string constants (B'…')", target);
                }
                out.copy(sql, token.start(), token.end());
                operandStart = at;
            }
            case STRING -> {
                int start = text.charAt(0) == '\'' ? token.start() : token.start() + 1; // N'…' is just '…'
                int next = nextSignificant(i);
                if (isOperator(next, "::") && isWord(nextSignificant(next), "interval")) {
                    out.append(INTERVAL + "(", token.start()).copy(sql, start, token.end()).append(")", token.start());
                    operandStart = at;
                    return nextSignificant(next);
                }
                out.copy(sql, start, token.end());
                operandStart = at;
            }
            case IDENTIFIER -> {
                // f(…) OVER (…) is one operand, so that a cast after it (… OVER (…)::numeric) takes it whole.
                windowedStart = text.equalsIgnoreCase("over") ? operandStart : -1;
                wordHandled = false;
                int consumed = word(i, token, text.toLowerCase(Locale.ROOT), at);
                if (wordHandled) {
                    return consumed;
                }
                identifier = true;
            }
            case QUOTED_IDENTIFIER -> {
                if (text.charAt(0) != '"') {
                    throw TranslationException.unsupported("U&\"…\" identifiers", target);
                }
                out.copy(sql, token.start(), token.end());
                identifier = true;
            }
            case OPERATOR -> {
                return operator(i, token, text);
            }
            case LEFT_BRACKET -> {
                if (!previousWord.equals("array")) {
                    throw TranslationException.unsupported("arrays", target);
                }
                out.copy(sql, token.start(), token.end());
            }
            case LEFT_PAREN -> {
                int start = previousWord.equals("over") && windowedStart >= 0 ? windowedStart
                        : identifierStart >= 0 && !NOT_CALLS.contains(previousWord) ? identifierStart : at;
                parens.push(new int[] {start, 0, previousWord.equals("cast") ? 1 : 0});
                out.copy(sql, token.start(), token.end());
            }
            case RIGHT_PAREN -> {
                int[] open = parens.isEmpty() ? new int[] {at, 0} : parens.pop();
                out.append(open[1] == 1 ? ")," : ")", token.start());
                operandStart = open[0];
            }
            case DOT -> {
                out.copy(sql, token.start(), token.end());
                afterDot = true;
                identifierStart = -1;
                previousWord = "";
                return i;
            }
            default -> {
                out.copy(sql, token.start(), token.end());
                operandStart = token.type() == TokenType.NUMBER ? at : -1;
            }
        }
        if (identifier) {
            if (!afterDot) {
                operandStart = at;
            }
            identifierStart = afterDot ? operandStart : at;
        } else {
            identifierStart = -1;
        }
        afterDot = false;
        previousWord = token.type() == TokenType.IDENTIFIER ? text.toLowerCase(Locale.ROOT) : "";
        return i;
    }

    /** An unquoted word; returns the last token index consumed (i itself when the word was simply copied). */
    private int word(int i, Token token, String word, int at) {
        int next = nextSignificant(i);
        switch (word) {
            case "interval" -> {
                if (isType(next, TokenType.STRING)) {
                    wordHandled = true;
                    return intervalLiteral(token, next, at);
                }
            }
            case "timestamptz" -> {
                if (isType(next, TokenType.STRING)) {
                    wordHandled = true;   // Babel has no such typed literal; the cast means the same
                    out.append("CAST(", token.start()).copy(sql, tokens.get(next).start(), tokens.get(next).end())
                            .append(" AS timestamptz)", token.start());
                    operandStart = at;
                    identifierStart = -1;
                    previousWord = "";
                    return next;
                }
            }
            case "extract" -> {
                int field = nextSignificant(next);
                int from = nextSignificant(field);
                if (isType(next, TokenType.LEFT_PAREN) && isWord(from, "from")
                        && (isType(field, TokenType.IDENTIFIER) || isType(field, TokenType.STRING))) {
                    String name = tokens.get(field).text(sql).replace("'", "").toLowerCase(Locale.ROOT);
                    wordHandled = true;
                    parens.push(new int[] {at, 0});
                    out.append(EXTRACT + "(" + quote(name) + ",", token.start());
                    resetOperand();
                    return from;
                }
            }
            case "distinct" -> {
                int paren = nextSignificant(next);
                if (isWord(next, "on") && isType(paren, TokenType.LEFT_PAREN)) {
                    wordHandled = true;
                    parens.push(new int[] {at, 1});
                    out.append(DISTINCT_ON + "(", token.start());
                    resetOperand();
                    return paren;
                }
            }
            case "only" -> {
                if (Set.of("from", "join", "update", "into").contains(previousWord)
                        && (isType(next, TokenType.IDENTIFIER) || isType(next, TokenType.QUOTED_IDENTIFIER))) {
                    wordHandled = true;
                    return i; // nothing emitted: ONLY means nothing without table inheritance
                }
            }
            case "table" -> {
                if (significantSeen == 0) {
                    wordHandled = true;
                    out.append("select * from", token.start());
                    resetOperand();
                    previousWord = "from";
                    return i;
                }
            }
            default -> {
            }
        }
        if (previousWord.equals("as") && !insideCast()) {
            // An alias: always a name in PostgreSQL, though Calcite reserves some (rows, value, year…).
            out.append("\"" + word + "\"", token.start());
            return i;
        }
        out.copy(sql, token.start(), token.end());
        return i;
    }

    /** Whether the innermost open parenthesis is CAST's, where AS is followed by a type, not an alias. */
    private boolean insideCast() {
        int[] open = parens.peek();
        return open != null && open.length > 2 && open[2] == 1;
    }

    /** {@code interval '1 day'} or {@code interval '1' day}: one marker call holding the whole text. */
    private int intervalLiteral(Token keyword, int stringIndex, int at) {
        Token string = tokens.get(stringIndex);
        String value = string.text(sql);
        value = value.substring(value.indexOf('\'') + 1, value.length() - 1).replace("''", "'");
        int unit = nextSignificant(stringIndex);
        int last = stringIndex;
        if (unit < tokens.size() && tokens.get(unit).type() == TokenType.IDENTIFIER
                && INTERVAL_UNITS.contains(tokens.get(unit).text(sql).toLowerCase(Locale.ROOT))) {
            if (isWord(nextSignificant(unit), "to")) {
                throw TranslationException.unsupported("interval qualifiers (… TO …)", target);
            }
            value = value + " " + tokens.get(unit).text(sql).toLowerCase(Locale.ROOT);
            last = unit;
        }
        out.append(INTERVAL + "(" + quote(value) + ")", keyword.start());
        operandStart = at;
        identifierStart = -1;
        previousWord = "";
        return last;
    }

    private int operator(int i, Token token, String op) {
        if (op.equals("->") || op.equals("->>") || op.equals("#>") || op.equals("#>>")) {
            return jsonAccess(i, token, op);
        }
        if (op.equals("::")) {
            return typeCast(i, token);
        }
        if ((op.equals("~") || op.equals("!~")) && operandStart >= 0) {
            // Regular-expression match, as Babel's RLIKE; PgRewriter asks the dialect for it (a unary ~ stays refused).
            out.append(op.equals("~") ? " RLIKE " : " NOT RLIKE ", token.start());
            resetOperand();
            return i;
        }
        if (op.equals("^") && operandStart >= 0) {
            return power(i, token);
        }
        if (UNSUPPORTED_OPERATORS.contains(op) || op.equals("!~")) {
            throw TranslationException.unsupported("the operator " + op, target);
        }
        out.copy(sql, token.start(), token.end());
        resetOperand();
        return i;
    }

    /**
     * {@code a ^ b} as {@code power(a, b)}: PostgreSQL's exponentiation (left-associative), which neither backend
     * spells as an operator. The exponent is one operand: a constant, a name, a call or a parenthesised expression.
     */
    private int power(int i, Token token) {
        int end = exponentEnd(nextSignificant(i));
        int after = nextSignificant(end);
        if (end < 0 || isOperator(after, "::") || isType(after, TokenType.LEFT_BRACKET)) {
            throw TranslationException.unsupported("the operator ^ with this exponent", target);
        }
        int start = operandStart;
        MappedText base = out.cut(start);
        out.append("power(", token.start()).append(base).append(", ", token.start());
        powers.push(new int[] {end, start});
        resetOperand();
        return i;
    }

    /** The last token of the operand starting at {@code j} (after any sign), or -1 for one too complex to tell. */
    private int exponentEnd(int j) {
        while (isOperator(j, "-") || isOperator(j, "+")) {
            j = nextSignificant(j);
        }
        if (j >= tokens.size()) {
            return -1;
        }
        TokenType type = tokens.get(j).type();
        if (type == TokenType.LEFT_PAREN) {
            return closingParen(j);
        }
        if (type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER) {
            if (Set.of("case", "not", "array", "interval").contains(tokens.get(j).text(sql).toLowerCase(Locale.ROOT))) {
                return -1;
            }
            int next = nextSignificant(j);
            while (isType(next, TokenType.DOT)) {
                j = nextSignificant(next);
                next = nextSignificant(j);
            }
            return isType(next, TokenType.LEFT_PAREN) ? closingParen(next) : j;
        }
        return type == TokenType.NUMBER || type == TokenType.STRING || type == TokenType.PARAMETER ? j : -1;
    }

    private int closingParen(int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            TokenType type = tokens.get(j).type();
            depth += type == TokenType.LEFT_PAREN ? 1 : type == TokenType.RIGHT_PAREN ? -1 : 0;
            if (depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * {@code x::type} as {@code CAST(x AS type)}: Babel parses {@code ::} with a lower precedence than comparison
     * ({@code a >= b::int} would cast the comparison), PostgreSQL with the highest.
     */
    private int typeCast(int i, Token token) {
        if (operandStart < 0) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at or near \"::\"",
                    token.start() + 1);
        }
        int start = operandStart;
        MappedText left = out.cut(start);
        out.append("CAST(", token.start()).append(left).append(" AS ", token.start());
        int last = i;
        int next = nextSignificant(i);
        String first = null;
        while (next < tokens.size()) {
            Token t = tokens.get(next);
            String word = t.type() == TokenType.IDENTIFIER ? t.text(sql).toLowerCase(Locale.ROOT) : null;
            boolean takes = first == null ? t.type() == TokenType.IDENTIFIER || t.type() == TokenType.QUOTED_IDENTIFIER
                    : t.type() == TokenType.DOT || t.type() == TokenType.LEFT_PAREN
                            || word != null && TYPE_WORDS.contains(word);
            if (!takes) {
                break;
            }
            if (t.type() == TokenType.LEFT_PAREN) {
                int close = next;
                while (close < tokens.size() && tokens.get(close).type() != TokenType.RIGHT_PAREN) {
                    close++;
                }
                out.copy(sql, t.start(), close < tokens.size() ? tokens.get(close).end() : sql.length());
                last = close;
            } else {
                out.append(" ", t.start()).copy(sql, t.start(), t.end());
                last = next;
            }
            if (first == null) {
                first = t.text(sql);
            }
            next = nextSignificant(last);
        }
        if (first == null) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at or near \"::\"",
                    token.start() + 1);
        }
        if (isType(next, TokenType.LEFT_BRACKET)) {
            throw TranslationException.unsupported("arrays", target);
        }
        out.append(")", tokens.get(last).end() - 1);
        operandStart = start;
        identifierStart = -1;
        previousWord = "";
        return last;
    }

    /** {@code left -> key}: the left operand already written is taken back and wrapped in a marker call. */
    private int jsonAccess(int i, Token token, String op) {
        if (operandStart < 0) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR,
                    "syntax error at or near \"" + op + "\"", token.start() + 1);
        }
        int keyIndex = nextSignificant(i);
        if (keyIndex >= tokens.size()) {
            throw new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at end of input",
                    sql.length() + 1);
        }
        Token key = tokens.get(keyIndex);
        boolean path = op.startsWith("#");
        boolean plainKey = key.type() == TokenType.STRING && key.text(sql).charAt(0) == '\''
                || key.type() == TokenType.NUMBER && !path || key.type() == TokenType.PARAMETER;
        if (!plainKey) {
            throw TranslationException.unsupported("the operator " + op + " with a computed key", target);
        }
        int start = operandStart;
        MappedText left = out.cut(start);
        String marker = path ? (op.length() == 3 ? JSON_PATH_TEXT : JSON_PATH)
                : (op.length() == 3 ? JSON_GET_TEXT : JSON_GET);
        out.append(marker + "(", token.start()).append(left).append(", ", token.start());
        if (key.type() == TokenType.PARAMETER) {
            parameters.add(Integer.parseInt(key.text(sql).substring(1)));
            out.append("?", key.start());
        } else {
            out.copy(sql, key.start(), key.end());
        }
        out.append(")", key.end() - 1);
        operandStart = start;
        identifierStart = -1;
        previousWord = "";
        return keyIndex;
    }

    private void resetOperand() {
        operandStart = -1;
        identifierStart = -1;
        afterDot = false;
        previousWord = "";
    }

    private int nextSignificant(int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).type().isTrivia()) {
            j++;
        }
        return j;
    }

    private boolean isType(int index, TokenType type) {
        return index < tokens.size() && tokens.get(index).type() == type;
    }

    private boolean isWord(int index, String word) {
        return isType(index, TokenType.IDENTIFIER) && tokens.get(index).text(sql).equalsIgnoreCase(word);
    }

    private boolean isOperator(int index, String op) {
        return isType(index, TokenType.OPERATOR) && tokens.get(index).text(sql).equals(op);
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String describe(TokenType type) {
        return switch (type) {
            case BLOCK_COMMENT -> "/* comment";
            case QUOTED_IDENTIFIER -> "quoted identifier";
            case DOLLAR_STRING -> "dollar-quoted string";
            default -> "quoted string";
        };
    }
}
