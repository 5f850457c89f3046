package io.pgbridge.proxy.session.cursor;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.session.cursor.CursorStatement.Close;
import io.pgbridge.proxy.session.cursor.CursorStatement.Declare;
import io.pgbridge.proxy.session.cursor.CursorStatement.Fetch;
import io.pgbridge.proxy.session.cursor.CursorStatement.FetchDirection;
import io.pgbridge.proxy.session.cursor.CursorStatement.Scroll;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a cursor statement by PostgreSQL's grammar, over the statement's significant tokens. */
final class CursorStatementReader {
    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    /** The index after the statement's last token that is not a semicolon. */
    private final int end;

    CursorStatementReader(String sql) {
        this.sql = sql;
        for (Token t : SqlLexer.tokenize(sql)) {
            if (!t.type().isTrivia() && t.type() != TokenType.EOF) {
                tokens.add(t);
            }
        }
        // Trailing semicolons end the statement; where one stands in for a missing word it is the syntax error.
        int last = tokens.size();
        while (last > 0 && tokens.get(last - 1).type() == TokenType.SEMICOLON) {
            last--;
        }
        end = last;
    }

    CursorStatement statement() {
        return switch (word()) {
            case "declare" -> declare();
            case "fetch" -> fetch(false);
            case "move" -> fetch(true);
            case "close" -> close();
            default -> throw syntaxError();
        };
    }

    private Declare declare() {
        i++;
        String name = name();
        boolean binary = false;
        Scroll scroll = Scroll.UNSPECIFIED;
        String sensitivity = null;
        while (!is("cursor")) {
            String option = word();
            switch (option) {
                case "binary" -> binary = true;
                case "insensitive", "asensitive" -> {
                    if (sensitivity != null && !sensitivity.equals(option)) {
                        throw conflict("cannot specify both ASENSITIVE and INSENSITIVE");
                    }
                    sensitivity = option;
                }
                case "scroll" -> scroll = scroll(scroll, Scroll.SCROLL);
                case "no" -> {
                    i++;
                    if (!is("scroll")) {
                        throw syntaxError();
                    }
                    scroll = scroll(scroll, Scroll.NO_SCROLL);
                }
                default -> throw syntaxError();
            }
            i++;
        }
        i++;
        boolean hold = false;
        if (is("with") || is("without")) {
            hold = is("with");
            i++;
            expect("hold");
        }
        expect("for");
        String first = word();
        boolean query = first.equals("select") || first.equals("values") || first.equals("table")
                || first.equals("with") || i < tokens.size() && tokens.get(i).type() == TokenType.LEFT_PAREN;
        if (!query) {
            throw syntaxError();
        }
        int offset = tokens.get(i).start();
        String lock = rowLock(i);
        if (lock != null) {
            // PostgreSQL's checks, in its order; left open, such a cursor is NO SCROLL (the query has row marks)
            if (hold) {
                throw readOnly("DECLARE CURSOR WITH HOLD ... " + lock, "Holdable");
            }
            if (scroll == Scroll.SCROLL) {
                throw readOnly("DECLARE SCROLL CURSOR ... " + lock, "Scrollable");
            }
            if ("insensitive".equals(sensitivity)) {
                throw new PgException("ERROR", SqlState.INVALID_CURSOR_DEFINITION.code(), "DECLARE INSENSITIVE"
                        + " CURSOR ... " + lock + " is not valid", "Insensitive cursors must be READ ONLY.", null, 0, null);
            }
            scroll = Scroll.NO_SCROLL;
        }
        return new Declare(name, binary, scroll, hold, sql.substring(offset, tokens.get(end - 1).end()), offset);
    }

