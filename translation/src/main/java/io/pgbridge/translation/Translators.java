package io.pgbridge.translation;

import io.pgbridge.translation.calcite.CalciteTranslator;

/** The translator for each backend dialect. */
public final class Translators {
    private static final Translator IDENTITY = Translation::new;

    private Translators() {
    }

    public static Translator forTarget(SqlTarget target) {
        return switch (target) {
            case POSTGRESQL, GENERIC -> IDENTITY;
            // Filled in as each dialect's translator lands; until then the backend sees the client's SQL.
            case H2 -> IDENTITY;
            case MARIADB -> byKind(CalciteTranslator.forMariaDb(), IDENTITY);
            case SQLITE -> byKind(CalciteTranslator.forSqlite(), IDENTITY);
        };
    }

    /** DDL and TRUNCATE to {@code ddl}, everything else to {@code queries}. */
    private static Translator byKind(Translator queries, Translator ddl) {
        return statement -> switch (StatementClassifier.classify(statement).kind()) {
            case DDL, TRUNCATE -> ddl.translate(statement);
            default -> queries.translate(statement);
        };
    }
}
