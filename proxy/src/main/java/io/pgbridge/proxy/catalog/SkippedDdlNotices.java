package io.pgbridge.proxy.catalog;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.translation.PgColumnNames;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The NOTICEs PostgreSQL sends when {@code DROP {TABLE|VIEW|INDEX|SEQUENCE} IF EXISTS} finds nothing to drop or
 * {@code CREATE {TABLE|INDEX} IF NOT EXISTS} finds the object there already, for backends that skip silently: the
 * objects are looked up with the dialect's {@link BackendDialect#objectExistsQuery} before the statement runs.
 * MariaDB says so itself (its notes are mapped in the error package) and PostgreSQL sends its own notices.
 */
public final class SkippedDdlNotices {
    private static final Set<String> DROPPED = Set.of("table", "view", "index", "sequence");
    private static final Set<String> CREATED = Set.of("table", "index");

    /** {@code names}: schema (null when unqualified) and name of each object, as PostgreSQL folds them. */
    private record Target(String kind, boolean dropping, List<String[]> names) {
    }

    private SkippedDdlNotices() {
    }

    /** The notices to send once {@code sql} has succeeded on this backend: empty if it skips nothing or if unknown. */
    public static List<BackendMessage.Notice> of(String sql, Connection connection, BackendDialect dialect) {
        Target target = target(new SqlTokens(sql));
        String query = target == null ? null : dialect.objectExistsQuery(target.kind());
        if (query == null) {
            return List.of();
        }
        List<BackendMessage.Notice> skipped = new ArrayList<>();
        for (String[] name : target.names()) {
            boolean exists;
            try {
                exists = exists(connection, query, name[0], name[1]);
            } catch (SQLException unreadable) {
                return List.of();   // a catalog this lookup does not know (an old H2): the statement runs silently
            }
            if (target.dropping() && !exists) {
                skipped.add(notice("00000", target.kind() + " \"" + name[1] + "\" does not exist, skipping"));
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
    private static Target target(SqlTokens t) {
        boolean dropping = t.isWord(0, "drop");
        if (!dropping && !t.isWord(0, "create")) {
            return null;
        }
        int i = !dropping && t.isWord(1, "unique") ? 2 : 1;
        String kind = t.word(i);
        if (kind == null || !(dropping ? DROPPED : CREATED).contains(kind)) {
            return null;
        }
        i++;
        if (kind.equals("index") && t.isWord(i, "concurrently")) {
            i++;
        }
        if (!t.isWord(i++, "if") || !dropping && !t.isWord(i++, "not") || !t.isWord(i++, "exists")) {
            return null;
        }
        List<String[]> names = new ArrayList<>();
        while (true) {
            String[] name = {null, identifier(t, i)};
            if (t.type(i + 1) == TokenType.DOT) {
                name = new String[] {name[1], identifier(t, i + 2)};
                i += 2;
            }
            if (name[1] == null) {
                return null;
            }
            names.add(name);
            if (!dropping || t.type(++i) != TokenType.COMMA) {
                return new Target(kind, dropping, names);
            }
            i++;
        }
    }

    /** The identifier at token {@code i} as PostgreSQL folds it, or null if it is not a plain or double-quoted one. */
    private static String identifier(SqlTokens t, int i) {
        TokenType type = t.type(i);
        return type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER && t.text(i).startsWith("\"")
                ? PgColumnNames.identifier(t, i) : null;
    }

    private static boolean exists(Connection connection, String query, String schema, String name)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
