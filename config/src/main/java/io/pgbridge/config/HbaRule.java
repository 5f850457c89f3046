package io.pgbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of pg_hba.conf style: {@code TYPE DATABASE USER ADDRESS METHOD [clientcert=verify-ca|verify-full]}, e.g.
 * {@code hostssl all alice 10.0.0.0/8 scram-sha-256}, or {@code local DATABASE USER METHOD} for the Unix-domain
 * socket. The first rule matching a connection decides its method; a connection no rule matches is refused.
 *
 * @param connection {@code local} (the Unix-domain socket), {@code host} (any TCP connection), {@code hostssl} (TCP
 *     with TLS only) or {@code hostnossl} (TCP in plain text only)
 * @param database a database name, or {@code all}
 * @param user a user name, or {@code all}
 * @param network the client address range; null means every address ({@code all})
 * @param prefixLength bits of {@code network} that must match
 * @param method how a matching client authenticates
 * @param clientCertificate what a client certificate must be on top of the method ({@code clientcert=}); the
 *     {@code cert} method always means {@link ClientCertificateCheck#VERIFY_FULL}
 */
public record HbaRule(Connection connection, String database, String user, InetAddress network, int prefixLength,
                      AuthMode method, ClientCertificateCheck clientCertificate) {

    /** The TYPE column. */
    public enum Connection { LOCAL, HOST, HOSTSSL, HOSTNOSSL }

    /** PostgreSQL's {@code clientcert} option. */
    public enum ClientCertificateCheck {
        /** No certificate needed. */
        NONE,
        /** A certificate that chains to {@code tls_client_ca} must have been presented. */
        VERIFY_CA,
        /** As {@link #VERIFY_CA}, and its subject CN must be the user name. */
        VERIFY_FULL
    }

    public HbaRule {
        if (clientCertificate == null || method == AuthMode.CERT) {
            // As PostgreSQL: cert is a verify-full check with nothing else to ask.
            clientCertificate = method == AuthMode.CERT ? ClientCertificateCheck.VERIFY_FULL
                    : ClientCertificateCheck.NONE;
        }
    }

    /** Without a clientcert option. */
    public HbaRule(Connection connection, String database, String user, InetAddress network, int prefixLength,
                   AuthMode method) {
        this(connection, database, user, network, prefixLength, method, null);
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /**
     * Every client, every database, every user, on the Unix-domain socket and over TCP: the rules a config without
     * rules gets for its listen.auth.
     */
    public static List<HbaRule> everyone(AuthMode method) {
        return List.of(new HbaRule(Connection.LOCAL, "all", "all", null, 0, method),
                new HbaRule(Connection.HOST, "all", "all", null, 0, method));
    }

    /**
     * Parses {@code TYPE DATABASE USER ADDRESS METHOD [OPTION=VALUE]}; ADDRESS is {@code all}, an IP, or IP/prefix,
     * and absent for {@code local}; the one option known is {@code clientcert}. Errors read as PostgreSQL's for the
     * same pg_hba.conf line.
     */
    public static HbaRule parse(String line) {
        List<String> fields = List.of(line.strip().split("\\s+"));
        if (fields.get(0).equalsIgnoreCase("local")) {
            return parseLocal(line, fields);
        }
        if (fields.size() < 5) {
            throw new ConfigException("expected TYPE DATABASE USER ADDRESS METHOD, e.g. "
                    + "\"host all all 127.0.0.1/32 scram-sha-256\", got " + Values.quote(line));
        }
        Connection connection = switch (fields.get(0).toLowerCase(Locale.ROOT)) {
            case "host" -> Connection.HOST;
            case "hostssl" -> Connection.HOSTSSL;
            case "hostnossl" -> Connection.HOSTNOSSL;
            default -> throw new ConfigException("expected local, host, hostssl or hostnossl as TYPE, got "
                    + Values.quote(fields.get(0)));
        };
        AuthMode method = AuthMode.fromConfigName(fields.get(4)).orElseThrow(() -> new ConfigException(
                "expected a METHOD among " + String.join(", ", AuthMode.configNames()) + ", got "
                        + Values.quote(fields.get(4))));
        if (method == AuthMode.CERT && connection != Connection.HOSTSSL) {
            throw new ConfigException("cert authentication is only supported on hostssl connections");
        }
        ClientCertificateCheck clientCertificate = options(fields.subList(5, fields.size()), connection, method);
        String address = fields.get(3);
        if (address.equalsIgnoreCase("all")) {
            return new HbaRule(connection, fields.get(1), fields.get(2), null, 0, method, clientCertificate);
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
        return new HbaRule(connection, fields.get(1), fields.get(2), network, prefix, method, clientCertificate);
    }

    private static HbaRule parseLocal(String line, List<String> fields) {
        if (fields.size() < 4) {
            throw new ConfigException("expected local DATABASE USER METHOD, e.g. \"local all all scram-sha-256\", got "
                    + Values.quote(line));
        }
        AuthMode method = AuthMode.fromConfigName(fields.get(3)).orElseThrow(() -> new ConfigException(
                "expected a METHOD among " + String.join(", ", AuthMode.configNames()) + ", got "
                        + Values.quote(fields.get(3))));
        if (method == AuthMode.CERT) {
            throw new ConfigException("cert authentication is only supported on hostssl connections");
        }
        options(fields.subList(4, fields.size()), Connection.LOCAL, method);
        return new HbaRule(Connection.LOCAL, fields.get(1), fields.get(2), null, 0, method);
    }

    private static ClientCertificateCheck options(List<String> options, Connection connection, AuthMode method) {
        ClientCertificateCheck check = null;
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals < 0) {
                throw new ConfigException("authentication option not in name=value format: " + option);
            }
            String name = option.substring(0, equals);
            String value = option.substring(equals + 1);
            if (!name.equals("clientcert")) {
                throw new ConfigException("unrecognized authentication option name: " + Values.quote(name)
                        + " (pgbridge knows clientcert)");
            }
            if (connection != Connection.HOSTSSL) {
                throw new ConfigException("clientcert can only be configured for \"hostssl\" rows");
            }
            check = switch (value) {
                case "verify-full" -> ClientCertificateCheck.VERIFY_FULL;
                case "verify-ca" -> {
                    if (method == AuthMode.CERT) {
                        throw new ConfigException(
                                "clientcert only accepts \"verify-full\" when using \"cert\" authentication");
                    }
                    yield ClientCertificateCheck.VERIFY_CA;
                }
                default -> throw new ConfigException("invalid value for clientcert: " + Values.quote(value));
            };
        }
        return check;
    }

    /**
     * Whether this rule applies to a client at {@code address} (null: on the Unix-domain socket) asking for
     * {@code database} as {@code user}.
     */
    public boolean matches(InetAddress address, boolean tls, String database, String user) {
        if ((connection == Connection.LOCAL) != (address == null)) {
            return false;
        }
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
        String address = connection == Connection.LOCAL ? "" : network == null ? " all"
                : " " + network.getHostAddress() + "/" + prefixLength;
        String option = method == AuthMode.CERT || clientCertificate == ClientCertificateCheck.NONE ? ""
                : " clientcert=" + clientCertificate.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return connection.name().toLowerCase(Locale.ROOT) + " " + database + " " + user + address + " "
                + method.configName() + option;
    }
}
