package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's prepared statements and portals by name, as PostgreSQL keeps them: one namespace for Parse and SQL's
 * PREPARE, where only the unnamed statement may be replaced, and portals that close with the implicit transaction.
 * Also what Describe reported of each statement's parameters: a client that binds a parameter it left open in binary
 * (asyncpg) encodes it as the described type, as PostgreSQL fixes the types at Parse.
 */
final class SessionStatements {
    private final Map<String, ParsedStatement> statements = new HashMap<>();
    private final Map<String, int[]> describedParameterTypes = new HashMap<>();
    /** The open parameters' types found in the schema, per statement, so that each Bind does not look again. */
    private final Map<String, int[]> schemaParameterTypes = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();

    /** Refuses a named statement that exists (42P05); the unnamed one is replaced. */
    void checkStatementFree(String name) {
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
        }
    }

    /** Defines statement {@code name} (checked with {@link #checkStatementFree} before it was analysed). */
    void define(String name, ParsedStatement statement) {
        checkStatementFree(name);
        statements.put(name, statement);
        forgetTypes(name);
    }

    ParsedStatement statement(String name) {
        ParsedStatement statement = statements.get(name);
        if (statement == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    /** The parameter types Describe reported for statement {@code name}, or null. */
    int[] describedParameterTypes(String name) {
        return describedParameterTypes.get(name);
    }

    void described(String name, int[] parameterTypes) {
        describedParameterTypes.put(name, parameterTypes);
    }

    /** The open parameters' types from the schema for statement {@code name}, looked up once per statement. */
    int[] schemaParameterTypes(String name, ParameterTypeLookup lookup) throws java.sql.SQLException {
        if (!schemaParameterTypes.containsKey(name)) {
            schemaParameterTypes.put(name, lookup.types());
        }
        return schemaParameterTypes.get(name);
    }

    interface ParameterTypeLookup {
        int[] types() throws java.sql.SQLException;
    }

    /** Refuses a named portal that exists (42P03); the unnamed one is replaced. */
    void checkPortalFree(String name) {
        if (!name.isEmpty() && portals.containsKey(name)) {
            throw new PgException(SqlState.DUPLICATE_CURSOR, "portal \"" + name + "\" already exists");
        }
    }

    void addPortal(Portal portal) {
        closePortal(portal.name);
        portals.put(portal.name, portal);
    }

    Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    void closeStatement(String name) {
        statements.remove(name);
        forgetTypes(name);
    }

    void closePortal(String name) {
        Portal portal = portals.remove(name);
        if (portal != null) {
            portal.close();
        }
    }

    /** Closes every portal: the implicit transaction they belonged to has ended. */
    void closePortals() {
        portals.values().forEach(Portal::close);
        portals.clear();
    }

    /** DEALLOCATE name: 26000 if there is no such statement. */
    void deallocate(String name) {
        forgetTypes(name);
        if (statements.remove(name) == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + name + "\" does not exist");
        }
    }

    void deallocateAll() {
        statements.clear();
        describedParameterTypes.clear();
        schemaParameterTypes.clear();
    }

    /** What was learnt of statement {@code name}'s parameter types goes with the statement. */
    private void forgetTypes(String name) {
        describedParameterTypes.remove(name);
        schemaParameterTypes.remove(name);
    }

    void closeAll() {
        closePortals();
        deallocateAll();
    }
}
