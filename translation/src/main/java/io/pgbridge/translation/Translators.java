package io.pgbridge.translation;

import io.pgbridge.translation.calcite.CalciteTranslator;
import io.pgbridge.translation.ddl.DdlTranslator;
import io.pgbridge.translation.h2.H2Translator;

/** The translator for each backend dialect. */
public final class Translators {
    private static final Translator IDENTITY = Translation::new;

    private Translators() {
    }

    public static Translator forTarget(SqlTarget target) {
        return switch (target) {
            case POSTGRESQL, GENERIC -> IDENTITY;
            case H2 -> queriesAndDdl(target, new H2Translator());
            case MARIADB -> queriesAndDdl(target, CalciteTranslator.forMariaDb());
            case SQLITE -> queriesAndDdl(target, CalciteTranslator.forSqlite());
            case HSQLDB, DUCKDB, DERBY, ORACLE, SQLSERVER, DB2 -> {
                Translator translator = queriesAndDdl(target, CalciteTranslator.forTarget(target));
                yield target.foldsToUpperCase() ? new UpperCaseNames(translator) : translator;
            }
        };
    }

    /** The DDL translator uses the dialect's query translator for the queries inside views and CREATE TABLE AS. */
    private static Translator queriesAndDdl(SqlTarget target, Translator queries) {
        return new ByKind(new DdlTranslator(target, queries), queries);
    }

    /** DDL, TRUNCATE and COMMENT to the DDL translator, every other statement to the query translator. */
    private record ByKind(Translator ddl, Translator queries) implements Translator {
        @Override
        public Translation translate(String statement) {
            return switch (StatementClassifier.classify(statement).kind()) {
                case DDL, TRUNCATE, COMMENT -> ddl.translate(statement);
                default -> queries.translate(statement);
            };
        }

        @Override
        public boolean readsLiteral(String literal) {
            return queries.readsLiteral(literal) || ddl.readsLiteral(literal);
        }
    }
}
