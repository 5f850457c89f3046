package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A view's query as the backend keeps it, for pg_get_viewdef (psql's {@code \d+ view}) and information_schema:
 * H2 and MariaDB give it in their information_schema (MariaDB rewritten in its own SQL), SQLite in the CREATE VIEW
 * text. PostgreSQL prints a deparse of its own, which pgbridge does not imitate.
 */
final class ViewDefinitions {
    private ViewDefinitions() {
    }

    /** The SELECT of view {@code name}, or null when the backend does not say. */
    static String read(Connection backend, String dialect, String schema, String name) throws SQLException {
        String sql = switch (dialect) {
            case "sqlite" -> "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?";
            case "h2", "mariadb" -> "SELECT view_definition FROM information_schema.views WHERE table_name = ?"
                    + " AND table_schema = ?";
            default -> null;
        };
        if (sql == null) {
            return null;
        }
        try (PreparedStatement ps = backend.prepareStatement(sql)) {
            ps.setString(1, name);
            if (!dialect.equals("sqlite")) {   // SQLite: no schemas
                ps.setString(2, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                return text == null || !dialect.equals("sqlite") ? text : afterAs(text);
            }
        }
    }

    /** {@code CREATE VIEW v AS SELECT …} → {@code SELECT …}. */
    private static String afterAs(String createView) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)^\\s*CREATE\\s+(?:TEMP\\w*\\s+)?VIEW\\s+.*?\\s+AS\\s+(.*)$")
                .matcher(createView);
        return m.matches() ? m.group(1) : createView;
    }
}
