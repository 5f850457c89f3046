package io.pgbridge.translation;

/** The translator for each backend dialect. */
public final class Translators {
    private static final Translator IDENTITY = Translation::new;

    private Translators() {
    }

    public static Translator forTarget(SqlTarget target) {
        return switch (target) {
            case POSTGRESQL, GENERIC -> IDENTITY;
            // Filled in as each dialect's translator lands; until then the backend sees the client's SQL.
            case H2, MARIADB, SQLITE -> io.pgbridge.translation.ddl.DdlTranslator.routing(target, IDENTITY);
        };
    }
}
