package io.pgbridge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a listener offers TLS to clients that ask for it (SSLRequest), and whether it insists on it. */
public enum TlsMode {
    /** SSLRequest is answered 'N': the client goes on in plain text or gives up, as it chooses. */
    DISABLED("disabled"),
    /** SSLRequest is answered 'S' and TLS starts; clients that do not ask stay in plain text. */
    ENABLED("enabled"),
    /** As {@link #ENABLED}, and a startup packet sent in plain text is refused with FATAL 28000. */
    REQUIRED("required");

    private final String configName;

    TlsMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<TlsMode> fromConfigName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(wanted)).findFirst();
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(TlsMode::configName).toList();
    }
}
