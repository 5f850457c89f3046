package io.pgbridge.translation;

import io.pgbridge.translation.SqlLexer.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple-query string into its statements at top-level semicolons.
 *
 * <p>A PostgreSQL server parses a multi-statement Query message with its grammar; a JDBC backend
 * needs one statement per call, so the proxy splits lexically, as psql does: a {@code ;} ends a
 * statement unless it is inside a string, quoted identifier, comment, dollar quote, parentheses,
 * or the {@code BEGIN ... END} body of a {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (SQL-standard
 * bodies, {@code BEGIN ATOMIC}). Each statement is trimmed to run from its first to its last token
 * that is not whitespace or a comment, so leading and trailing comments are dropped; statements
 * with no such token are dropped. Text with no statement at all yields an empty list, to which the
 * session answers EmptyQueryResponse. Unterminated strings or comments swallow the rest of the
 * text into the last statement; the backend then reports the syntax error.
 */
public final class StatementSplitter {

    /** The half-open range {@code [start, end)} of one statement in the original text. */
    public record Span(int start, int end) {
        public String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private StatementSplitter() {}

    /** The statements of {@code sql}, trimmed, without their semicolons. */
    public static List<String> split(String sql) {
        List<Span> spans = spans(sql);
        List<String> statements = new ArrayList<>(spans.size());
        for (Span span : spans) {
            statements.add(span.text(sql));
        }
        return statements;
    }

    /** Like {@link #split}, as offsets, for callers that want to avoid the substrings. */
    public static List<Span> spans(String sql) {
        List<Span> spans = new ArrayList<>(2);
        SqlLexer lexer = new SqlLexer(sql);
        int first = -1;
        int last = -1;
        int parenDepth = 0;
        int beginDepth = 0;
        RoutineHeader header = new RoutineHeader();
        TokenType type;
        while ((type = lexer.next()) != TokenType.EOF) {
            if (type.isTrivia() && !lexer.unterminated()) {
                continue; // an unterminated comment stays, for the backend to report
            }
            if (type == TokenType.SEMICOLON && parenDepth == 0 && beginDepth == 0) {
                if (first >= 0) {
                    spans.add(new Span(first, last));
                }
                first = -1;
                parenDepth = 0;
                header = new RoutineHeader();
                continue;
            }
            if (first < 0) {
                first = lexer.start();
            }
            last = lexer.end();
            header.accept(lexer);
            switch (type) {
                case LEFT_PAREN -> parenDepth++;
                case RIGHT_PAREN -> parenDepth = Math.max(0, parenDepth - 1);
                case IDENTIFIER -> {
                    if (header.isRoutine() && parenDepth == 0) {
                        if (lexer.isWord("begin")) {
                            beginDepth++;
                        } else if (lexer.isWord("case") && beginDepth > 0) {
                            beginDepth++;
                        } else if (lexer.isWord("end") && beginDepth > 0) {
                            beginDepth--;
                        }
                    }
                }
                default -> { }
            }
        }
        if (first >= 0) {
            spans.add(new Span(first, last));
        }
        return spans;
    }

    /**
     * Recognises {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} from a statement's first words, the
     * only statements whose {@code BEGIN ... END} may hold semicolons.
     */
    private static final class RoutineHeader {
        private int words;
        private boolean routine;
        private boolean failed;

        void accept(SqlLexer lexer) {
            if (routine || failed) {
                return;
            }
            int index = words++;
            boolean ok = lexer.type() == TokenType.IDENTIFIER && switch (index) {
                case 0 -> lexer.isWord("create");
                case 1 -> lexer.isWord("or") || isRoutineWord(lexer);
                case 2 -> lexer.isWord("replace");
                case 3 -> isRoutineWord(lexer);
                default -> false;
            };
            if (!ok) {
                failed = true;
            } else if ((index == 1 || index == 3) && isRoutineWord(lexer)) {
                routine = true;
            }
        }

        boolean isRoutine() {
            return routine;
        }

        private static boolean isRoutineWord(SqlLexer lexer) {
            return lexer.isWord("function") || lexer.isWord("procedure");
        }
    }
}
