package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.TokenType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The NOTICEs PostgreSQL sends when {@code DROP {TABLE|VIEW|INDEX|SEQUENCE} IF EXISTS} finds nothing to drop or
 * {@code CREATE {TABLE|INDEX} IF NOT EXISTS} finds the object there already, for backends that skip silently (H2,
 * SQLite): the objects are looked up in the backend's own catalog before the statement runs. MariaDB says so itself
 * (its notes are mapped in the error package) and PostgreSQL sends its own notices, so neither is asked.
 */
public final class SkippedDdlNotices {
    private enum Kind { TABLE, VIEW, INDEX, SEQUENCE }

    private record Target(Kind kind, boolean dropping, List<String[]> names) {
    }

    private SkippedDdlNotices() {
    }

    /** The notices to send once {@code sql} has succeeded on this backend: empty if it skips nothing or if unknown. */
    public static List<BackendMessage.Notice> of(String sql, Connection connection, BackendDialect dialect) {
        String probe = switch (dialect.name()) {
            case "h2" -> "h2";
            case "sqlite" -> "sqlite";
            default -> null;
        };
        Target target = probe == null ? null : target(sql);
        if (target == null) {
            return List.of();
        }
        List<BackendMessage.Notice> skipped = new ArrayList<>();
        for (String[] name : target.names()) {
            Boolean exists;
            try {
                exists = exists(connection, probe, target.kind(), name[0], name[1]);
            } catch (SQLException unreadable) {
                return List.of();   // a catalog this lookup does not know (an old H2): the statement runs silently
            }
            if (exists == null) {
                continue;
            }
            if (target.dropping() && !exists) {
                skipped.add(notice("00000",
                        target.kind().name().toLowerCase(Locale.ROOT) + " \"" + name[1] + "\" does not exist, skipping"));
            } else if (!target.dropping() && exists) {
                skipped.add(notice("42P07", "relation \"" + name[1] + "\" already exists, skipping"));
            }
        }
        return skipped;
    }

    private static BackendMessage.Notice notice(String sqlState, String message) {
        return new BackendMessage.Notice("NOTICE", sqlState, message, null, null, 0, null);
    }

    /** The statement's kind and names when it is one of the skipping forms, else null. */
    private static Target target(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.nextSignificant();
        boolean dropping = lexer.isWord("drop");
        if (!dropping && !lexer.isWord("create")) {
            return null;
        }
        lexer.nextSignificant();
        if (!dropping && lexer.isWord("unique")) {
            lexer.nextSignificant();
        }
        Kind kind;
        try {
            kind = lexer.type() == TokenType.IDENTIFIER ? Kind.valueOf(lexer.text().toUpperCase(Locale.ROOT)) : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
        if (kind == null || !dropping && (kind == Kind.VIEW || kind == Kind.SEQUENCE)) {
            return null;
        }
        lexer.nextSignificant();
        if (kind == Kind.INDEX && lexer.isWord("concurrently")) {
            lexer.nextSignificant();
        }
        if (!lexer.isWord("if")) {
            return null;
        }
        lexer.nextSignificant();
        if (!dropping) {
            if (!lexer.isWord("not")) {
                return null;
            }
            lexer.nextSignificant();
        }
        if (!lexer.isWord("exists")) {
            return null;
        }
        List<String[]> names = new ArrayList<>();
        do {
            String[] name = {null, null};
            lexer.nextSignificant();
            if ((name[1] = identifier(lexer)) == null) {
                return null;
            }
            lexer.nextSignificant();
            if (lexer.type() == TokenType.DOT) {
                lexer.nextSignificant();
                name[0] = name[1];
                if ((name[1] = identifier(lexer)) == null) {
                    return null;
                }
                lexer.nextSignificant();
            }
            names.add(name);
        } while (dropping && lexer.type() == TokenType.COMMA);
        return new Target(kind, dropping, names);
    }

    /** The identifier at the lexer as PostgreSQL folds it, or null if it is not a plain or double-quoted one. */
    private static String identifier(SqlLexer lexer) {
        if (lexer.type() == TokenType.IDENTIFIER) {
            return lexer.text().toLowerCase(Locale.ROOT);
        }
        String text = lexer.text();
        if (lexer.type() == TokenType.QUOTED_IDENTIFIER && text.startsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return null;
    }

    /** Whether the object is there; null when this backend cannot say (SQLite has no sequences of its own). */
    private static Boolean exists(Connection connection, String probe, Kind kind, String schema, String name)
            throws SQLException {
        boolean h2 = probe.equals("h2");
        String query = h2 ? switch (kind) {
            case TABLE -> "select 1 from information_schema.tables where table_type = 'BASE TABLE'"
                    + " and table_schema = coalesce(?, current_schema) and table_name = ?";
            case VIEW -> "select 1 from information_schema.tables where table_type = 'VIEW'"
                    + " and table_schema = coalesce(?, current_schema) and table_name = ?";
            case INDEX -> "select 1 from information_schema.indexes"
                    + " where index_schema = coalesce(?, current_schema) and index_name = ?";
            case SEQUENCE -> "select 1 from information_schema.sequences"
                    + " where sequence_schema = coalesce(?, current_schema) and sequence_name = ?";
        } : kind == Kind.SEQUENCE ? null
                : "select 1 from sqlite_master where type = '" + kind.name().toLowerCase(Locale.ROOT) + "' and name = ?";
        if (query == null) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            if (h2) {
                statement.setString(1, schema);
            }
            statement.setString(h2 ? 2 : 1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
