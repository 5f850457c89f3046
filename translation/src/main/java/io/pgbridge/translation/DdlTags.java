package io.pgbridge.translation;

import io.pgbridge.translation.StatementClassifier.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command tags of CREATE, ALTER and DROP, which PostgreSQL builds from the verb and the object type
 * ({@code CREATE TABLE}, {@code DROP MATERIALIZED VIEW}), with a few twists checked against
 * PostgreSQL 15: USER and GROUP are ROLE, CONSTRAINT TRIGGER is TRIGGER, and CREATE TABLE AS and
 * CREATE MATERIALIZED VIEW report {@code SELECT n} unless created {@code WITH NO DATA}.
 */
final class DdlTags {

    /** Words between CREATE and the object type that do not belong to the tag. */
    private static final Set<String> CREATE_MODIFIERS = Set.of(
            "temp", "temporary", "local", "global", "unlogged", "unique", "default", "trusted",
            "procedural", "recursive", "constraint");

    /** Object types of two words or more, first word to the rest. */
    private static final List<String[]> PHRASES = List.of(
            new String[] {"materialized", "view"},
            new String[] {"foreign", "data", "wrapper"},
            new String[] {"foreign", "table"},
            new String[] {"event", "trigger"},
            new String[] {"text", "search", "parser"},
            new String[] {"text", "search", "dictionary"},
            new String[] {"text", "search", "template"},
            new String[] {"text", "search", "configuration"},
            new String[] {"operator", "class"},
            new String[] {"operator", "family"},
            new String[] {"user", "mapping"},
            new String[] {"access", "method"},
            new String[] {"default", "privileges"},
            new String[] {"large", "object"});

    private DdlTags() {}

    static StatementInfo classify(Tokens t, int i, List<String> words) {
        String verb = t.word(i);
        int j = i + 1;
        if (verb.equals("create")) {
            if (t.is(j, "or") && t.is(j + 1, "replace")) {
                j += 2;
            }
            while (t.word(j) != null && CREATE_MODIFIERS.contains(t.word(j))
                    && !(t.is(j, "default") && t.is(j + 1, "privileges"))) {
                j++;
            }
        }
        String object = objectType(t, j);
        String tag = verb.toUpperCase(Locale.ROOT) + (object == null ? "" : " " + object);
        if (verb.equals("create") && ("TABLE".equals(object) || "MATERIALIZED VIEW".equals(object))
                && t.findWord(j + 1, "as") >= 0) {
            if (!withNoData(t)) {
                tag = "SELECT";
            } else if ("TABLE".equals(object)) {
                tag = "CREATE TABLE AS";
            }
        }
        return StatementClassifier.fixed(StatementKind.DDL, tag, words);
    }

    private static String objectType(Tokens t, int j) {
        String first = t.word(j);
        if (first == null) {
            return null;
        }
        for (String[] phrase : PHRASES) {
            if (matches(t, j, phrase)) {
                return String.join(" ", phrase).toUpperCase(Locale.ROOT);
            }
        }
        return switch (first) {
            case "user", "group" -> "ROLE";
            default -> first.toUpperCase(Locale.ROOT);
        };
    }

    private static boolean matches(Tokens t, int j, String[] phrase) {
        for (int k = 0; k < phrase.length; k++) {
            if (!t.is(j + k, phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean withNoData(Tokens t) {
        int n = t.size();
        return t.is(n - 3, "with") && t.is(n - 2, "no") && t.is(n - 1, "data");
    }
}
