package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A normalised statement cut at the top-level clauses Babel cannot parse: {@code RETURNING}, {@code ON CONFLICT},
 * {@code FOR UPDATE}/{@code FOR SHARE}, {@code UPDATE … FROM} and {@code DELETE … USING}. Each piece is translated on
 * its own and the backend's statement is put together from them.
 *
 * @param main the statement without the clauses below
 * @param returning the expressions after {@code RETURNING}, or null
 * @param onConflict what follows {@code ON CONFLICT}, or null
 * @param locking the row-locking clause from {@code FOR} on, or null
 * @param target for {@code UPDATE … FROM} and {@code DELETE … USING}: the table (and alias) written to
 * @param assignments for {@code UPDATE … FROM}: what follows {@code SET}
 * @param from for {@code UPDATE … FROM}: what follows {@code FROM}; for {@code DELETE … USING}: what follows
 *     {@code USING}
 * @param where for those two: the condition after {@code WHERE}, or null
 */
record StatementClauses(MappedText main, MappedText returning, MappedText onConflict, MappedText locking,
        MappedText target, MappedText assignments, MappedText from, MappedText where) {

    /** A top-level word of the statement and where it stands in the normalised text. */
    private record Word(String word, int start, int end) {
    }

    /** Whether this is an {@code UPDATE … FROM} or {@code DELETE … USING} with its pieces cut out. */
    boolean joinsTables() {
        return from != null;
    }

    static StatementClauses split(MappedText text) {
        String sql = text.toString();
        List<Word> words = topLevelWords(sql);
        int end = sql.length();
        MappedText returning = null;
        MappedText onConflict = null;
        MappedText locking = null;
        int at = indexOf(words, "returning", 0);
        if (at >= 0) {
            returning = text.slice(words.get(at).end(), end);
            end = words.get(at).start();
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).word().equals("on") && words.get(i + 1).word().equals("conflict")
                    && words.get(i).start() < end && first(words).equals("insert")) {
                onConflict = text.slice(words.get(i + 1).end(), end);
                end = words.get(i).start();
                break;
            }
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            String next = words.get(i + 1).word();
            if (words.get(i).word().equals("for") && words.get(i).start() < end
                    && (next.equals("update") || next.equals("share") || next.equals("no") || next.equals("key"))) {
                locking = text.slice(words.get(i).start(), end);
                end = words.get(i).start();
                break;
            }
        }
        final int mainEnd = end;
        List<Word> head = words.stream().filter(w -> w.start() < mainEnd).toList();
        String kind = first(words);
        if (kind.equals("update")) {
            int set = indexOf(head, "set", 1);
            int from = set < 0 ? -1 : indexOf(head, "from", set + 1);
            if (from >= 0) {
                int where = indexOf(head, "where", from + 1);
                int fromEnd = where < 0 ? mainEnd : head.get(where).start();
                return new StatementClauses(text.slice(0, mainEnd), returning, onConflict, locking,
                        text.slice(head.get(0).end(), head.get(set).start()),
                        text.slice(head.get(set).end(), head.get(from).start()),
                        text.slice(head.get(from).end(), fromEnd),
                        where < 0 ? null : text.slice(head.get(where).end(), mainEnd));
            }
        } else if (kind.equals("delete")) {
            int using = indexOf(head, "using", 1);
            if (using >= 0 && head.size() > 1 && head.get(1).word().equals("from")) {
                int where = indexOf(head, "where", using + 1);
                int usingEnd = where < 0 ? mainEnd : head.get(where).start();
                return new StatementClauses(text.slice(0, mainEnd), returning, onConflict, locking,
                        text.slice(head.get(1).end(), head.get(using).start()), null,
                        text.slice(head.get(using).end(), usingEnd),
                        where < 0 ? null : text.slice(head.get(where).end(), mainEnd));
            }
        }
        return new StatementClauses(text.slice(0, mainEnd), returning, onConflict, locking, null, null, null, null);
    }

    private static String first(List<Word> words) {
        return words.isEmpty() ? "" : words.get(0).word();
    }

    private static int indexOf(List<Word> words, String word, int from) {
        for (int i = from; i < words.size(); i++) {
            if (words.get(i).word().equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Unquoted words outside parentheses; a WITH clause's bodies are inside parentheses and so never seen. */
    private static List<Word> topLevelWords(String sql) {
        List<Word> words = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        int depth = 0;
        for (TokenType t = lexer.nextSignificant(); t != TokenType.EOF; t = lexer.nextSignificant()) {
            switch (t) {
                case LEFT_PAREN, LEFT_BRACKET -> depth++;
                case RIGHT_PAREN, RIGHT_BRACKET -> depth--;
                case IDENTIFIER -> {
                    if (depth == 0) {
                        words.add(new Word(lexer.text().toLowerCase(Locale.ROOT), lexer.start(), lexer.end()));
                    }
                }
                default -> {
                }
            }
        }
        return words;
    }
}
