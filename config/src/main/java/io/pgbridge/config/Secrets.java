package io.pgbridge.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Hides secrets before configuration reaches a log line, a toString or an error message. */
final class Secrets {
    static final String MASK = "***";

    /** {@code password=...} style parameters in JDBC URLs (query string or ';'-separated). */
    private static final Pattern URL_PASSWORD_PARAM =
            Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;]*");
    /** {@code //user:secret@host} in URLs such as MariaDB's. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@:;?]*:)[^/@]*@");

    private Secrets() {
    }

    /** Whether a property or key name suggests its value is a credential. */
    static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("passwd") || k.contains("pwd") || k.contains("secret")
                || k.contains("token") || k.contains("credential");
    }

    static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = URL_PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    static Map<String, String> maskProperties(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((k, v) -> masked.put(k, isSecretKey(k) ? MASK : v));
        return Collections.unmodifiableMap(masked);
    }
}