    /**
     * The row lock of the query starting at token {@code from} ({@code FOR UPDATE}, {@code FOR NO KEY UPDATE},
     * {@code FOR SHARE}, {@code FOR KEY SHARE}) when it stands at the top level after a FROM, where PostgreSQL gives
     * the query row marks; else null.
     */
    private String rowLock(int from) {
        int depth = 0;
        boolean hasFrom = false;
        for (int k = from; k < end; k++) {
            TokenType type = tokens.get(k).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN) {
                depth--;
            } else if (depth == 0 && type == TokenType.IDENTIFIER) {
                String w = text(k).toLowerCase(Locale.ROOT);
                if (w.equals("from")) {
                    hasFrom = true;
                } else if (w.equals("for") && hasFrom && k + 1 < end) {
                    String next = text(k + 1).toLowerCase(Locale.ROOT);
                    String after = k + 2 < end ? text(k + 2).toLowerCase(Locale.ROOT) : "";
                    switch (next) {
                        case "update" -> {
                            return "FOR UPDATE";
                        }
                        case "share" -> {
                            return "FOR SHARE";
                        }
                        case "no" -> {
                            return after.equals("key") ? "FOR NO KEY UPDATE" : null;
                        }
                        case "key" -> {
                            return after.equals("share") ? "FOR KEY SHARE" : null;
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        return null;
    }

    private static PgException readOnly(String what, String kind) {
        return new PgException("ERROR", SqlState.FEATURE_NOT_SUPPORTED.code(), what + " is not supported",
                kind + " cursors must be READ ONLY.", null, 0, null);
    }

    private Scroll scroll(Scroll before, Scroll now) {
        if (before != Scroll.UNSPECIFIED && before != now) {
            throw conflict("cannot specify both SCROLL and NO SCROLL");
        }
        return now;
    }

    /** The fetch_args of PostgreSQL's grammar. */
    private Fetch fetch(boolean move) {
        i++;
        FetchDirection direction = FetchDirection.FORWARD;
        long count = 1;
        switch (word()) {
            case "next" -> i++;
            case "prior" -> {
                direction = FetchDirection.BACKWARD;
                i++;
            }
            case "first" -> {
                direction = FetchDirection.ABSOLUTE;
                i++;
            }
            case "last" -> {
                direction = FetchDirection.ABSOLUTE;
                count = -1;
                i++;
            }
            case "absolute", "relative" -> {
                direction = is("absolute") ? FetchDirection.ABSOLUTE : FetchDirection.RELATIVE;
                i++;
                count = signedInteger();
            }
            case "all" -> {
                count = Fetch.ALL;
                i++;
            }
            case "forward", "backward" -> {
                direction = is("forward") ? FetchDirection.FORWARD : FetchDirection.BACKWARD;
                i++;
                if (is("all")) {
                    count = Fetch.ALL;
                    i++;
                } else if (isNumber()) {
                    count = signedInteger();
                }
            }
            default -> {
                if (isNumber()) {
                    count = signedInteger();
                }
            }
        }
        if (is("from") || is("in")) {
            i++;
        }
        String name = name();
        end();
        return new Fetch(name, direction, count, move);
    }

    private Close close() {
        i++;
        if (is("all")) {
            i++;
            end();
            return new Close(null);
        }
        String name = name();
        end();
        return new Close(name);
    }

    /** SignedIconst: an optional minus and an integer that fits in 32 bits. */
    private long signedInteger() {
        boolean negative = false;
        if (i < tokens.size() && tokens.get(i).type() == TokenType.OPERATOR
                && (text(i).equals("-") || text(i).equals("+"))) {
            negative = text(i).equals("-");
            i++;
        }
        if (i >= tokens.size() || tokens.get(i).type() != TokenType.NUMBER) {
            throw syntaxError();
        }
        try {
            int value = Integer.parseInt(text(i));
            i++;
            return negative ? -(long) value : value;
        } catch (NumberFormatException e) {
            throw syntaxError();
        }
    }

    private boolean isNumber() {
        if (i < tokens.size() && tokens.get(i).type() == TokenType.NUMBER) {
            return true;
        }
        return i + 1 < tokens.size() && tokens.get(i).type() == TokenType.OPERATOR
                && (text(i).equals("-") || text(i).equals("+")) && tokens.get(i + 1).type() == TokenType.NUMBER;
    }

    /** A cursor name: an unquoted one folded to lower case, a quoted one as written. */
    private String name() {
        if (i >= tokens.size()) {
            throw syntaxError();
        }
        Token t = tokens.get(i);
        String text = t.text(sql);
        if (t.type() == TokenType.QUOTED_IDENTIFIER && text.startsWith("\"")) {
            i++;
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        if (t.type() != TokenType.IDENTIFIER) {
            throw syntaxError();
        }
        i++;
        return text.toLowerCase(Locale.ROOT);
    }

    private void expect(String word) {
        if (!is(word)) {
            throw syntaxError();
        }
        i++;
    }

    private void end() {
        if (i < end) {
            throw syntaxError();
        }
    }

    /** The current token as a lower-case word, or "" when it is not an unquoted word. */
    private String word() {
        if (i >= tokens.size() || tokens.get(i).type() != TokenType.IDENTIFIER) {
            return "";
        }
        return text(i).toLowerCase(Locale.ROOT);
    }

    private boolean is(String lowerCaseWord) {
        return word().equals(lowerCaseWord);
    }

    private String text(int index) {
        return tokens.get(index).text(sql);
    }

    private PgException syntaxError() {
        if (i >= tokens.size()) {
            return new PgException("ERROR", SqlState.SYNTAX_ERROR.code(), "syntax error at end of input", null,
                    null, sql.stripTrailing().length() + 1, null);
        }
        Token t = tokens.get(i);
        return new PgException("ERROR", SqlState.SYNTAX_ERROR.code(), "syntax error at or near \"" + t.text(sql)
                + "\"", null, null, t.start() + 1, null);
    }

    private PgException conflict(String message) {
        return new PgException(SqlState.INVALID_CURSOR_DEFINITION, message);
    }
}
