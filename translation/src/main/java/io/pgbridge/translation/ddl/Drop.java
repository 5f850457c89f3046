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

    /** Reads from just after DROP; the statements to run one after the other. */
    List<String> translate(TokenCursor in, String statement) {
        String object = in.text(0).toLowerCase(Locale.ROOT);
        if (!List.of("table", "view", "index", "sequence").contains(object)) {
            if (target == SqlTarget.H2) {
                return List.of(statement);
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
            if (names.size() > 1) {
                throw TranslationException.unsupported("DROP INDEX of several indexes in one statement", target);
            }
            return List.of(dropMariaDbIndex(names.get(0), ifExists));
        }
        if (object.equals("sequence") && target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("DROP SEQUENCE", target);
        }
        if (ifExists && StandardTargets.isStandard(target) && !StandardTargets.dropsIfExists(target)) {
            throw TranslationException.unsupported("DROP " + keyword + " IF EXISTS", target);
        }
        if (target == SqlTarget.SQLITE) {
            // One object per statement in SQLite: the proxy runs them in one transaction.
            return names.stream().map(n -> "DROP " + keyword + (ifExists ? " IF EXISTS " : " ") + n.render(target))
                    .toList();
        }
        boolean severalAllowed = target == SqlTarget.MARIADB || object.equals("table") && target == SqlTarget.H2;
        if (names.size() > 1 && !severalAllowed) {
            throw TranslationException.unsupported("DROP " + keyword + " of several objects in one statement", target);
        }
        // H2 honours CASCADE as PostgreSQL does; MariaDB and SQLite have no dependent objects to cascade to.
        String drop = "DROP " + keyword + (ifExists ? " IF EXISTS " : " ")
                + names.stream().map(n -> n.render(target)).collect(Collectors.joining(", "))
                + (target == SqlTarget.H2 || target == SqlTarget.HSQLDB ? behaviour : "");
        if (target == SqlTarget.MARIADB && names.size() > 1 && !ifExists && !object.equals("sequence")) {
            return List.of(dropAllOrNone(drop, names, object));
        }
        return List.of(drop);
    }

    /**
     * MariaDB drops the tables it finds and then fails for a missing one, where PostgreSQL drops none: a compound
     * statement checks that all exist first (DDL commits at once in MariaDB, so there is nothing to roll back).
     */
    private static String dropAllOrNone(String drop, List<ObjectName> names, String object) {
        StringBuilder out = new StringBuilder("BEGIN NOT ATOMIC");
        for (ObjectName name : names) {
            String schema = name.parts().size() == 2 && !name.parts().get(0).value().equals("public")
                    ? literal(name.parts().get(0).value()) : "DATABASE()";
            out.append(" IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = ").append(schema)
                    .append(" AND table_name = ").append(literal(name.last().value())).append(") THEN SIGNAL SQLSTATE")
                    .append(object.equals("index") ? " '42704'" : " '42P01'").append(" SET MESSAGE_TEXT = ")
                    .append(literal(object + " \"" + name.last().value() + "\" does not exist")).append("; END IF;");
        }
        return out.append(' ').append(drop).append("; END").toString();
    }

    /**
     * MariaDB's index names belong to a table ({@code DROP INDEX i ON t}), which PostgreSQL's statement does not
     * name: a compound statement finds the table in information_schema and drops the index with dynamic SQL, or
     * fails as PostgreSQL does (42704) when there is no such index and IF EXISTS was not written.
     */
    private static String dropMariaDbIndex(ObjectName name, boolean ifExists) {
        String index = name.last().value();
        String schema = name.parts().size() == 2 && !name.parts().get(0).value().equals("public")
                ? literal(name.parts().get(0).value()) : "DATABASE()";
        String missing = ifExists ? "DO 0"
                : "SIGNAL SQLSTATE '42704' SET MESSAGE_TEXT = " + literal("index \"" + index + "\" does not exist");
        return "BEGIN NOT ATOMIC DECLARE t TEXT DEFAULT (SELECT table_name"
                + " FROM information_schema.statistics WHERE table_schema = " + schema + " AND index_name = "
                + literal(index) + " LIMIT 1); IF t IS NULL THEN " + missing + "; ELSE"
                + " EXECUTE IMMEDIATE CONCAT(" + literal("DROP INDEX " + name.last().quoted() + " ON ")
                + ", " + (schema.equals("DATABASE()") ? "" : literal(name.parts().get(0).quoted() + ".") + ", ")
                + "'\"', REPLACE(t, '\"', '\"\"'), '\"'); END IF; END";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * {@code TRUNCATE [TABLE] [ONLY] t [*] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}. PostgreSQL's
     * TRUNCATE is transactional and keeps sequences by default; DELETE FROM is what does the same on the targets
     * (their TRUNCATE commits at once, and MariaDB's resets AUTO_INCREMENT). RESTART IDENTITY uses the targets'
     * TRUNCATE, which restarts the counters.
     */
    static List<String> truncate(TokenCursor in, SqlTarget target) {
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
        boolean cascade = in.acceptWords("cascade");
        if (!cascade) {
            in.acceptWords("restrict");
        }
        in.expectEnd();
        if (names.size() > 1 && restart && target == SqlTarget.MARIADB) {
            // MariaDB's TRUNCATE commits at once: tables after a failing one would stay as they were.
            throw TranslationException.unsupported("TRUNCATE … RESTART IDENTITY of several tables", target);
        }
        List<String> commands = new ArrayList<>();
        if (target == SqlTarget.MARIADB && !cascade) {
            commands.addAll(MariaDbDynamicDdl.statements(referencedCheck(names), "DO 0"));
        }
        for (ObjectName name : names) {
            commands.add(truncateOne(name.render(target), restart, target));
        }
        // H2 runs several commands sent as one statement, in order (pgbench's initialisation truncates four tables);
        // the proxy runs the others' one after the other in one transaction.
        return target == SqlTarget.H2 ? List.of(String.join("; ", commands)) : commands;
    }

    /**
     * PostgreSQL refuses to truncate a table that a foreign key of another table (one not truncated with it)
     * references, whether or not any row does; a DELETE would only fail for the rows that do. So MariaDB is asked
     * first whether such a key exists, and then raises PostgreSQL's error.
     */
    private static String referencedCheck(List<ObjectName> names) {
        String tables = names.stream()
                .map(n -> "(" + MariaDbDynamicDdl.schema(n) + ", " + MariaDbDynamicDdl.literal(n.last().value()) + ")")
                .collect(Collectors.joining(", "));
        String signal = "SIGNAL SQLSTATE '0A000' SET MESSAGE_TEXT ="
                + " 'cannot truncate a table referenced in a foreign key constraint'";
        return "IF(EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE (UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME) IN (" + tables + ")"
                + " AND (CONSTRAINT_SCHEMA, TABLE_NAME) NOT IN (" + tables + ")), "
                + MariaDbDynamicDdl.literal(signal) + ", 'DO 0')";
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
