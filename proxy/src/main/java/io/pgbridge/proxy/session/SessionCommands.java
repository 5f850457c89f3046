package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.translation.StatementInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements the proxy answers itself on every backend, dispatched by concern: transaction control to
 * {@link TransactionCommands}, SET/RESET/SHOW to {@link SettingCommands}, PREPARE/DEALLOCATE to
 * {@link PreparedStatementCommands}, cursors to {@link CursorCommands}; DISCARD is here. Returns the CommandComplete tag; notices and rows go
 * through the session.
 */
final class SessionCommands {
    private final Session session;
    private final SettingCommands settings;
    private final PreparedStatementCommands prepared;
    private final MaintenanceCommands maintenance;
    private final CursorCommands cursors;

    SessionCommands(Session session) {
        this.session = session;
        this.settings = new SettingCommands(session);
        this.prepared = new PreparedStatementCommands(session);
        this.maintenance = new MaintenanceCommands(session);
        this.cursors = new CursorCommands(session);
    }

    CursorCommands cursors() {
        return cursors;
    }

    SettingCommands settings() {
        return settings;
    }

    PreparedStatementCommands prepared() {
        return prepared;
    }

    /** True for the statements this class answers; anything else goes to the backend. */
    static boolean handles(ParsedStatement statement, boolean postgresBackend) {
        StatementInfo info = statement.info();
        if (CursorCommands.handles(info.kind(), postgresBackend)) {
            return true;
        }
        return switch (info.kind()) {
            case BEGIN, START_TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT,
                 PREPARE, DEALLOCATE, DISCARD -> true;
            case SET, RESET, SHOW -> !postgresBackend || ownedOnPostgres(SqlWords.of(statement.sql()));
            case VACUUM, ANALYZE -> !postgresBackend;
            default -> false;
        };
    }

    /**
     * On PostgreSQL backends the proxy answers for the settings it owns, for RESET ALL (which must reset those too)
     * and for SET TRANSACTION and SET SESSION CHARACTERISTICS, whose modes reach PostgreSQL through JDBC.
     */
    private static boolean ownedOnPostgres(List<String> words) {
        if (SqlWords.is(words, 0, "set")) {
            int i = SqlWords.is(words, 1, "session") || SqlWords.is(words, 1, "local") ? 2 : 1;
            if (SqlWords.is(words, i, "transaction") || SqlWords.is(words, i, "characteristics")) {
                return true;
            }
        }
        if (SqlWords.is(words, 0, "reset") && SqlWords.is(words, 1, "all")) {
            return true;
        }
        return SettingCommands.ownedOnPostgres(SettingCommands.settingName(words));
    }

    String run(Portal portal) throws Exception {
        ParsedStatement statement = portal.statement;
        StatementInfo info = statement.info();
        List<String> words = SqlWords.of(statement.sql());
        TransactionCommands transactions = session.transactions();
        return switch (info.kind()) {
            case BEGIN, START_TRANSACTION -> transactions.begin(info, words);
            case COMMIT -> transactions.commit();
            case ROLLBACK -> transactions.rollback();
            case SAVEPOINT -> transactions.savepoint(words);
            case RELEASE_SAVEPOINT -> transactions.release(words);
            case ROLLBACK_TO_SAVEPOINT -> transactions.rollbackTo(words);
            case SET -> alsoOnPostgres(statement, SettingCommands.alsoOnPostgres(SettingCommands.settingName(words)),
                    settings.set(words));
            case RESET -> alsoOnPostgres(statement, SqlWords.is(words, 1, "all")
                    || SettingCommands.alsoOnPostgres(SettingCommands.settingName(words)), settings.reset(words));
            case SHOW -> settings.show(words);
            case PREPARE -> prepared.prepare(statement.sql());
            case DEALLOCATE -> prepared.deallocate(words);
            case DISCARD -> alsoOnPostgres(statement, true, discard(info, words));
            case VACUUM, ANALYZE -> maintenance.run(statement.sql(), info.tag());
            case DECLARE, FETCH, MOVE, CLOSE -> cursors.run(portal);
            default -> throw new IllegalStateException("not a session command: " + info.kind());
        };
    }

    /** Runs the statement on a PostgreSQL backend too, when PostgreSQL's own state must follow the proxy's. */
    private String alsoOnPostgres(ParsedStatement statement, boolean needed, String tag) throws SQLException {
        BackendConnection backend = session.backendConnection();
        if (needed && backend.backend().dialect().isPostgres()) {
            session.transactions().beforeBackendStatement(statement.info());
            try (Statement st = backend.get().createStatement()) {
                st.execute(statement.sql());
            }
            backend.markDirty();
        }
        return tag;
    }

    /** DISCARD ALL | PLANS | SEQUENCES | TEMP[ORARY], as PostgreSQL accepts them. */
    private String discard(StatementInfo info, List<String> words) throws SQLException {
        String what = words.size() == 2 ? words.get(1).toLowerCase(java.util.Locale.ROOT) : "";
        switch (what) {
            case "all" -> {
                session.transactions().preventInBlock("DISCARD ALL");
                session.runner().closeAll();
                session.settings().resetAll();
                dropTemporaryTables();
            }
            case "temp", "temporary" -> dropTemporaryTables();
            // pgbridge keeps no plans, and sequence values cached by the session live in the backend's connection
            case "plans", "sequences" -> {
            }
            default -> throw TransactionModes.syntaxError(words, Math.min(words.size(), 1));
        }
        return info.tag();
    }

    /**
     * The session's temporary tables go, where the backend can list them (H2, SQLite); MariaDB cannot, so there
     * they live until the session ends. PostgreSQL runs DISCARD itself.
     */
    private void dropTemporaryTables() throws SQLException {
        BackendConnection backend = session.backendConnection();
        String query = backend.backend().dialect().temporaryTablesQuery();
        if (query == null || !backend.isLeased()) {
            return;
        }
        Connection c = backend.get();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("DROP TABLE \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new PgException(SqlState.INTERNAL_ERROR, "DISCARD could not drop temporary table: " + e.getMessage());
        }
    }
}
