package io.pgbridge.proxy.error;

import io.pgbridge.proxy.codec.BackendMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's notes for {@code DROP … IF EXISTS} and {@code CREATE … IF NOT EXISTS} that skipped, by vendor code, as
 * the NOTICEs PostgreSQL sends for the same statement: one per object, with PostgreSQL's wording and SQLSTATE, so
 * that a migration script shows in psql what it shows against PostgreSQL. MariaDB names the objects qualified by
 * database ({@code 'test.a,test.b'}); PostgreSQL names them as written, one notice each.
 */
final class MariaDbNotes {
    private static final Pattern QUOTED = Pattern.compile("['`]([^'`]*)['`]");

    private MariaDbNotes() {
    }

    /** PostgreSQL's notices for MariaDB's note, or null when it is not one of these. */
    static List<BackendMessage.Notice> of(int vendorCode, String message) {
        String kind = switch (vendorCode) {
            case 1051 -> "table";
            case 4092 -> "view";
            case 4091 -> "sequence";
            case 1008 -> "schema";
            case 1091 -> message.startsWith("Can't DROP INDEX") ? "index" : null;
            case 1050, 1061 -> "relation";
            default -> null;
        };
        Matcher quoted = QUOTED.matcher(message);
        if (kind == null || !quoted.find()) {
            return null;
        }
        List<BackendMessage.Notice> notices = new ArrayList<>();
        for (String qualified : quoted.group(1).split(",")) {
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            notices.add(kind.equals("relation")
                    ? notice("42P07", "relation \"" + name + "\" already exists, skipping")
                    : notice("00000", kind + " \"" + name + "\" does not exist, skipping"));
        }
        return notices;
    }

    private static BackendMessage.Notice notice(String state, String message) {
        return new BackendMessage.Notice("NOTICE", state, message, null, null, 0, null);
    }
}
