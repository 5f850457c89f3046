package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.List;
import java.util.Locale;

/**
 * The transaction modes of BEGIN, START TRANSACTION, SET TRANSACTION and SET SESSION CHARACTERISTICS:
 * {@code ISOLATION LEVEL level | READ WRITE | READ ONLY | [NOT] DEFERRABLE}, separated by commas or spaces. A null
 * field was not given.
 *
 * @param isolation PostgreSQL's lower-case name of the level ({@code "repeatable read"})
 * @param readOnly "on" or "off", as the transaction_read_only setting shows it
 * @param deferrable "on" or "off"
 */
record TransactionModes(String isolation, String readOnly, String deferrable) {

    /** Reads the modes from {@code words[from...]}; anything else there is PostgreSQL's syntax error. */
    static TransactionModes parse(List<String> words, int from) {
        String isolation = null;
        String readOnly = null;
        String deferrable = null;
        int i = from;
        while (i < words.size()) {
            String w = word(words, i);
            if (w.equals(",")) {
                i++;
            } else if (w.equals("isolation")) {
                if (!word(words, i + 1).equals("level")) {
                    throw syntaxError(words, i + 1);
                }
                String level = word(words, i + 2);
                String next = word(words, i + 3);
                if (level.equals("serializable")) {
                    isolation = level;
                    i += 3;
                } else if (level.equals("repeatable") && next.equals("read")
                        || level.equals("read") && (next.equals("committed") || next.equals("uncommitted"))) {
                    isolation = level + " " + next;
                    i += 4;
                } else {
                    throw syntaxError(words, i + 2);
                }
            } else if (w.equals("read")) {
                if (!word(words, i + 1).equals("only") && !word(words, i + 1).equals("write")) {
                    throw syntaxError(words, i + 1);
                }
                readOnly = word(words, i + 1).equals("only") ? "on" : "off";
                i += 2;
            } else if (w.equals("deferrable")) {
                deferrable = "on";
                i++;
            } else if (w.equals("not")) {
                if (!word(words, i + 1).equals("deferrable")) {
                    throw syntaxError(words, i + 1);
                }
                deferrable = "off";
                i += 2;
            } else {
                throw syntaxError(words, i);
            }
        }
        return new TransactionModes(isolation, readOnly, deferrable);
    }

    private static String word(List<String> words, int i) {
        return i < words.size() ? words.get(i).toLowerCase(Locale.ROOT) : "";
    }

    static PgException syntaxError(List<String> words, int i) {
        return new PgException(SqlState.SYNTAX_ERROR, i < words.size()
                ? "syntax error at or near \"" + words.get(i) + "\"" : "syntax error at end of input");
    }
}
