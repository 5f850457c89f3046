package io.pgbridge.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in scalar values so secrets and per-host settings can
 * live in the environment rather than in the file. {@code $${} gives a literal {@code ${}. As in the shell,
 * {@code :-} also applies when the variable is set but empty. Defaults are literal text (no nesting).
 */
final class EnvInterpolation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvInterpolation() {
    }

    /** The expanded text; problems are thrown as {@link ConfigException}s that never echo the value. */
    static String expand(String text, Map<String, String> env) {
        if (!text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new ConfigException("unterminated ${ in value; write $${ for a literal ${");
                }
                out.append(resolve(text.substring(i + 2, end), env));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String resolve(String expression, Map<String, String> env) {
        int colon = expression.indexOf(":-");
        String name = colon < 0 ? expression : expression.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("invalid environment variable reference ${" + (colon < 0 ? "..." : name + ":-...")
                    + "}: a name is letters, digits and '_', not starting with a digit");
        }
        String value = env.get(name);
        if (colon >= 0) {
            return value == null || value.isEmpty() ? expression.substring(colon + 2) : value;
        }
        if (value == null) {
            throw new ConfigException("environment variable " + name + " is not set (write ${" + name
                    + ":-} to allow an empty default)");
        }
        return value;
    }
}
