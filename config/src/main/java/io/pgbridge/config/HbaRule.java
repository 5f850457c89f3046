package io.pgbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of pg_hba.conf style: {@code TYPE DATABASE USER ADDRESS METHOD}, e.g.
 * {@code hostssl all alice 10.0.0.0/8 scram-sha-256}. The first rule matching a connection decides its method; a
 * connection no rule matches is refused.
 *
 * @param connection {@code host} (any), {@code hostssl} (TLS only) or {@code hostnossl} (plain text only)
 * @param database a database name, or {@code all}
 * @param user a user name, or {@code all}
 * @param network the client address range; null means every address ({@code all})
 * @param prefixLength bits of {@code network} that must match
 * @param method how a matching client authenticates
 */
public record HbaRule(Connection connection, String database, String user, InetAddress network, int prefixLength,
                      AuthMode method) {

    /** The TYPE column. */
    public enum Connection { HOST, HOSTSSL, HOSTNOSSL }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Every client, every database, every user: the rule a config without rules gets for its listen.auth. */
    public static HbaRule everyone(AuthMode method) {
        return new HbaRule(Connection.HOST, "all", "all", null, 0, method);
    }

    /** Parses {@code TYPE DATABASE USER ADDRESS METHOD}; ADDRESS is {@code all}, an IP, or IP/prefix. */
    public static HbaRule parse(String line) {
        List<String> fields = List.of(line.strip().split("\\s+"));
        if (fields.size() != 5) {
            throw new ConfigException("expected TYPE DATABASE USER ADDRESS METHOD, e.g. "
                    + "\"host all all 127.0.0.1/32 scram-sha-256\", got " + Values.quote(line));
        }
        Connection connection = switch (fields.get(0).toLowerCase(Locale.ROOT)) {
            case "host" -> Connection.HOST;
            case "hostssl" -> Connection.HOSTSSL;
            case "hostnossl" -> Connection.HOSTNOSSL;
            default -> throw new ConfigException("expected host, hostssl or hostnossl as TYPE, got "
                    + Values.quote(fields.get(0)));
        };
        AuthMode method = AuthMode.fromConfigName(fields.get(4)).orElseThrow(() -> new ConfigException(
                "expected a METHOD among " + String.join(", ", AuthMode.configNames()) + ", got "
                        + Values.quote(fields.get(4))));
        String address = fields.get(3);
        if (address.equalsIgnoreCase("all")) {
            return new HbaRule(connection, fields.get(1), fields.get(2), null, 0, method);
        }
        int slash = address.indexOf('/');
        InetAddress network = literal(slash < 0 ? address : address.substring(0, slash));
        int maxBits = network.getAddress().length * 8;
        int prefix = maxBits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(address.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > maxBits) {
                throw new ConfigException("expected a prefix length from 0 to " + maxBits + " in ADDRESS, got "
                        + Values.quote(address));
            }
        }
        return new HbaRule(connection, fields.get(1), fields.get(2), network, prefix, method);
    }

    /** Whether this rule applies to a client at {@code address} asking for {@code database} as {@code user}. */
    public boolean matches(InetAddress address, boolean tls, String database, String user) {
        if (connection == Connection.HOSTSSL && !tls || connection == Connection.HOSTNOSSL && tls) {
            return false;
        }
        return nameMatches(this.database, database) && nameMatches(this.user, user) && addressMatches(address);
    }

    private static boolean nameMatches(String pattern, String name) {
        return pattern.equals("all") || pattern.equals(name);
    }

    private boolean addressMatches(InetAddress address) {
        if (network == null) {
            return true;
        }
        byte[] want = network.getAddress();
        byte[] got = address.getAddress();
        if (want.length != got.length) {
            return false;
        }
        int bits = prefixLength;
        for (int i = 0; i < want.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((want[i] & mask) != (got[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IP literal, never a host name: configuration must not depend on DNS. */
    private static InetAddress literal(String text) {
        if (IP_LITERAL.matcher(text).matches()) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new ConfigException("expected all, an IP address or an address range such as 10.0.0.0/8 as ADDRESS,"
                + " got " + Values.quote(text));
    }

    @Override
    public String toString() {
        String address = network == null ? "all" : network.getHostAddress() + "/" + prefixLength;
        return connection.name().toLowerCase(Locale.ROOT) + " " + database + " " + user + " " + address + " "
                + method.configName();
    }
}
