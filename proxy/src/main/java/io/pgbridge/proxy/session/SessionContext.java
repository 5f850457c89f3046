package io.pgbridge.proxy.session;

import io.pgbridge.backend.Backends;
import io.pgbridge.config.LimitsConfig;

/** What every session of one server shares: the backends, the limits, and the cancel registry. */
public record SessionContext(Backends backends, LimitsConfig limits, SessionRegistry sessions) {
}
