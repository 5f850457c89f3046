package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** DROP TABLE/VIEW/INDEX/SEQUENCE and TRUNCATE: statements that name objects and little else. */
final class Drop {
    private final SqlTarget target;

    Drop(SqlTarget target) {
        this.target = target;
    }

    /** Reads from just after DROP. */
    String translate(TokenCursor in, String statement) {
        String object = in.text(0).toLowerCase(Locale.ROOT);
        if (!List.of("table", "view", "index", "sequence").contains(object)) {
            if (target == SqlTarget.H2) {
                return statement;
            }
            throw TranslationException.unsupported("DROP " + object.toUpperCase(Locale.ROOT), target);
        }
        in.advance();
        if (object.equals("index")) {
            in.acceptWords("concurrently");
        }
        boolean ifExists = in.acceptWords("if", "exists");
        List<ObjectName> names = new ArrayList<>();
        do {
            names.add(in.objectName());
        } while (in.accept(TokenType.COMMA));
        String behaviour = in.acceptWords("cascade") ? " CASCADE" : in.acceptWords("restrict") ? " RESTRICT" : "";
        in.expectEnd();
        String keyword = object.toUpperCase(Locale.ROOT);
        if (object.equals("index") && target == SqlTarget.MARIADB) {
            // MariaDB's index names belong to a table (DROP INDEX i ON t), which PostgreSQL's statement does not name.
            throw TranslationException.unsupported("DROP INDEX", target);
        }
        if (object.equals("sequence") && target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("DROP SEQUENCE", target);
        }
        if (ifExists && StandardTargets.isStandard(target) && !StandardTargets.dropsIfExists(target)) {
            throw TranslationException.unsupported("DROP " + keyword + " IF EXISTS", target);
        }
        boolean severalAllowed = target == SqlTarget.MARIADB || object.equals("table") && target == SqlTarget.H2;
        if (names.size() > 1 && !severalAllowed) {
            throw TranslationException.unsupported("DROP " + keyword + " of several objects in one statement", target);
        }
        // H2 honours CASCADE as PostgreSQL does; MariaDB and SQLite have no dependent objects to cascade to.
        return "DROP " + keyword + (ifExists ? " IF EXISTS " : " ")
                + names.stream().map(n -> n.render(target)).collect(Collectors.joining(", "))
                + (target == SqlTarget.H2 || target == SqlTarget.HSQLDB ? behaviour : "");
    }

    /**
     * {@code TRUNCATE [TABLE] [ONLY] t [*] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}. PostgreSQL's
     * TRUNCATE is transactional and keeps sequences by default; DELETE FROM is what does the same on the targets
     * (their TRUNCATE commits at once, and MariaDB's resets AUTO_INCREMENT). RESTART IDENTITY uses the targets'
     * TRUNCATE, which restarts the counters.
     */
    static String truncate(TokenCursor in, SqlTarget target) {
        in.acceptWords("table");
        List<ObjectName> names = new ArrayList<>();
        do {
            in.acceptWords("only");
            names.add(in.objectName());
            if (in.type(0) == TokenType.OPERATOR && in.text(0).equals("*")) {
                in.advance();
            }
        } while (in.accept(TokenType.COMMA));
        boolean restart = in.acceptWords("restart", "identity");
        if (!restart) {
            in.acceptWords("continue", "identity");
        }
        // CASCADE empties referencing tables too; the targets' ON DELETE rules or errors apply instead.
        if (!in.acceptWords("cascade")) {
            in.acceptWords("restrict");
        }
        in.expectEnd();
        if (names.size() > 1 && target != SqlTarget.H2) {
            throw TranslationException.unsupported("TRUNCATE of several tables in one statement", target);
        }
        // H2 runs several commands sent as one statement, in order (pgbench's initialisation truncates four tables).
        List<String> commands = new ArrayList<>();
        for (ObjectName name : names) {
            commands.add(truncateOne(name.render(target), restart, target));
        }
        return String.join("; ", commands);
    }

    private static String truncateOne(String table, boolean restart, SqlTarget target) {
        if (!restart) {
            return "DELETE FROM " + table;
        }
        return switch (target) {
            case H2, HSQLDB -> "TRUNCATE TABLE " + table + " RESTART IDENTITY";
            case MARIADB -> "TRUNCATE TABLE " + table;
            default -> throw TranslationException.unsupported("TRUNCATE … RESTART IDENTITY", target);
        };
    }
}
