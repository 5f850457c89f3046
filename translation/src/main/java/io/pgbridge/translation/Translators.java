package io.pgbridge.translation;

/** The translator for each backend dialect. */
public final class Translators {
    private static final Translator IDENTITY = Translation::new;

    private Translators() {
    }

    public static Translator forTarget(SqlTarget target) {
        return switch (target) {
            case POSTGRESQL, GENERIC -> IDENTITY;
            case H2 -> new io.pgbridge.translation.h2.H2Translator();
            // Filled in as each dialect's translator lands; until then the backend sees the client's SQL.
            case MARIADB, SQLITE -> IDENTITY;
        };
    }
}
