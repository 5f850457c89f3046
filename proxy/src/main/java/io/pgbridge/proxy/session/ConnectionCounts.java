package io.pgbridge.proxy.session;

import io.pgbridge.config.ConnectionLimits;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.error.SqlState;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions per user and per database against their limits: PostgreSQL's CONNECTION LIMIT of a role and of a
 * database, checked as PostgreSQL checks them, after authentication (so a failed login never counts), the role
 * first. A session's places are given back when its connection closes, however it closes. Names without a limit
 * are not counted, and a count that drops to zero is forgotten, so the maps hold only who is connected.
 */
public final class ConnectionCounts {
    private static final Runnable NOTHING = () -> { };

    private final ConnectionLimits limits;
    private final ConcurrentHashMap<String, Integer> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> byDatabase = new ConcurrentHashMap<>();

    public ConnectionCounts(ConnectionLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes a place for {@code user} and one for {@code database}; returns what gives them back, or throws with
     * PostgreSQL's FATAL 53300 when either is full.
     */
    Runnable admit(String user, String database) {
        if (!limits.countsSessions()) {
            return NOTHING;
        }
        int userLimit = limits.forUser(user);
        int databaseLimit = limits.forDatabase(database);
        if (!take(byUser, user, userLimit)) {
            throw AuthenticationException.refused(SqlState.TOO_MANY_CONNECTIONS,
                    "too many connections for role \"" + user + "\"");
        }
        if (!take(byDatabase, database, databaseLimit)) {
            give(byUser, user, userLimit);
            throw AuthenticationException.refused(SqlState.TOO_MANY_CONNECTIONS,
                    "too many connections for database \"" + database + "\"");
        }
        return () -> {
            give(byUser, user, userLimit);
            give(byDatabase, database, databaseLimit);
        };
    }

    /** Sessions of {@code user} counted now (0 when it has no limit). */
    public int ofUser(String user) {
        return byUser.getOrDefault(user, 0);
    }

    /** Sessions on {@code database} counted now (0 when it has no limit). */
    public int ofDatabase(String database) {
        return byDatabase.getOrDefault(database, 0);
    }

    private static boolean take(ConcurrentHashMap<String, Integer> counts, String name, int limit) {
        if (limit == ConnectionLimits.NO_LIMIT) {
            return true;
        }
        boolean[] taken = {false};
        counts.compute(name, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void give(ConcurrentHashMap<String, Integer> counts, String name, int limit) {
        if (limit != ConnectionLimits.NO_LIMIT) {
            counts.computeIfPresent(name, (key, count) -> count <= 1 ? null : count - 1);
        }
    }
}
