package io.pgbridge.config;

import java.time.Duration;
import java.util.Map;

/**
 * Limits on who may hold how many connections, and how fast one address may open them. Counts of users and
 * databases are PostgreSQL's {@code CONNECTION LIMIT} of a role or database; -1 means no limit.
 *
 * @param maxPerUser connections one user may hold at once, unless {@code byUser} says otherwise
 * @param maxPerDatabase connections to one database (the name the client asks for), unless {@code byDatabase} says
 *     otherwise
 * @param byUser user name → its own limit
 * @param byDatabase database name → its own limit
 * @param ratePerAddress new connections one client address may open, as a token bucket; null for no limit
 * @param rateExemptLoopback whether connections from loopback addresses are left out of the rate limit
 */
public record ConnectionLimits(int maxPerUser, int maxPerDatabase, Map<String, Integer> byUser,
                               Map<String, Integer> byDatabase, ConnectionRate ratePerAddress,
                               boolean rateExemptLoopback) {
    public static final int NO_LIMIT = -1;

    public ConnectionLimits {
        check("max_connections_per_user", maxPerUser);
        check("max_connections_per_database", maxPerDatabase);
        byUser = byUser == null ? Map.of() : Map.copyOf(byUser);
        byDatabase = byDatabase == null ? Map.of() : Map.copyOf(byDatabase);
        byUser.forEach((user, limit) -> check("user_connection_limits." + user, limit));
        byDatabase.forEach((database, limit) -> check("database_connection_limits." + database, limit));
    }

    public static ConnectionLimits none() {
        return new ConnectionLimits(NO_LIMIT, NO_LIMIT, Map.of(), Map.of(), null, false);
    }

    /** The limit for {@code user}, or {@link #NO_LIMIT}. */
    public int forUser(String user) {
        return byUser.getOrDefault(user, maxPerUser);
    }

    /** The limit for {@code database}, or {@link #NO_LIMIT}. */
    public int forDatabase(String database) {
        return byDatabase.getOrDefault(database, maxPerDatabase);
    }

    /** Whether any user or database limit is set, so that sessions need counting at all. */
    public boolean countsSessions() {
        return maxPerUser != NO_LIMIT || maxPerDatabase != NO_LIMIT || !byUser.isEmpty() || !byDatabase.isEmpty();
    }

    private static void check(String key, int limit) {
        if (limit < NO_LIMIT) {
            throw new ConfigException(key, "expected a number of connections, 0 or more, or -1 for no limit, got "
                    + limit);
        }
    }

    /**
     * At most {@code connections} new connections per {@code period} from one address, in bursts of up to
     * {@code connections}: a token bucket that refills at connections/period.
     */
    public record ConnectionRate(int connections, Duration period) {
        public ConnectionRate {
            if (connections < 1) {
                throw new ConfigException("expected a positive number of connections, got " + connections);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new ConfigException("expected a positive period");
            }
        }

        /** {@code 50/s}, {@code 600/min}, {@code 1000/h}. */
        static ConnectionRate parse(String text) {
            String[] parts = text.strip().split("\\s*/\\s*");
            if (parts.length == 2 && parts[0].matches("[0-9]{1,9}")) {
                Duration period = switch (parts[1]) {
                    case "s" -> Duration.ofSeconds(1);
                    case "min" -> Duration.ofMinutes(1);
                    case "h" -> Duration.ofHours(1);
                    default -> null;
                };
                if (period != null) {
                    return new ConnectionRate(Integer.parseInt(parts[0]), period);
                }
            }
            throw new ConfigException("expected connections per period such as 50/s, 600/min or 1000/h, got "
                    + Values.quote(text));
        }

        /** "second", "minute", "hour", or the period in the file's duration syntax. */
        public String periodInWords() {
            if (period.equals(Duration.ofSeconds(1))) {
                return "second";
            }
            if (period.equals(Duration.ofMinutes(1))) {
                return "minute";
            }
            return period.equals(Duration.ofHours(1)) ? "hour" : Values.format(period);
        }

        /** As written in the file: {@code 50/s}, {@code 600/min}, {@code 1000/h}. */
        @Override
        public String toString() {
            String unit = switch (periodInWords()) {
                case "second" -> "s";
                case "minute" -> "min";
                case "hour" -> "h";
                default -> Values.format(period);
            };
            return connections + "/" + unit;
        }
    }
}
