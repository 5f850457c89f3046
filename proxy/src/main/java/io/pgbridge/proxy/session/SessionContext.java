package io.pgbridge.proxy.session;

import io.pgbridge.backend.Backends;
import io.pgbridge.config.LimitsConfig;
import io.pgbridge.proxy.auth.ClientAuthentication;
import io.pgbridge.proxy.tls.ServerTls;

/**
 * What every session of one server shares: the backends, the limits, the cancel registry, TLS (null when disabled),
 * how clients authenticate, the connection slots, the per-user and per-database counts and the per-address rate.
 */
public record SessionContext(Backends backends, LimitsConfig limits, SessionRegistry sessions, ServerTls tls,
                             ClientAuthentication authentication, ConnectionSlots connectionSlots,
                             ConnectionCounts connectionCounts, ConnectionRateLimit connectionRate) {
}
