package io.pgbridge.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may connect and how they prove it.
 *
 * @param rules pg_hba-style rules, first match wins, no match is refused; empty means one rule for everyone with
 *     the listener's {@code auth} method
 * @param users user name → password verifier: {@code SCRAM-SHA-256$iterations:salt$storedKey:serverKey} (what
 *     {@code ./pgbridge passwd USER} prints) or {@code md5} followed by 32 hex digits; never a plain password
 * @param allowCleartextWithoutTls lets the {@code password} and {@code passthrough} methods, which ask for the
 *     password in clear text, run on connections without TLS
 * @param timeout time a client has to finish authenticating once asked for a password
 * @param failureDelay pause before a failed authentication is answered, the same whether the user exists or not
 */
public record AuthConfig(List<HbaRule> rules, Map<String, String> users, boolean allowCleartextWithoutTls,
                         Duration timeout, Duration failureDelay) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_FAILURE_DELAY = Duration.ofMillis(500);

    private static final Pattern SCRAM_VERIFIER = Pattern.compile(
            "SCRAM-SHA-256\\$[1-9][0-9]{0,8}:[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=");
    private static final Pattern MD5_VERIFIER = Pattern.compile("md5[0-9a-f]{32}");

    public AuthConfig {
        rules = rules == null ? List.of() : List.copyOf(rules);
        Map<String, String> copy = new LinkedHashMap<>();
        if (users != null) {
            users.forEach((user, verifier) -> {
                if (verifier == null || !isVerifier(verifier)) {
                    // Never echo the value: it may be someone's password.
                    throw new ConfigException("users." + user, "expected a SCRAM-SHA-256 verifier (./pgbridge passwd "
                            + user + " prints one) or an md5 hash; plain passwords are not accepted");
                }
                copy.put(user, verifier);
            });
        }
        users = Collections.unmodifiableMap(copy);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("timeout", "expected a positive duration");
        }
        if (failureDelay == null || failureDelay.isNegative()) {
            throw new ConfigException("failure_delay", "expected a duration of 0 or more");
        }
    }

    /** No users, no rules: the listener's method (trust by default) for everyone. */
    public static AuthConfig defaults() {
        return new AuthConfig(List.of(), Map.of(), false, DEFAULT_TIMEOUT, DEFAULT_FAILURE_DELAY);
    }

    /** Whether {@code text} has the shape of a verifier this proxy can check passwords against. */
    public static boolean isVerifier(String text) {
        return SCRAM_VERIFIER.matcher(text).matches() || MD5_VERIFIER.matcher(text).matches();
    }

    /** The rules in force: the configured ones, or one rule giving everyone {@code listenMethod}. */
    public List<HbaRule> effectiveRules(AuthMode listenMethod) {
        return rules.isEmpty() ? HbaRule.everyone(listenMethod) : rules;
    }

    /** Never shows the verifiers. */
    @Override
    public String toString() {
        return "AuthConfig[rules=" + rules + ", users=" + users.keySet() + ", allowCleartextWithoutTls="
                + allowCleartextWithoutTls + ", timeout=" + timeout + ", failureDelay=" + failureDelay + "]";
    }
}
