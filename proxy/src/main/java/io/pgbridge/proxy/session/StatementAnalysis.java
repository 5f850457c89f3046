package io.pgbridge.proxy.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pgbridge.backend.Backend;
import io.pgbridge.backend.BackendDialect;
import io.pgbridge.proxy.catalog.BackendCatalogs;
import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.translation.JdbcSql;
import io.pgbridge.translation.ParameterRewriter;
import io.pgbridge.translation.Positions;
import io.pgbridge.translation.RepeatableQueries;
import io.pgbridge.translation.StatementClassifier;
import io.pgbridge.translation.StatementInfo;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.TypeNameRewriter;
import io.pgbridge.translation.schema.SchemaRewrites;

import java.sql.Connection;

/**
 * What a statement text is and what the backend receives for it: classification, translation for the backend's
 * dialect, and the rewrite of {@code $n} into JDBC markers. Pure functions of (dialect, text), so prepared statements
 * share one cache across sessions; statements that call session functions are translated when they run instead.
 */
final class StatementAnalysis {
    private static final Cache<Key, Analysis> CACHE = Caffeine.newBuilder().maximumSize(20_000).build();
    private static final int[] NO_TYPES = new int[0];

    private record Analysis(StatementInfo info, JdbcSql jdbcSql, boolean repeatable, boolean sessionFunctions,
                            Translation resultHints) {
    }

    /** The cache key: a record, so that each Parse does not copy its SQL text into a new key string. */
    private record Key(BackendDialect dialect, String sql) {
    }

    private StatementAnalysis() {
    }

    /** A statement of Parse: cached, since the same texts come back with each new connection. */
    static ParsedStatement cached(String name, String sql, int[] parameterTypes, BackendDialect dialect) {
        Analysis analysis = CACHE.get(new Key(dialect, sql), key -> analyse(sql, dialect, false));
        return statement(name, sql, parameterTypes, analysis);
    }

    /** A statement of a simple Query, analysed without the cache (the translator's own cache still applies). */
    static ParsedStatement once(String sql, BackendDialect dialect) {
        return statement("", sql, NO_TYPES, analyse(sql, dialect, false));
    }

    /**
     * {@code original} as it runs with the text {@code sql}: its session functions replaced by their values, its
     * literals typed after their columns ({@link #mayTypeLiterals}).
     */
    static ParsedStatement rewritten(ParsedStatement original, String sql, BackendDialect dialect) {
        Analysis analysis = analyse(sql, dialect, true);
        return new ParsedStatement(original.name(), sql, original.parameterTypes(), analysis.info(),
                analysis.jdbcSql(), analysis.repeatable(), false, analysis.resultHints());
    }

    /**
     * The statement with its untyped literals cast to the types of the columns they go into or are compared with,
     * as PostgreSQL would type them, from the backend's catalog read through the session's own connection.
     */
    static ParsedStatement withTypedLiterals(ParsedStatement statement, Connection connection, Backend backend) {
        if (!mayTypeLiterals(statement.info(), backend.dialect(), statement.sql())) {
            return statement;
        }
        String sql = SchemaRewrites.apply(statement.sql(), BackendCatalogs.of(backend).through(connection));
        return sql.equals(statement.sql()) ? statement : rewritten(statement, sql, backend.dialect());
    }

    /** A backend error whose position points into translated SQL, made to point into the client's. */
    static Exception inClientTerms(Exception e, ParsedStatement statement) {
        if (e instanceof ClientWriter.ClientGoneException || e instanceof InterruptedException) {
            return e;
        }
        PgException error = ErrorMapper.map(e, statement.info());
        String backendSql = statement.jdbcSql().sql();
        if (error.position() <= 0 || backendSql.equals(statement.sql())) {
            return error;
        }
        return new PgException(error.severity(), error.sqlState(), error.getMessage(), error.detail(), error.hint(),
                Positions.toClient(statement.sql(), backendSql, error.position()), e);
    }

    private static ParsedStatement statement(String name, String sql, int[] types, Analysis analysis) {
        return new ParsedStatement(name, sql, types, analysis.info(), analysis.jdbcSql(), analysis.repeatable(),
                analysis.sessionFunctions(), analysis.resultHints());
    }

    /**
     * Whether the statement may change once its literals get the types of their columns
     * ({@link SchemaRewrites}), which the proxy does when it runs, with the backend's catalog at hand.
     */
    static boolean mayTypeLiterals(StatementInfo info, BackendDialect dialect, String sql) {
        return switch (info.kind()) {
            case SELECT, INSERT, UPDATE, DELETE -> SqlTranslation.translates(info.kind())
                    && SqlTranslation.forDialect(dialect) != SqlTranslation.UNTRANSLATED
                    && SchemaRewrites.mayApply(sql);
            default -> false;
        };
    }

    /**
     * ON CONFLICT ON CONSTRAINT needs the catalog to become a column list, which it becomes when the statement runs
     * ({@link #withTypedLiterals}); until then the untranslated form stands in, and an error waits for that.
     */
    private static Translation translate(String sql, StatementInfo info, BackendDialect dialect, boolean rewritten) {
        try {
            return SqlTranslation.forDialect(dialect).translate(sql);
        } catch (TranslationException e) {
            if (!rewritten && mayTypeLiterals(info, dialect, sql) && SchemaRewrites.namesConflictConstraint(sql)) {
                return new Translation(sql);
            }
            throw e;
        }
    }

    /** {@code functionsReplaced}: session functions are already replaced, translate now whatever the text says. */
    private static Analysis analyse(String sql, BackendDialect dialect, boolean functionsReplaced) {
        StatementInfo info = StatementClassifier.classify(sql);
        // A statement calling session functions is translated only once they are replaced, when it runs.
        boolean sessionFunctions = !functionsReplaced && SessionFunctions.mayCall(info.kind(), sql);
        Translation translation = SqlTranslation.translates(info.kind()) && !sessionFunctions
                ? translate(sql, info, dialect, functionsReplaced) : new Translation(sql);
        String backendSql = TypeNameRewriter.rewrite(translation.sql(), dialect.typeNameAliases());
        return new Analysis(info, ParameterRewriter.rewrite(backendSql, dialect.isPostgres()),
                info.returnsRows() && RepeatableQueries.isRepeatable(sql, info), sessionFunctions, translation);
    }
}
