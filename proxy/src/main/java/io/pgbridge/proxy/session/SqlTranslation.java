package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.translation.CachingTranslator;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.Translator;
import io.pgbridge.translation.Translators;

import java.util.EnumMap;
import java.util.Map;

/** The cached translator for each backend dialect, shared by all sessions. */
public final class SqlTranslation {
    private static final long CACHE_ENTRIES = 10_000;
    private static final Map<SqlTarget, Translator> TRANSLATORS = new EnumMap<>(SqlTarget.class);
    /** The translator of backends that get the client's SQL as it is (PostgreSQL, unknown JDBC databases). */
    static final Translator UNTRANSLATED = Translators.forTarget(SqlTarget.POSTGRESQL);

    static {
        for (SqlTarget target : SqlTarget.values()) {
            TRANSLATORS.put(target, target == SqlTarget.POSTGRESQL || target == SqlTarget.GENERIC
                    ? UNTRANSLATED
                    : new CachingTranslator(Translators.forTarget(target), CACHE_ENTRIES));
        }
    }

    private SqlTranslation() {
    }

    static SqlTarget targetOf(BackendDialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> SqlTarget.POSTGRESQL;
            case "h2" -> SqlTarget.H2;
            case "mariadb" -> SqlTarget.MARIADB;
            case "sqlite" -> SqlTarget.SQLITE;
            case "hsqldb" -> SqlTarget.HSQLDB;
            case "duckdb" -> SqlTarget.DUCKDB;
            case "derby" -> SqlTarget.DERBY;
            case "oracle" -> SqlTarget.ORACLE;
            case "sqlserver" -> SqlTarget.SQLSERVER;
            case "db2" -> SqlTarget.DB2;
            default -> SqlTarget.GENERIC;
        };
    }

    /**
     * Whether statements of this kind go through the translator. Transaction control and session commands are
     * answered by the proxy itself, and the rest (COPY, cursors, LISTEN…) have their own handling.
     */
    static boolean translates(io.pgbridge.translation.StatementKind kind) {
        return switch (kind) {
            case SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE, MERGE, DDL, TRUNCATE, COMMENT, OTHER -> true;
            default -> false;
        };
    }

    /**
     * Translates a few statements on a background thread when a backend needs the Calcite translator, so that
     * the first client does not wait for its classes to load (about half a second in a fresh JVM).
     */
    public static void warmUpInBackground(java.util.Collection<BackendDialect> dialects) {
        boolean calcite = dialects.stream().map(SqlTranslation::targetOf)
                .anyMatch(t -> t != SqlTarget.POSTGRESQL && t != SqlTarget.GENERIC && t != SqlTarget.H2);
        if (calcite) {
            Thread warmUp = new Thread(io.pgbridge.translation.calcite.CalciteTranslator::warmUp, "translation-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
        }
    }

    static Translator forDialect(BackendDialect dialect) {
        return TRANSLATORS.get(targetOf(dialect));
    }
}
